/** The inferred-system flag: added by its migration to a database that already holds questions, 0 for all of them. */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/db/open';
import { MIGRATIONS } from '../../../src/main/core/db/migrations';
import { tempDir } from '../../helpers/db';

const INDEX = MIGRATIONS.findIndex((m) => m.includes('ADD COLUMN system_inferred'));
let dir: string;
let cleanup: () => void;
let db: Database.Database;

beforeEach(() => {
  ({ dir, cleanup } = tempDir('vignette-mig-system-inferred-'));
  db = new Database(join(dir, 'v.db'));
});
afterEach(() => {
  db.close();
  cleanup();
});

it('adds system_inferred (0 for questions already there) and the partial index removal reads', () => {
  expect(INDEX).toBeGreaterThan(0);
  migrate(db, MIGRATIONS.slice(0, INDEX));
  db.prepare("INSERT INTO packs (key, title, version, source_format, source_name, imported_at, updated_at) VALUES ('p', 'P', '1', 'medqa', 'p.jsonl', 0, 0)").run();
  db.prepare(
    `INSERT INTO questions (pack_id, source_id, hash, stem_html, explanation_html, objective, references_json, answer_index, choice_count, created_at, updated_at)
     VALUES (1, 'q1', 'h', '<p>Q</p>', '', '', '[]', 0, 2, 0, 0)`,
  ).run();
  migrate(db, MIGRATIONS);
  expect(db.prepare('SELECT system, system_inferred FROM questions').get()).toEqual({ system: null, system_inferred: 0 });
  const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM questions WHERE pack_id = 1 AND system_inferred = 1').all() as { detail: string }[];
  expect(plan.map((p) => p.detail).join(' ')).toContain('questions_system_inferred');
});
