/**
 * The "why I missed it" panel reads `reason_rollup` (reason × system × week, kept by triggers), not the tagged answers.
 * On a real SQLite file with random blocks, the panel and the table are compared with a recount done here in plain
 * JS from block_items, blocks and questions — after random tags, re-tags, untags, system changes, block finishes,
 * inserted and deleted items and deleted blocks (cascade). Then each trigger in turn is removed, and the same check
 * must catch the stale rollup.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/main/core/db/open';
import { reasonSummary } from '../../src/main/core/analytics/reasons';
import { addDays, localDay } from '../../src/main/core/analytics/maths';
import { MISS_REASONS } from '../../src/shared/reasons';
import { tempDir } from '../helpers/db';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 15, 0, 0);
const TODAY = localDay(NOW);
const SYSTEMS = ['Cardiovascular', 'Renal', 'Neurology', null] as const;

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir('vignette-reason-rollup-');
  cleanup = t.cleanup;
  db = openDatabase(join(t.dir, 'v.db'));
});
afterEach(() => {
  db.close();
  cleanup();
});

/** A small seeded generator, so a failure can be replayed. */
function rng(seed: number): { next: () => number; int: (n: number) => number; pick: <T>(xs: readonly T[]) => T } {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)]! };
}

type Rng = ReturnType<typeof rng>;

function seedBank(r: Rng): void {
  db.exec(`INSERT INTO packs (id, key, title, version, source_format, source_name, imported_at, updated_at) VALUES (1, 'p', 'P', '1', 'native', 'x', 0, 0)`);
  const q = db.prepare(
    `INSERT INTO questions (id, pack_id, source_id, exam, system, answer_index, choice_count, hash, created_at, updated_at, stem_html)
     VALUES (?, 1, ?, 'step1', ?, 0, 4, 'h', 0, 0, 's')`,
  );
  for (let id = 1; id <= 40; id++) q.run(id, `q${id}`, r.pick(SYSTEMS));
  for (let b = 0; b < 25; b++) insertBlock(r);
}

/** A block somewhere in the last 20 weeks, finished (a few days after its start) or still open, with 8 scored items. */
function insertBlock(r: Rng): number {
  const created = NOW - r.int(140) * DAY - r.int(DAY);
  const finished = r.next() < 0.75 ? created + r.int(3 * DAY) : null;
  const id = Number(
    db
      .prepare(`INSERT INTO blocks (created_at, mode, spec_json, seed, status, finished_at, item_count) VALUES (?, 'tutor', '{}', 1, ?, ?, 8)`)
      .run(created, finished === null ? 'suspended' : 'finished', finished).lastInsertRowid,
  );
  for (let p = 0; p < 8; p++) insertItem(r, id, p);
  return id;
}

function insertItem(r: Rng, blockId: number, position: number): void {
  const outcome = r.pick(['correct', 'incorrect', 'incorrect', 'omitted'] as const);
  const reason = r.next() < 0.6 ? (outcome === 'correct' ? 'guessed' : r.pick(MISS_REASONS)) : null;
  db.prepare('INSERT INTO block_items (block_id, position, question_id, selected, outcome, time_ms, repeat_of, reason) VALUES (?, ?, ?, 0, ?, 1000, 0, ?)').run(
    blockId,
    position,
    1 + r.int(40),
    outcome,
    reason,
  );
}

const blockIds = () => db.prepare('SELECT id FROM blocks').pluck().all() as number[];
const items = () => db.prepare('SELECT block_id AS b, position AS p FROM block_items').all() as { b: number; p: number }[];

/** One random change of the kind the app (or another feature) makes to what the panel counts. */
function randomChange(r: Rng): void {
  const op = r.int(9);
  const all = items();
  const item = all.length ? r.pick(all) : null;
  if (op <= 1 && item) db.prepare('UPDATE block_items SET reason = ? WHERE block_id = ? AND position = ?').run(r.pick(MISS_REASONS), item.b, item.p);
  else if (op === 2 && item) db.prepare('UPDATE block_items SET reason = NULL WHERE block_id = ? AND position = ?').run(item.b, item.p);
  else if (op === 3) db.prepare('UPDATE questions SET system = ? WHERE id = ?').run(r.pick(SYSTEMS), 1 + r.int(40));
  else if (op === 4) {
    // Finishing an open block moves its tags from the week it started to the week it ended.
    const open = db.prepare('SELECT id, created_at FROM blocks WHERE finished_at IS NULL').all() as { id: number; created_at: number }[];
    if (open.length) {
      const b = r.pick(open);
      db.prepare("UPDATE blocks SET status = 'finished', finished_at = ? WHERE id = ?").run(b.created_at + r.int(10 * DAY), b.id);
    }
  } else if (op === 5 && blockIds().length) db.prepare('DELETE FROM blocks WHERE id = ?').run(r.pick(blockIds()));
  else if (op === 6 && item) db.prepare('DELETE FROM block_items WHERE block_id = ? AND position = ?').run(item.b, item.p);
  else if (op === 7 && blockIds().length) {
    const b = r.pick(blockIds());
    const next = (db.prepare('SELECT coalesce(max(position), -1) + 1 FROM block_items WHERE block_id = ?').pluck().get(b) as number) + 0;
    insertItem(r, b, next);
  } else if (op === 8) insertBlock(r);
}

