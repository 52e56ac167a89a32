import { AppError } from '../../../../shared/result';

/** Every refusal of a package names the file it came from (and the member inside it, when there is one). */
export function refuse(file: string, message: string, member?: string): AppError {
  return new AppError('IMPORT_INVALID', `${file}${member ? ` (${member})` : ''}: ${message}`, [{ file, ...(member ? { field: member } : {}), message }]);
}
