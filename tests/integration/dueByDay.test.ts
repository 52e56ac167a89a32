/**
 * The plan's reviews per day (`dueByDay`) against a count done card by card in JS, on a real SQLite file with random
 * cards: overdue, due today, due on each coming day, beyond the horizon, suspended and deleted — and again after
 * random reschedules, suspensions and deletions. One horizon crosses the end of daylight saving time in New York and
 * a partial last day. (The grouped query this replaced bound its bounds as REAL and grouped by a fractional day
 * offset: each day showed one card's count instead of the day's.)
 */
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/main/core/db/open';
import { dueByDay } from '../../src/main/core/analytics/queries';
import { addDays, localDay } from '../../src/main/core/analytics/maths';
import { tempDir } from '../helpers/db';

const DAY = 86_400_000;
let db: Db;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir('vignette-due-by-day-');
  cleanup = t.cleanup;
  db = openDatabase(join(t.dir, 'v.db'));
});
afterEach(() => {
  db.close();
  cleanup();
});

let seed = 5;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const int = (n: number) => Math.floor(rand() * n);

function insertCards(n: number, around: number): void {
  const flash = db.prepare("INSERT INTO flashcards (kind, front_md, created_at, updated_at) VALUES ('basic', 'f', 0, 0)");
  const card = db.prepare('INSERT INTO cards (flashcard_id, due, state, suspended, deleted_at, created_at, updated_at) VALUES (?, ?, 2, ?, ?, 0, 0)');
  for (let i = 0; i < n; i++) {
    card.run(Number(flash.run().lastInsertRowid), around - 10 * DAY + int(90 * DAY), rand() < 0.1 ? 1 : 0, rand() < 0.1 ? 1 : null);
  }
}

/** Local midnight starting an ISO day. */
const midnight = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y!, m! - 1, d!).getTime();
};

function expected(today: string, start: number, until: number): Map<string, number> {
  const cards = db.prepare('SELECT due FROM cards WHERE suspended = 0 AND deleted_at IS NULL').pluck().all() as number[];
  const out = new Map<string, number>([[today, 0]]);
  for (const due of cards) {
    if (due >= until) continue;
    const day = due < start ? today : addDays(today, Math.floor((due - start) / DAY));
    out.set(day, (out.get(day) ?? 0) + 1);
  }
  return out;
}

it.each([
  ['an ordinary month', Date.UTC(2026, 5, 10, 14)],
  ['a horizon across the end of daylight saving time', Date.UTC(2026, 9, 20, 14)],
])('counts each card on its day: %s', (_, now) => {
  insertCards(600, now);
  const today = localDay(now);
  const start = midnight(today);
  for (let round = 0; round < 6; round++) {
    for (const days of [1, 28, 45]) {
      // The last day may be cut short (a horizon ending at the exam's hour, not at midnight).
      const until = midnight(addDays(today, days)) - (round % 2) * 5 * 3_600_000;
      expect(dueByDay(db, today, start, until)).toEqual(expected(today, start, until));
    }
    const ids = db.prepare('SELECT id FROM cards').pluck().all() as number[];
    for (let i = 0; i < 40; i++) {
      const id = ids[int(ids.length)]!;
      const op = int(3);
      if (op === 0) db.prepare('UPDATE cards SET due = ? WHERE id = ?').run(now - 10 * DAY + int(90 * DAY), id);
      else if (op === 1) db.prepare('UPDATE cards SET suspended = 1 - suspended WHERE id = ?').run(id);
      else db.prepare('UPDATE cards SET deleted_at = CASE WHEN deleted_at IS NULL THEN 1 END WHERE id = ?').run(id);
    }
  }
});
