/** The envelope every call returns through every door: errors are data, so their details reach the screen. */
export type ErrorCode =
  | 'BAD_INPUT' // input failed its schema
  | 'NOT_FOUND'
  | 'CONFLICT' // the action does not fit the current state (e.g. answering a finished block)
  | 'IMPORT_INVALID' // a file or item failed validation; details list every problem
  | 'DB_TOO_NEW'
  | 'DB_CORRUPT'
  | 'DB_NOT_VIGNETTE'
  | 'UNKNOWN_METHOD'
  | 'FORBIDDEN'
  | 'INTERNAL';

export interface Problem {
  /** File the problem is in (as the user named it), when there is one. */
  file?: string;
  /** 1-based line (text formats) or 0-based item index (JSON arrays / packs; shown to people 1-based). */
  line?: number;
  item?: number;
  /** Field path, e.g. choices[2].text */
  field?: string;
  message: string;
}

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  details?: Problem[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** Thrown inside the core; converted to `{ ok: false }` at the door. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Problem[],
  ) {
    super(message);
    this.name = 'AppError';
  }
  toShape(): AppErrorShape {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

/** "file · line 17 · answer_idx: 'F' is not one of A–E" */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line !== undefined ? `line ${p.line}` : undefined, p.item !== undefined ? `item ${p.item + 1}` : undefined, p.field]
    .filter(Boolean)
    .join(' · ');
  return where ? `${where}: ${p.message}` : p.message;
}
