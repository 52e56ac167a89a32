/** Online backup to a file, and restore from one (the restore replaces the database file while it is closed). */
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { DatabaseError, openDatabase, type Db } from './open';

export async function backupDatabase(db: Db, destination: string): Promise<{ path: string; pages: number }> {
  if (existsSync(destination)) rmSync(destination);
  const result = await db.backup(destination);
  return { path: destination, pages: result.totalPages };
}

/**
 * Replaces `target` with the backup at `source`. The backup is checked first (it opens, passes its integrity check,
 * is a Vignette database no newer than this app), so a bad file never overwrites good data. `target` must not be open.
 */
export function restoreDatabase(source: string, target: string): void {
  if (!existsSync(source)) throw new DatabaseError('DB_NOT_VIGNETTE', `${source} does not exist.`);
  const probe = openDatabase(source, { readonly: true });
  try {
    const hasPacks = probe.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'packs'").get();
    if (!hasPacks) throw new DatabaseError('DB_NOT_VIGNETTE', `${source} is not a Vignette database.`);
  } finally {
    probe.close();
  }
  const staging = `${target}.restoring`;
  copyFileSync(source, staging);
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staging, target);
  // Migrate the restored copy now, so an older backup is brought up to date in one step.
  openDatabase(target).close();
}
