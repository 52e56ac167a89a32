import { AppError } from '../../../../shared/result';

/** JSON.parse with a message that names the file and the line and column of the error. */
export function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const pos = /position (\d+)/.exec(message);
    let line = 1;
    if (pos) for (let i = 0; i < Number(pos[1]) && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
    const detail = message.replace(/^.*?JSON[^:]*:\s*/, '').replace(/ in JSON at position \d+.*$/, '');
    throw new AppError('IMPORT_INVALID', `${file}: line ${line}: invalid JSON (${detail})`, [{ file, line, message: `invalid JSON: ${detail}` }]);
  }
}
