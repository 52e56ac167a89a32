/** Statements are prepared once per connection, and a new connection (after a restore) gets its own. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/core/db/open';
import { cached } from '../../../src/main/core/db/statements';
import { tempDir } from '../../helpers/db';

describe('cached statements', () => {
  it('returns the same statement for the same SQL on one connection, a different one on another', () => {
    const { dir, cleanup } = tempDir('vignette-stmt-');
    const a = openDatabase(join(dir, 'a.db'));
    const b = openDatabase(join(dir, 'b.db'));
    try {
      const sql = 'SELECT count(*) AS n FROM packs';
      expect(cached(a, sql)).toBe(cached(a, sql));
      expect(cached(a, sql)).not.toBe(cached(b, sql));
      expect(cached(a, sql).get()).toEqual({ n: 0 });
    } finally {
      a.close();
      b.close();
      cleanup();
    }
  });
});

describe('write transactions begin IMMEDIATE', () => {
  it('a read-then-write transaction holds the write lock from its start, so another connection cannot commit under it', () => {
    const { dir, cleanup } = tempDir('vignette-immediate-');
    const file = join(dir, 'v.db');
    const ours = openDatabase(file);
    const other = new Database(file);
    other.pragma('busy_timeout = 0');
    try {
      let otherWrite: unknown = null;
      ours.transaction(() => {
        ours.prepare('SELECT count(*) FROM settings').get();
        // With DEFERRED the other connection could commit here, and our write below would fail with SQLITE_BUSY.
        try {
          other.prepare("INSERT INTO settings (key, value) VALUES ('other', '1')").run();
        } catch (error) {
          otherWrite = (error as { code?: string }).code;
        }
        ours.prepare("INSERT INTO settings (key, value) VALUES ('ours', '1')").run();
      })();
      expect(otherWrite).toBe('SQLITE_BUSY');
      expect(ours.prepare("SELECT key FROM settings WHERE key IN ('ours', 'other')").pluck().all()).toEqual(['ours']);
    } finally {
      other.close();
      ours.close();
      cleanup();
    }
  });
});
