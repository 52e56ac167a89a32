/**
 * Safe restore. Order matters, so that no failure can lose what the student has:
 *   1. check the backup (integrity, our tables, schema not newer) — a bad file stops here, nothing changed;
 *   2. back up the current database ("pre-restore"), so the restore itself can be undone;
 *   3. copy the backup with SQLite's backup API into `<db>.restoring` (this reads a WAL-mode source correctly)
 *      and switch the copy out of WAL mode, so it is one complete file;
 *   4. the caller closes its connection (checkpointing the WAL), then `swapIn` removes the old `-wal`/`-shm`
 *      — their content is in the pre-restore copy — and renames the staged file over the database (atomic).
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '../../../shared/types';
import { backupFileName, backupsDir, checkBackup, copyDatabase, listBackups, writeBackup } from './backups';
import type { Db } from './open';

export const stagingPath = (target: string): string => `${target}.restoring`;

/** Steps 1 and 3: checks `source` and stages a single-file copy of it next to `target`. Returns the staged path. */
export async function stageRestore(source: string, target: string): Promise<{ staged: string; schemaVersion: number }> {
  const { schemaVersion } = checkBackup(source);
  const staged = stagingPath(target);
  const from = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await copyDatabase(from, staged);
  } finally {
    from.close();
  }
  return { staged, schemaVersion };
}

/** Step 4, with the database closed: the staged copy replaces it in one rename. */
export function swapIn(staged: string, target: string): void {
  if (!existsSync(staged)) throw new Error(`The staged restore ${staged} is missing.`);
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staged, target);
}

/** Closes a connection after folding its WAL into the main file, so nothing is left only in `-wal`. */
export function closeCheckpointed(db: Db): void {
  try {
    if (db.open && !db.readonly) db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    if (db.open) db.close();
  }
}

/**
 * Keeps a copy of the database about to be replaced, from a process holding the lock with the file closed (the CLI).
 * The backup API is tried first; if the file is too damaged for it, its bytes (and its WAL) are copied as they are,
 * because a restore must never be the thing that loses what the student had.
 */
export async function preserveBeforeRestore(dbPath: string, now: number): Promise<BackupInfo | null> {
  if (!existsSync(dbPath)) return null;
  try {
    const db = new Database(dbPath, { fileMustExist: true });
    try {
      return await writeBackup(db, dbPath, 'pre-restore', now);
    } finally {
      closeCheckpointed(db);
    }
  } catch {
    const name = backupFileName(dbPath, now, 'pre-restore');
    const dest = join(backupsDir(dbPath), name);
    mkdirSync(backupsDir(dbPath), { recursive: true });
    copyFileSync(dbPath, dest);
    if (existsSync(`${dbPath}-wal`)) copyFileSync(`${dbPath}-wal`, `${dest}-wal`);
    return listBackups(dbPath).find((b) => b.name === name) ?? null;
  }
}

/** The whole restore for a database nobody has open (the CLI, holding the lock): check, stage, keep, swap. */
export async function restoreClosedDatabase(source: string, target: string, now = Date.now()): Promise<{ preRestore: BackupInfo | null; schemaVersion: number }> {
  const { staged, schemaVersion } = await stageRestore(source, target);
  try {
    const preRestore = await preserveBeforeRestore(target, now);
    swapIn(staged, target);
    return { preRestore, schemaVersion };
  } finally {
    rmSync(staged, { force: true });
  }
}
