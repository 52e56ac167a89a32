/**
 * Rolling backups in `<db folder>/backups/`, written with SQLite's online backup API (consistent while writes go on),
 * to a `.partial` file first and renamed only once complete, so a failed backup never leaves a half file that looks
 * good. Kept: everything from the last day, the newest of each of the last 7 days and of the last 4 weeks; a backup
 * the student made with "Back up now" is never pruned.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupInfo, BackupReason } from '../../../shared/types';
import { SCHEMA_VERSION } from './migrations';
import { DatabaseError, type Db } from './open';

const DAY = 86_400_000;
const REASONS: readonly BackupReason[] = ['daily', 'manual', 'pre-migration', 'pre-restore', 'pre-import'];

export const backupsDir = (dbPath: string): string => join(dirname(dbPath), 'backups');
const prefix = (dbPath: string) => `${basename(dbPath).replace(/\.db$/i, '')}-`;

/** 2026-11-27T09:05:03.123Z → 20261127-090503-123 (sortable, safe in every file system). */
const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '');
const NAME = /^-(\d{8})-(\d{6})-(\d{3})-([a-z-]+)\.db$/;

function parseName(dbPath: string, name: string): { createdAt: number; reason: BackupReason } | null {
  if (!name.startsWith(prefix(dbPath))) return null;
  const m = NAME.exec(name.slice(prefix(dbPath).length - 1));
  if (!m) return null;
  const [, d, t, ms, reason] = m as unknown as [string, string, string, string, string];
  if (!REASONS.includes(reason as BackupReason)) return null;
  const iso = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.${ms}Z`;
  const createdAt = Date.parse(iso);
  return Number.isNaN(createdAt) ? null : { createdAt, reason: reason as BackupReason };
}

/** Backups of this database, newest first. */
export function listBackups(dbPath: string): BackupInfo[] {
  const dir = backupsDir(dbPath);
  if (!existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseName(dbPath, name);
    if (!parsed) continue;
    out.push({ name, ...parsed, bytes: statSync(join(dir, name)).size });
  }
  return out.sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name));
}

/** The path of a backup named by the user (Settings list, CLI), refusing anything that is not one of ours. */
export function backupPath(dbPath: string, name: string): string {
  if (name.includes('/') || name.includes('\\') || !parseName(dbPath, name)) {
    throw new DatabaseError('DB_NOT_VIGNETTE', `${name} is not a Vignette backup of this database.`);
  }
  const file = join(backupsDir(dbPath), name);
  if (!existsSync(file)) throw new DatabaseError('DB_NOT_VIGNETTE', `The backup ${name} no longer exists.`);
  return file;
}

/**
 * Copies `db` to `destination` through a `.partial` file: SQLite's backup API, then the copy is switched out of WAL
 * mode (one self-contained file) and renamed into place. An existing destination is replaced only by a complete copy.
 */
export async function copyDatabase(db: Db, destination: string): Promise<void> {
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  try {
    await db.backup(partial);
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    renameSync(partial, destination);
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${partial}${suffix}`, { force: true });
    throw error;
  }
}

/** A fresh file name for a backup made at `now`; two in the same millisecond (a restore right after Back up now) keep both. */
export function backupFileName(dbPath: string, now: number, reason: BackupReason): string {
  let name = `${prefix(dbPath)}${stamp(now)}-${reason}.db`;
  for (let n = 1; existsSync(join(backupsDir(dbPath), name)); n++) name = `${prefix(dbPath)}${stamp(now + n)}-${reason}.db`;
  return name;
}

export async function writeBackup(db: Db, dbPath: string, reason: BackupReason, now = Date.now()): Promise<BackupInfo> {
  const dir = backupsDir(dbPath);
  mkdirSync(dir, { recursive: true });
  const name = backupFileName(dbPath, now, reason);
  await copyDatabase(db, join(dir, name));
  pruneBackups(dbPath, now);
  return listBackups(dbPath).find((b) => b.name === name)!;
}

/** Which backups the rolling policy keeps (pure, so it is tested on its own). */
export function backupsToKeep(backups: readonly BackupInfo[], now: number): Set<string> {
  const keep = new Set<string>();
  const newestFirst = [...backups].sort((a, b) => b.createdAt - a.createdAt);
  for (const b of newestFirst) if (b.reason === 'manual' || now - b.createdAt < DAY) keep.add(b.name);
  const newestPer = (bucket: (t: number) => number, count: number) => {
    const seen = new Set<number>();
    for (const b of newestFirst) {
      const key = bucket(b.createdAt);
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      keep.add(b.name);
    }
  };
  newestPer((t) => Math.floor(t / DAY), 7);
  // Weeks counted from a Monday (1970-01-05), so a week is Monday..Sunday in UTC.
  newestPer((t) => Math.floor((t - 4 * DAY) / (7 * DAY)), 4);
  return keep;
}

export function pruneBackups(dbPath: string, now = Date.now()): string[] {
  const all = listBackups(dbPath);
  const keep = backupsToKeep(all, now);
  const removed = all.filter((b) => !keep.has(b.name)).map((b) => b.name);
  for (const name of removed) rmSync(join(backupsDir(dbPath), name), { force: true });
  return removed;
}

export function lastBackupAge(dbPath: string, now = Date.now()): number | null {
  const newest = listBackups(dbPath)[0];
  return newest ? now - newest.createdAt : null;
}

/** A start-up backup is due when there is none, or the newest is older than a day. */
export const dailyBackupDue = (dbPath: string, now = Date.now()): boolean => {
  const age = lastBackupAge(dbPath, now);
  return age === null || age >= DAY;
};

/**
 * Checks a file is a restorable Vignette database: it opens, passes a full integrity check, has our tables and a
 * schema no newer than this app. Opens read-only, so checking never changes the file. Returns its schema version.
 */
export function checkBackup(file: string): { schemaVersion: number } {
  if (!existsSync(file)) throw new DatabaseError('DB_NOT_VIGNETTE', `${file} does not exist.`);
  let probe: Db;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new DatabaseError('DB_NOT_VIGNETTE', `${basename(file)} cannot be opened as a database: ${(error as Error).message}`);
  }
  try {
    const version = probe.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new DatabaseError('DB_TOO_NEW', `${basename(file)} was made by a newer Vignette (schema ${version}; this app knows up to ${SCHEMA_VERSION}). Update Vignette to restore it.`);
    }
    const check = probe.pragma('integrity_check', { simple: true }) as string;
    if (check !== 'ok') throw new DatabaseError('DB_CORRUPT', `${basename(file)} is damaged (${check}); choose another backup.`);
    const hasPacks = probe.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'packs'").get();
    if (!hasPacks) throw new DatabaseError('DB_NOT_VIGNETTE', `${basename(file)} is not a Vignette database.`);
    return { schemaVersion: version };
  } catch (error) {
    if (error instanceof DatabaseError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB') throw new DatabaseError('DB_NOT_VIGNETTE', `${basename(file)} is not a database Vignette can open (it is not an SQLite file).`);
    if (code.startsWith('SQLITE_CORRUPT')) throw new DatabaseError('DB_CORRUPT', `${basename(file)} is damaged; choose another backup.`);
    throw error;
  } finally {
    probe.close();
  }
}
