import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseError, migrate, openDatabase, schemaVersion } from '../../../src/main/core/db/open';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/main/core/db/migrations';
import { tempDir } from '../../helpers/db';

const EXPECTED_TABLES = [
  'packs',
  'questions',
  'choices',
  'blocks',
  'block_items',
  'cards',
  'review_log',
  'notes',
  'settings',
  'self_assessments',
  'questions_fts',
];

const tableNames = (db: Database.Database): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let dir: string;
let cleanup: () => void;
const open: Database.Database[] = [];
/** Tracks every handle so a failing assertion never leaves a file locked. */
const track = <T extends Database.Database>(db: T): T => {
  open.push(db);
  return db;
};

beforeEach(() => {
  ({ dir, cleanup } = tempDir('vignette-migrations-'));
});
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  cleanup();
});

describe('openDatabase on an empty file', () => {
  it('migrates to SCHEMA_VERSION and creates every expected table', () => {
    const db = track(openDatabase(join(dir, 'v.db')));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const names = tableNames(db);
    for (const table of EXPECTED_TABLES) expect(names, `table ${table}`).toContain(table);
  });

  it('sets WAL, foreign keys and a busy timeout', () => {
    const db = track(openDatabase(join(dir, 'v.db')));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    // Foreign keys are really enforced: a question pointing at a missing pack is refused.
    expect(() =>
      db
        .prepare(
          `INSERT INTO questions (pack_id, source_id, hash, stem_html, answer_index, choice_count, created_at, updated_at)
           VALUES (12345, 'q1', 'h', 'stem', 0, 2, 0, 0)`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('reopening runs no migration and keeps the data', () => {
    const file = join(dir, 'v.db');
    const first = track(openDatabase(file));
    first.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('examDate', JSON.stringify('2027-03-01'));
    first.close();

    // A plain handle on the migrated file: nothing is pending.
    const raw = track(new Database(file));
    expect(migrate(raw)).toBe(0);
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    raw.close();

    const again = track(openDatabase(file));
    expect(migrate(again)).toBe(0);
    expect(schemaVersion(again)).toBe(SCHEMA_VERSION);
    expect(again.prepare('SELECT key, value FROM settings').all()).toEqual([{ key: 'examDate', value: '"2027-03-01"' }]);
  });

  it('migrate returns how many migrations ran on a fresh handle', () => {
    const raw = track(new Database(join(dir, 'v.db')));
    expect(migrate(raw)).toBe(SCHEMA_VERSION);
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });
});

describe('a database from a newer app', () => {
  it('is refused with DB_TOO_NEW and left byte-identical, with no -wal file', () => {
    const file = join(dir, 'newer.db');
    const maker = new Database(file);
    maker.exec('CREATE TABLE future_thing (id INTEGER PRIMARY KEY, v TEXT); INSERT INTO future_thing (v) VALUES (\'keep me\');');
    maker.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    maker.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const before = sha256(file);

    let caught: unknown;
    try {
      track(openDatabase(file));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatabaseError);
    expect((caught as DatabaseError).code).toBe('DB_TOO_NEW');
    expect((caught as DatabaseError).message).toContain(`schema ${SCHEMA_VERSION + 1}`);

    expect(sha256(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}-shm`)).toBe(false);
  });
});

describe('migration 1', () => {
  it('applies alone and sets user_version 1', () => {
    const db = track(new Database(join(dir, 'm1.db')));
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(migrate(db, MIGRATIONS.slice(0, 1))).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const names = tableNames(db);
    for (const table of EXPECTED_TABLES) expect(names, `table ${table}`).toContain(table);
    // Running it again is a no-op.
    expect(migrate(db, MIGRATIONS.slice(0, 1))).toBe(0);
  });

  it('creates a working full-text index over questions', () => {
    const db = track(new Database(join(dir, 'm1.db')));
    migrate(db, MIGRATIONS.slice(0, 1));
    db.prepare('INSERT INTO questions_fts (rowid, stem, choices, explanation) VALUES (?, ?, ?, ?)').run(7, 'A febrile child with a rash', 'Measles', '');
    expect(db.prepare('SELECT rowid FROM questions_fts WHERE questions_fts MATCH ?').all('febrile')).toEqual([{ rowid: 7 }]);
  });
});

describe('a migration that throws', () => {
  it('on an empty file leaves user_version 0 and creates no table', () => {
    const db = track(new Database(join(dir, 'broken.db')));
    expect(() => migrate(db, ['CREATE TABLE first_step (id INTEGER);', 'CREATE TABLE second_step (id INTEGER); THIS IS NOT SQL;'])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(tableNames(db)).toEqual([]);
  });

  it('after the current schema leaves user_version and tables unchanged', () => {
    const file = join(dir, 'current.db');
    track(openDatabase(file)).close();
    const db = track(new Database(file));
    const tablesBefore = tableNames(db);
    const broken = [...MIGRATIONS, 'CREATE TABLE half_done (id INTEGER); ALTER TABLE packs ADD COLUMN title TEXT;'];
    expect(() => migrate(db, broken)).toThrow(/duplicate column name: title/);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(tableNames(db)).toEqual(tablesBefore);
    expect(tableNames(db)).not.toContain('half_done');
  });
});
