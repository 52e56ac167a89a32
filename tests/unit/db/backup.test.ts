import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../../../src/main/core/db/backup';
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

describe('backupDatabase', () => {
  it('writes a copy with the same rows, while the source stays open', async () => {
    const source = seeded(join(dir, 'live.db'), '2027-03-01');
    const dest = join(dir, 'copy.db');
    const result = await backupDatabase(source, dest);
    expect(result.path).toBe(dest);
    expect(result.pages).toBeGreaterThan(0);

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
    await backupDatabase(source, dest);
    const copy = track(openDatabase(dest, { readonly: true }));
    expect(settingsRows(copy)).toEqual(settingsRows(source));
  });
});

describe('restoreDatabase', () => {
  it("replaces the target's content with the backup's", async () => {
    const source = seeded(join(dir, 'live.db'), '2027-03-01');
    const backup = join(dir, 'backup.db');
    await backupDatabase(source, backup);
    source.close();

    const target = join(dir, 'target.db');
    const other = seeded(target, '2030-12-31');
    other.prepare('DELETE FROM self_assessments').run();
    other.close();

    restoreDatabase(backup, target);
    expect(existsSync(`${target}.restoring`)).toBe(false);
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

  it('refuses a SQLite file that is not a Vignette database and leaves the target unchanged', () => {
    const { target, hash } = closedTarget();
    const foreign = join(dir, 'foreign.db');
    const f = new Database(foreign);
    f.exec("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO recipes (name) VALUES ('soup');");
    f.close();

    let caught: unknown;
    try {
      restoreDatabase(foreign, target);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatabaseError);
    expect((caught as DatabaseError).code).toBe('DB_NOT_VIGNETTE');
    expect(sha256(target)).toBe(hash);
    expect(existsSync(`${target}.restoring`)).toBe(false);
    const db = track(openDatabase(target, { readonly: true }));
    expect(settingsRows(db)).toContainEqual({ key: 'examDate', value: '"2030-12-31"' });
  });

  it('refuses a garbage file and leaves the target unchanged', () => {
    const { target, hash } = closedTarget();
    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, Buffer.from('this is not a database at all, just some text that goes on '.repeat(200)));
    expect(() => restoreDatabase(garbage, target)).toThrow(/not a database/i);
    expect(sha256(target)).toBe(hash);
    expect(existsSync(`${target}.restoring`)).toBe(false);
  });

  it('refuses a missing file and leaves the target unchanged', () => {
    const { target, hash } = closedTarget();
    expect(() => restoreDatabase(join(dir, 'nope.db'), target)).toThrow(DatabaseError);
    expect(sha256(target)).toBe(hash);
  });

  it('refuses a backup written by a newer app', () => {
    const { target, hash } = closedTarget();
    const newer = join(dir, 'newer.db');
    const n = new Database(newer);
    n.exec('CREATE TABLE packs (id INTEGER PRIMARY KEY)');
    n.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    n.close();
    let caught: unknown;
    try {
      restoreDatabase(newer, target);
    } catch (error) {
      caught = error;
    }
    expect((caught as DatabaseError).code).toBe('DB_TOO_NEW');
    expect(sha256(target)).toBe(hash);
  });
});
