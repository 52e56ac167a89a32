import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupsToKeep, copyDatabase, listBackups, writeBackup } from '../../../src/main/core/db/backups';
import { restoreClosedDatabase } from '../../../src/main/core/db/restore';
import type { BackupInfo } from '../../../src/shared/types';
import { DatabaseError, openDatabase, type Db } from '../../../src/main/core/db/open';
import { SCHEMA_VERSION } from '../../../src/main/core/db/migrations';
import { tempDir } from '../../helpers/db';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const settingsRows = (db: Db) => db.prepare('SELECT key, value FROM settings ORDER BY key').all();
const assessmentRows = (db: Db) => db.prepare('SELECT id, product, form, taken_on, score, scale, comment FROM self_assessments ORDER BY id').all();

let dir: string;
let cleanup: () => void;
const handles: Db[] = [];
const track = (db: Db): Db => {
  handles.push(db);
  return db;
};

beforeEach(() => {
  ({ dir, cleanup } = tempDir('vignette-backup-'));
});
afterEach(() => {
  for (const db of handles.splice(0)) if (db.open) db.close();
  cleanup();
});

/** A Vignette database with a few rows in two tables; returns it closed or open. */
function seeded(file: string, examDate: string): Db {
  const db = track(openDatabase(file));
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  put.run('examDate', JSON.stringify(examDate));
  put.run('theme', JSON.stringify('dark'));
  const assessment = db.prepare(
    "INSERT INTO self_assessments (exam, product, form, taken_on, status, scale, score, created_at, updated_at) VALUES (?, ?, ?, ?, 'taken', ?, ?, 0, 0)",
  );
  assessment.run('step1', 'nbme-cbssa', '30', '2026-10-01', 'epc', 71);
  assessment.run('step2ck', 'uwsa', '2', '2026-10-15', 'three-digit', 241);
  return db;
}

const restoreDatabase = (source: string, target: string) => restoreClosedDatabase(source, target, Date.UTC(2026, 10, 27));

describe('copyDatabase', () => {
  it('writes a copy with the same rows, while the source stays open, as one file (not WAL)', async () => {
    const source = seeded(join(dir, 'live.db'), '2027-03-01');
    const dest = join(dir, 'copy.db');
    await copyDatabase(source, dest);
    expect(existsSync(`${dest}.partial`)).toBe(false);
    expect(readFileSync(dest).subarray(18, 20)).toEqual(Buffer.from([1, 1]));

    const copy = track(openDatabase(dest, { readonly: true }));
    expect(copy.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(settingsRows(copy)).toEqual([
      { key: 'examDate', value: '"2027-03-01"' },
      { key: 'theme', value: '"dark"' },
    ]);
    expect(assessmentRows(copy)).toEqual(assessmentRows(source));
    expect(assessmentRows(copy)).toHaveLength(2);
  });

  it('overwrites an existing file at the destination', async () => {
    const source = seeded(join(dir, 'live.db'), '2027-03-01');
    const dest = join(dir, 'copy.db');
    writeFileSync(dest, 'an old, unrelated file');
    await copyDatabase(source, dest);
    const copy = track(openDatabase(dest, { readonly: true }));
    expect(settingsRows(copy)).toEqual(settingsRows(source));
  });
});

describe('restoreDatabase', () => {
  it("replaces the target's content with the backup's", async () => {
    const source = seeded(join(dir, 'live.db'), '2027-03-01');
    const backup = join(dir, 'backup.db');
    await copyDatabase(source, backup);
    source.close();

    const target = join(dir, 'target.db');
    const other = seeded(target, '2030-12-31');
    other.prepare('DELETE FROM self_assessments').run();
    other.close();

    const { preRestore } = await restoreDatabase(backup, target);
    expect(existsSync(`${target}.restoring`)).toBe(false);
    // What was replaced is kept, with its own data.
    expect(preRestore?.reason).toBe('pre-restore');
    expect(listBackups(target).map((b) => b.name)).toEqual([preRestore!.name]);
    const kept = track(openDatabase(join(dir, 'backups', preRestore!.name), { readonly: true }));
    expect(settingsRows(kept)).toContainEqual({ key: 'examDate', value: '"2030-12-31"' });
    const restored = track(openDatabase(target));
    expect(settingsRows(restored)).toEqual([
      { key: 'examDate', value: '"2027-03-01"' },
      { key: 'theme', value: '"dark"' },
    ]);
    expect(assessmentRows(restored).map((r) => (r as { form: string }).form)).toEqual(['30', '2']);
  });

  /** The target is a closed Vignette database: its bytes must not change when a restore is refused. */
  function closedTarget(): { target: string; hash: string } {
    const target = join(dir, 'target.db');
    seeded(target, '2030-12-31').close();
    return { target, hash: sha256(target) };
  }

  it('refuses a SQLite file that is not a Vignette database and leaves the target unchanged', async () => {
    const { target, hash } = closedTarget();
    const foreign = join(dir, 'foreign.db');
    const f = new Database(foreign);
    f.exec("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO recipes (name) VALUES ('soup');");
    f.close();

    const caught = await restoreDatabase(foreign, target).catch((error: unknown) => error);
    expect(caught).toBeInstanceOf(DatabaseError);
    expect((caught as DatabaseError).code).toBe('DB_NOT_VIGNETTE');
    expect(sha256(target)).toBe(hash);
    expect(existsSync(`${target}.restoring`)).toBe(false);
    const db = track(openDatabase(target, { readonly: true }));
    expect(settingsRows(db)).toContainEqual({ key: 'examDate', value: '"2030-12-31"' });
  });

  it('refuses a garbage file and leaves the target unchanged', async () => {
    const { target, hash } = closedTarget();
    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, Buffer.from('this is not a database at all, just some text that goes on '.repeat(200)));
    await expect(restoreDatabase(garbage, target)).rejects.toThrow(/not a database/i);
    expect(sha256(target)).toBe(hash);
    expect(existsSync(`${target}.restoring`)).toBe(false);
  });

  it('refuses a missing file and leaves the target unchanged', async () => {
    const { target, hash } = closedTarget();
    await expect(restoreDatabase(join(dir, 'nope.db'), target)).rejects.toThrow(DatabaseError);
    expect(sha256(target)).toBe(hash);
  });

  it('refuses a backup written by a newer app', async () => {
    const { target, hash } = closedTarget();
    const newer = join(dir, 'newer.db');
    const n = new Database(newer);
    n.exec('CREATE TABLE packs (id INTEGER PRIMARY KEY)');
    n.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    n.close();
    const caught = await restoreDatabase(newer, target).catch((error: unknown) => error);
    expect((caught as DatabaseError).code).toBe('DB_TOO_NEW');
    expect(sha256(target)).toBe(hash);
  });
});

