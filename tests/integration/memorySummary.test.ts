/**
 * The dashboard's memory panel (mean FSRS recall today and on the exam day, overall and per system) against ts-fsrs'
 * own forgetting curve evaluated card by card in JS, on a real SQLite file with random cards: question cards and
 * flashcards, new / reviewed / suspended / deleted, zero stability, a last review in the future, untagged questions,
 * the user's own decay — and again after random answers, suspensions, deletions, new cards and system changes.
 */
import { join } from 'node:path';
import { default_w, forgetting_curve } from 'ts-fsrs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/main/core/db/open';
import { memorySummary } from '../../src/main/core/analytics/queries';
import { writeSrsConfig } from '../../src/main/core/srs/config';
import type { MemorySummary } from '../../src/shared/readiness/types';
import { tempDir } from '../helpers/db';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 15, 0, 0);
const EXAM = NOW + 45 * DAY;
const SYSTEMS = ['Cardiovascular', 'Renal', 'Neurology', null] as const;
// The user's own weights: FSRS-6 defaults with a steeper decay (w20), so the curve is not the default one.
const WEIGHTS = [...default_w.slice(0, 20), 0.42];

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir('vignette-memory-');
  cleanup = t.cleanup;
  db = openDatabase(join(t.dir, 'v.db'));
  writeSrsConfig(db, { weights: WEIGHTS });
});
afterEach(() => {
  db.close();
  cleanup();
});

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

/** A random memory state: new, or reviewed up to a year ago (sometimes "in the future", after a clock change). */
function memory(r: Rng): { state: number; stability: number; last_review: number | null } {
  if (r.next() < 0.15) return { state: 0, stability: 0, last_review: null };
  const lastReview = r.next() < 0.05 ? NOW + r.int(2 * DAY) : NOW - r.int(365 * DAY);
  return { state: 1 + r.int(3), stability: r.next() < 0.05 ? 0 : 0.1 + r.next() * 400, last_review: lastReview };
}

function insertCard(r: Rng, questionId: number | null): void {
  const m = memory(r);
  const flashId =
    questionId === null
      ? Number(db.prepare("INSERT INTO flashcards (kind, front_md, created_at, updated_at) VALUES ('basic', 'f', 0, 0)").run().lastInsertRowid)
      : null;
  db.prepare(
    `INSERT INTO cards (question_id, flashcard_id, due, stability, difficulty, state, last_review, suspended, deleted_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, 5, ?, ?, ?, ?, 0, 0)`,
  ).run(questionId, flashId, NOW + r.int(30 * DAY), m.stability, m.state, m.last_review, r.next() < 0.1 ? 1 : 0, r.next() < 0.1 ? NOW : null);
}

function seed(r: Rng): void {
  db.exec(`INSERT INTO packs (id, key, title, version, source_format, source_name, imported_at, updated_at) VALUES (1, 'p', 'P', '1', 'native', 'x', 0, 0)`);
  const q = db.prepare(
    `INSERT INTO questions (id, pack_id, source_id, exam, system, answer_index, choice_count, hash, created_at, updated_at, stem_html)
     VALUES (?, 1, ?, 'step1', ?, 0, 4, 'h', 0, 0, 's')`,
  );
  for (let id = 1; id <= 60; id++) q.run(id, `q${id}`, r.pick(SYSTEMS));
  for (let id = 1; id <= 40; id++) insertCard(r, id);
  for (let i = 0; i < 150; i++) insertCard(r, null);
}

function randomChange(r: Rng): void {
  const ids = db.prepare('SELECT id FROM cards').pluck().all() as number[];
  const id = r.pick(ids);
  const op = r.int(6);
  if (op <= 1) {
    const m = memory(r);
    db.prepare('UPDATE cards SET state = ?, stability = ?, last_review = ? WHERE id = ?').run(m.state, m.stability, m.last_review, id);
  } else if (op === 2) db.prepare('UPDATE cards SET suspended = 1 - suspended WHERE id = ?').run(id);
  else if (op === 3) db.prepare('UPDATE cards SET deleted_at = CASE WHEN deleted_at IS NULL THEN ? END WHERE id = ?').run(NOW, id);
  else if (op === 4) db.prepare('UPDATE questions SET system = ? WHERE id = ?').run(r.pick(SYSTEMS), 1 + r.int(60));
  else {
    const free = db.prepare('SELECT id FROM questions WHERE id NOT IN (SELECT question_id FROM cards WHERE question_id IS NOT NULL)').pluck().all() as number[];
    insertCard(r, free.length && r.next() < 0.5 ? r.pick(free) : null);
  }
}

