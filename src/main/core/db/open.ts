/** Opening the database: refuse files from a newer app, migrate, set pragmas, check integrity. */
import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;

export class DatabaseError extends Error {
  constructor(
    readonly code: 'DB_TOO_NEW' | 'DB_CORRUPT' | 'DB_NOT_VIGNETTE',
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseError';
  }
}

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron); Node uses the package's own. */
  nativeBinding?: string;
  readonly?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    // Read the version before any pragma that writes (journal_mode writes the header): a refused file stays byte-identical.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new DatabaseError(
        'DB_TOO_NEW',
        `${file} was written by a newer version of Vignette (schema ${version}; this app knows up to ${SCHEMA_VERSION}). Update Vignette to open it.`,
      );
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -32000');
    db.pragma('temp_store = MEMORY');
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') {
      throw new DatabaseError('DB_CORRUPT', `${file} failed its integrity check: ${check}. Restore a backup with the app closed: npx vignette backups, then npx vignette restore <name>.`);
    }
    if (!options.readonly) {
      migrate(db);
      beginImmediate(db);
    }
    return db;
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') throw new DatabaseError('DB_NOT_VIGNETTE', `${file} is not a database Vignette can open (it is not an SQLite file).`);
    if (code?.startsWith('SQLITE_CORRUPT')) throw new DatabaseError('DB_CORRUPT', `${file} is damaged: ${(error as Error).message}. Restore a backup with the app closed: npx vignette backups, then npx vignette restore <name>.`);
    throw error;
  }
}

/** Applies every pending migration in one transaction; returns how many ran. */
export function migrate(db: Db, migrations: readonly string[] = MIGRATIONS): number {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from >= migrations.length) return 0;
  db.transaction(() => {
    for (let i = from; i < migrations.length; i++) db.exec(migrations[i]!);
    db.pragma(`user_version = ${migrations.length}`);
  })();
  return migrations.length - from;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Makes `db.transaction(fn)` begin IMMEDIATE (take the write lock first, waiting up to busy_timeout). With the default
 * DEFERRED, a transaction that reads and then writes fails at once with SQLITE_BUSY when another connection (the jobs
 * thread's staged import) committed in between; IMMEDIATE simply waits for the lock instead.
 */
function beginImmediate(db: Db): void {
  const deferred = db.transaction.bind(db);
  // better-sqlite3 gives every variant the others as properties, so `.deferred()` etc. still work on what we return.
  db.transaction = ((fn: (...args: never[]) => unknown) => deferred(fn).immediate) as Db['transaction'];
}
