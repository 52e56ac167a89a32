/** Statements are prepared once per connection, and a new connection (after a restore) gets its own. */
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