describe('corrupt backups', () => {
  it('refuses a backup whose pages are damaged, and keeps no pre-restore copy because nothing changed', async () => {
    const target = join(dir, 'target.db');
    seeded(target, '2030-12-31').close();
    const hash = sha256(target);
    const source = seeded(join(dir, 'live.db'), '2027-03-01');
    for (let i = 0; i < 300; i++) source.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(`k${i}`, JSON.stringify('x'.repeat(200)));
    const backup = join(dir, 'backup.db');
    await copyDatabase(source, backup);
    const bytes = readFileSync(backup);
    bytes.fill(0x5a, 4096 * 3, 4096 * 3 + 2000); // scribble over the middle of the fourth page
    writeFileSync(backup, bytes);
    const caught = await restoreDatabase(backup, target).catch((error: unknown) => error);
    expect(caught).toBeInstanceOf(DatabaseError);
    expect((caught as DatabaseError).code).toBe('DB_CORRUPT');
    expect(sha256(target)).toBe(hash);
    expect(listBackups(target)).toEqual([]);
  });
});

describe('writeBackup and the rolling policy', () => {
  const DAY = 86_400_000;
  const now = Date.UTC(2026, 10, 27, 12);
  const info = (daysAgo: number, reason: BackupInfo['reason'] = 'daily'): BackupInfo => ({ name: `b-${daysAgo}-${reason}`, createdAt: now - daysAgo * DAY, reason, bytes: 1 });

  it('keeps the last day, the newest of each of 7 days and of 4 weeks, and every manual backup', () => {
    const all = [0.1, 0.5, 1.2, 1.6, 2.2, 3.2, 4.2, 5.2, 6.2, 7.2, 8.2, 12.2, 19.2, 26.2, 33.2, 40.2, 60.2].map((d) => info(d));
    all.push(info(90, 'manual'));
    const keep = backupsToKeep(all, now);
    // < 1 day: both; the newest of each of the 7 newest UTC days (1.6 and 2.2 days ago are both 25 Nov); then the
    // newest of each of the 4 newest Monday-to-Sunday weeks (12.2 and 19.2 days ago add two older weeks).
    expect([...keep].sort()).toEqual(
      ['b-0.1-daily', 'b-0.5-daily', 'b-1.2-daily', 'b-1.6-daily', 'b-3.2-daily', 'b-4.2-daily', 'b-5.2-daily', 'b-6.2-daily', 'b-12.2-daily', 'b-19.2-daily', 'b-90-manual'].sort(),
    );
    expect(keep.has('b-2.2-daily')).toBe(false);
    expect(keep.has('b-60.2-daily')).toBe(false);
  });

  it('writes into backups/, lists newest first with size, and prunes by the policy', async () => {
    const dbPath = join(dir, 'vignette.db');
    const db = seeded(dbPath, '2027-03-01');
    for (let d = 30; d >= 0; d--) await writeBackup(db, dbPath, 'daily', now - d * DAY);
    const list = listBackups(dbPath);
    expect(list[0]!.createdAt).toBe(now);
    expect(list.every((b) => b.bytes > 0 && b.reason === 'daily')).toBe(true);
    expect(list.map((b) => b.createdAt)).toEqual([...list.map((b) => b.createdAt)].sort((a, b) => b - a));
    // 7 daily ones, plus the older weeks' newest until 4 weeks are covered.
    expect(list.length).toBeLessThanOrEqual(11);
    expect(list.length).toBeGreaterThanOrEqual(8);
    const copy = track(openDatabase(join(dir, 'backups', list[0]!.name), { readonly: true }));
    expect(settingsRows(copy)).toContainEqual({ key: 'examDate', value: '"2027-03-01"' });
  });
});