/** Monday (local) of the week holding `ms`, as the panel defines a week. */
function mondayOf(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7), 12);
  return localDay(monday.getTime());
}

interface Recount {
  rows: Map<string, number>; // reason|system|week → n
  total: Map<string, number>;
  bySystem: Map<string, Map<string, number>>;
  byWeek: Map<string, Map<string, number>>;
}

/** The panel's numbers counted one tagged answer at a time, in JS. */
function recount(weeks = 12): Recount {
  const tagged = db
    .prepare(
      `SELECT i.reason, q.system, coalesce(b.finished_at, b.created_at) AS at FROM block_items i
       JOIN blocks b ON b.id = i.block_id JOIN questions q ON q.id = i.question_id WHERE i.reason IS NOT NULL`,
    )
    .all() as { reason: string; system: string | null; at: number }[];
  const out: Recount = { rows: new Map(), total: new Map(), bySystem: new Map(), byWeek: new Map() };
  const add = (m: Map<string, Map<string, number>>, k: string, reason: string) => {
    const inner = m.get(k) ?? new Map<string, number>();
    inner.set(reason, (inner.get(reason) ?? 0) + 1);
    m.set(k, inner);
  };
  const since = addDays(TODAY, -7 * weeks);
  for (const t of tagged) {
    const week = mondayOf(t.at);
    const key = `${t.reason}|${t.system ?? ''}|${week}`;
    out.rows.set(key, (out.rows.get(key) ?? 0) + 1);
    out.total.set(t.reason, (out.total.get(t.reason) ?? 0) + 1);
    add(out.bySystem, t.system ?? 'Not tagged', t.reason);
    if (week > since) add(out.byWeek, week, t.reason);
  }
  return out;
}

const asMap = (entries: { key: string; counts: Record<string, number> }[]) => new Map(entries.map((e) => [e.key, new Map(Object.entries(e.counts))]));

/** Empty when the rollup table and the panel agree with the recount; otherwise what differs. */
function mismatches(): string[] {
  const want = recount();
  const problems: string[] = [];
  const rows = db.prepare('SELECT reason, system, week, n FROM reason_rollup').all() as { reason: string; system: string; week: string; n: number }[];
  const have = new Map(rows.filter((r) => r.n !== 0).map((r) => [`${r.reason}|${r.system}|${r.week}`, r.n]));
  if (rows.some((r) => r.n < 0)) problems.push('negative count in reason_rollup');
  for (const k of new Set([...have.keys(), ...want.rows.keys()])) if (have.get(k) !== want.rows.get(k)) problems.push(`rollup ${k}: ${have.get(k)} ≠ ${want.rows.get(k)}`);
  const s = reasonSummary(db, TODAY);
  const eq = (a: unknown, b: unknown, what: string) => {
    try {
      expect(a).toEqual(b);
    } catch {
      problems.push(`panel ${what} differs`);
    }
  };
  eq(new Map(s.total.map((t) => [t.reason, t.count])), want.total, 'total');
  eq(asMap(s.bySystem.map((x) => ({ key: x.system, counts: x.counts }))), want.bySystem, 'by system');
  eq(asMap(s.byWeek.map((x) => ({ key: x.week, counts: x.counts }))), want.byWeek, 'by week');
  const sums = s.bySystem.map((x) => Object.values(x.counts).reduce((a, b) => a + b, 0));
  eq(sums, [...sums].sort((a, b) => b - a), 'order of systems');
  eq(
    s.byWeek.map((w) => w.week),
    s.byWeek.map((w) => w.week).sort(),
    'order of weeks',
  );
  return problems;
}

describe('reason rollup', () => {
  it('matches a recount from the answers after every kind of change', () => {
    const r = rng(14);
    seedBank(r);
    expect(recount().total.size).toBeGreaterThan(0);
    expect(mismatches()).toEqual([]);
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 15; i++) randomChange(r);
      expect(mismatches(), `after round ${round}`).toEqual([]);
    }
    // Every block deleted (the cascade takes its items): nothing left to count.
    db.prepare('DELETE FROM blocks').run();
    expect(mismatches()).toEqual([]);
    expect(reasonSummary(db, TODAY).total).toEqual([]);
  });

  it('tags made in one transaction that rolls back leave the rollup as it was', () => {
    seedBank(rng(3));
    const before = db.prepare('SELECT * FROM reason_rollup ORDER BY 1, 2, 3').all();
    expect(() =>
      db.transaction(() => {
        db.prepare("UPDATE block_items SET reason = 'careless'").run();
        throw new Error('abort');
      })(),
    ).toThrow('abort');
    expect(db.prepare('SELECT * FROM reason_rollup ORDER BY 1, 2, 3').all()).toEqual(before);
  });

  const triggers = ['reason_rollup_item_insert', 'reason_rollup_item_update', 'reason_rollup_item_delete', 'reason_rollup_block_delete', 'reason_rollup_block_week', 'reason_rollup_question_system'];
  it.each(triggers)('the check catches a stale rollup when trigger %s is missing', (name) => {
    const r = rng(99);
    seedBank(r);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(name)).toBe(1);
    db.exec(`DROP TRIGGER ${name}`);
    let caught = false;
    for (let i = 0; i < 400 && !caught; i++) {
      randomChange(r);
      caught = mismatches().length > 0;
    }
    expect(caught).toBe(true);
  });
});