/** The panel's numbers, one card at a time through ts-fsrs. */
function expected(examDayMs: number | null): Omit<MemorySummary, 'source' | 'dueToday'> {
  const cards = db
    .prepare('SELECT c.question_id, q.system, c.state, c.stability, c.last_review FROM cards c LEFT JOIN questions q ON q.id = c.question_id WHERE c.deleted_at IS NULL AND c.suspended = 0')
    .all() as { question_id: number | null; system: string | null; state: number; stability: number; last_review: number | null }[];
  const recall = (c: (typeof cards)[number], at: number) => forgetting_curve(WEIGHTS, Math.max(0, (at - c.last_review!) / DAY), c.stability);
  const reviewed = cards.filter((c) => c.state !== 0 && c.last_review !== null && c.stability > 0);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const systems = new Map<string, typeof reviewed>();
  for (const c of reviewed.filter((c) => c.question_id !== null)) {
    const key = c.system ?? 'Not tagged';
    systems.set(key, [...(systems.get(key) ?? []), c]);
  }
  return {
    cards: cards.length,
    retrievabilityToday: mean(reviewed.map((c) => recall(c, NOW))),
    retrievabilityExamDay: examDayMs === null ? null : mean(reviewed.map((c) => recall(c, examDayMs))),
    bySystem: [...systems].map(([system, cs]) => ({
      system,
      cards: cs.length,
      today: mean(cs.map((c) => recall(c, NOW))),
      examDay: examDayMs === null ? null : mean(cs.map((c) => recall(c, examDayMs))),
    })),
  };
}

function expectAgreement(examDayMs: number | null): void {
  const got = memorySummary(db, NOW, examDayMs);
  const want = expected(examDayMs);
  expect(got.cards).toBe(want.cards);
  // ts-fsrs rounds each recall to 8 decimals; the SQL sum does not: a mean can differ by at most 5e-9.
  const close = (a: number | null, b: number | null) => {
    if (b === null) expect(a).toBeNull();
    else expect(Math.abs(a! - b)).toBeLessThan(1e-8);
  };
  close(got.retrievabilityToday, want.retrievabilityToday);
  close(got.retrievabilityExamDay, want.retrievabilityExamDay);
  expect(got.bySystem.map((s) => s.system).sort()).toEqual(want.bySystem.map((s) => s.system).sort());
  for (const w of want.bySystem) {
    const g = got.bySystem.find((s) => s.system === w.system)!;
    expect(g.cards).toBe(w.cards);
    close(g.today, w.today);
    close(g.examDay, w.examDay);
  }
  // Weakest system first.
  const todays = got.bySystem.map((s) => s.today!);
  expect(todays).toEqual([...todays].sort((a, b) => a - b));
}

describe('memory summary', () => {
  it('equals ts-fsrs card by card, with and without an exam date, after random changes', () => {
    const r = rng(9);
    seed(r);
    expect(expected(EXAM).bySystem.length).toBeGreaterThan(2);
    for (let round = 0; round < 12; round++) {
      expectAgreement(EXAM);
      expectAgreement(null);
      // An exam date already past: recall on that day is still measured from each card's last review.
      expectAgreement(NOW - 3 * DAY);
      for (let i = 0; i < 25; i++) randomChange(r);
    }
  });

  it('is empty but defined with no cards', () => {
    const s = memorySummary(db, NOW, EXAM);
    expect(s).toMatchObject({ cards: 0, retrievabilityToday: null, retrievabilityExamDay: null, bySystem: [] });
  });
});
