/**
 * The dashboard's aggregates, all in SQL over tables that stay small: answer_rollup (one row per dimension value × day ×
 * mode × first/repeat, kept by triggers), the newest finished blocks, cards. JS only sorts and applies the pure maths
 * (./maths.ts) to a few hundred rows.
 */
import { READINESS_METHOD } from '../../../shared/readiness/examFacts';
import type { BlockPoint, DailyPoint, MemorySummary, PerformanceDimension, PerformanceRow, TimeSummary } from '../../../shared/readiness/types';
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import { readSrsConfig } from '../srs/config';
import { curveConstants } from '../srs/scheduler';
import { addDays, localDay, rollingAccuracy, significantChange, wilson } from './maths';

const DAY_MS = 86_400_000;
const EXAM_NAMES: Record<string, string> = { step1: 'Step 1', step2ck: 'Step 2 CK', step3: 'Step 3' };

interface GroupRow {
  key: string | number;
  label: string | null;
  fn: number;
  fc: number;
  rn: number;
  rc: number;
  ln: number;
  lc: number;
  pn: number;
  pc: number;
}

/**
 * Performance by one dimension: first attempts (n, %, 95 % Wilson interval), repeats apart, and a trend arrow when the
 * last 30 days differ from the 30 before by more than the noise. Weakest first by the interval's upper bound.
 */
export function performanceBy(db: Db, dim: PerformanceDimension, today: string): PerformanceRow[] {
  const d30 = addDays(today, -30);
  const d60 = addDays(today, -60);
  const label = dim === 'pack' ? '(SELECT p.title FROM packs p WHERE p.id = CAST(r.value AS INTEGER))' : 'NULL';
  const rows = db
    .prepare(
      `SELECT r.value AS key, ${label} AS label,
         total(CASE WHEN first = 1 THEN n END) AS fn, total(CASE WHEN first = 1 THEN correct END) AS fc,
         total(CASE WHEN first = 0 THEN n END) AS rn, total(CASE WHEN first = 0 THEN correct END) AS rc,
         total(CASE WHEN first = 1 AND day > :d30 THEN n END) AS ln, total(CASE WHEN first = 1 AND day > :d30 THEN correct END) AS lc,
         total(CASE WHEN first = 1 AND day > :d60 AND day <= :d30 THEN n END) AS pn, total(CASE WHEN first = 1 AND day > :d60 AND day <= :d30 THEN correct END) AS pc
       FROM answer_rollup r WHERE r.dim = :dim GROUP BY r.value`,
    )
    .all({ d30, d60, dim }) as GroupRow[];
  const out = rows.map((r): PerformanceRow => {
    const w = wilson(r.fc, r.fn);
    const key = String(r.key);
    return {
      key,
      label: dim === 'pack' ? (r.label ?? `Pack ${key}`) : dim === 'exam' ? (EXAM_NAMES[key] ?? 'No exam tag') : key || 'Not tagged',
      n: r.fn,
      correct: r.fc,
      percent: w ? w.p * 100 : null,
      low: w ? w.low * 100 : null,
      high: w ? w.high * 100 : null,
      trend: significantChange(r.pc, r.pn, r.lc, r.ln),
      repeatN: r.rn,
      repeatCorrect: r.rc,
    };
  });
  if (dim === 'system') addSystemNotes(db, out);
  // Weakest first by the upper bound: 2/3 (upper 94 %) does not outrank 150/300 (upper 56 %). Rows with only repeats last.
  return out.sort((a, b) => (a.high ?? 101) - (b.high ?? 101) || b.n - a.n || a.label.localeCompare(b.label));
}

/**
 * Says why: the "Not tagged" row names the packs whose answered questions have no system (MedQA has none), and a
 * system row whose answered questions include systems inferred from their words says how many. Both read only the
 * questions concerned (the untagged ones through the system index, the inferred ones through their partial index).
 */
function addSystemNotes(db: Db, rows: PerformanceRow[]): void {
  const untagged = rows.find((r) => r.key === '');
  if (untagged) {
    const packs = db
      .prepare(
        `SELECT p.title, count(*) AS n FROM questions q JOIN question_stats s ON s.question_id = q.id JOIN packs p ON p.id = q.pack_id
         WHERE q.system IS NULL AND s.attempts > 0 GROUP BY p.id ORDER BY n DESC, p.title LIMIT 4`,
      )
      .all() as { title: string; n: number }[];
    if (packs.length) {
      const named = packs.slice(0, 3).map((p) => `${p.title} (${p.n.toLocaleString('en-US')} answered)`);
      untagged.note = `imported without a system: ${named.join(', ')}${packs.length > 3 ? ' and others' : ''}`;
    }
  }
  const inferred = db
    .prepare(
      `SELECT q.system, count(*) AS n FROM questions q JOIN question_stats s ON s.question_id = q.id
       WHERE q.system_inferred = 1 AND s.attempts > 0 GROUP BY q.system`,
    )
    .all() as { system: string; n: number }[];
  for (const { system, n } of inferred) {
    const row = rows.find((r) => r.key === system);
    if (row) row.note = `system inferred from the words of ${n.toLocaleString('en-US')} answered question${n === 1 ? '' : 's'}`;
  }
}

export function totals(db: Db): { answered: number; correct: number; firstN: number; firstCorrect: number; blocks: number } {
  const t = db.prepare("SELECT total(n) AS n, total(correct) AS c, total(CASE WHEN first = 1 THEN n END) AS fn, total(CASE WHEN first = 1 THEN correct END) AS fc FROM answer_rollup WHERE dim = 'all'").get() as {
    n: number;
    c: number;
    fn: number;
    fc: number;
  };
  // A block ended with no answer (and not kept) is not a block the student did (issue 14).
  const blocks = db.prepare("SELECT count(*) FROM blocks WHERE status = 'finished' AND correct_count IS NOT NULL").pluck().get() as number;
  return { answered: t.n, correct: t.c, firstN: t.fn, firstCorrect: t.fc, blocks };
}

/** One point per finished block (the newest `limit`, oldest first): % correct, first-attempt %, seconds per item. */
export function blockPoints(db: Db, limit = 200): BlockPoint[] {
  const rows = db
    .prepare(
      `SELECT b.id, b.finished_at, b.mode, b.item_count AS n, coalesce(b.correct_count, 0) AS correct,
         (SELECT count(*) FROM block_items i WHERE i.block_id = b.id AND coalesce(i.repeat_of, 0) = 0) AS fn,
         (SELECT count(*) FROM block_items i WHERE i.block_id = b.id AND coalesce(i.repeat_of, 0) = 0 AND i.outcome = 'correct') AS fc,
         (SELECT total(i.time_ms) FROM block_items i WHERE i.block_id = b.id) AS time_ms
       FROM blocks b WHERE b.status = 'finished' AND b.correct_count IS NOT NULL ORDER BY b.finished_at DESC, b.id DESC LIMIT ?`,
    )
    .all(limit) as { id: number; finished_at: number; mode: BlockPoint['mode']; n: number; correct: number; fn: number; fc: number; time_ms: number }[];
  return rows.reverse().map((r) => ({
    blockId: r.id,
    finishedAt: r.finished_at,
    day: localDay(r.finished_at),
    mode: r.mode,
    n: r.n,
    correct: r.correct,
    percent: r.n ? (r.correct / r.n) * 100 : 0,
    firstN: r.fn,
    firstCorrect: r.fc,
    firstPercent: r.fn ? (r.fc / r.fn) * 100 : null,
    secondsPerItem: r.n ? r.time_ms / r.n / 1000 : 0,
  }));
}

/** Answers per day with the rolling 7- and 30-day accuracy, for the last `days` days that had answers. */
export function dailyPoints(db: Db, today: string, days = 365): DailyPoint[] {
  const from = addDays(today, -(days + 30));
  const rows = db.prepare("SELECT day, total(n) AS n, total(correct) AS correct FROM answer_rollup WHERE dim = 'all' AND value = '' AND day > ? GROUP BY day ORDER BY day").all(from) as {
    day: string;
    n: number;
    correct: number;
  }[];
  const r7 = rollingAccuracy(rows, 7);
  const r30 = rollingAccuracy(rows, 30);
  const cut = addDays(today, -days);
  return rows
    .map((r, i) => ({ ...r, rolling7: r7[i]! === null ? null : r7[i]! * 100, rolling30: r30[i]! === null ? null : r30[i]! * 100 }))
    .filter((r) => r.day > cut);
}

export function timeSummary(db: Db): TimeSummary {
  const t = db
    .prepare("SELECT total(n) AS n, total(correct) AS c, total(over_pace) AS o, total(over_pace_correct) AS oc, total(time_ms) AS ms FROM answer_rollup WHERE dim = 'all'")
    .get() as { n: number; c: number; o: number; oc: number; ms: number };
  const pct = (k: number, n: number) => (n ? (k / n) * 100 : null);
  return {
    paceSeconds: READINESS_METHOD.paceSeconds,
    n: t.n,
    overPace: t.o,
    overPaceShare: pct(t.o, t.n),
    fast: { n: t.n - t.o, correct: t.c - t.oc, percent: pct(t.c - t.oc, t.n - t.o) },
    slow: { n: t.o, correct: t.oc, percent: pct(t.oc, t.o) },
    meanSeconds: t.n ? t.ms / t.n / 1000 : null,
  };
}

/**
 * Memory from the FSRS cards (issue 9's schema): mean retrievability of live reviewed cards today and on the exam day
 * (if nothing were reviewed before it), overall and for question cards per system. R = (1 + factor · t / S)^decay with
 * the user's own FSRS weights (issue 9's curveConstants), the same curve the Flashcards statistics use.
 *
 * Each reviewed card's recall is evaluated once per date: flashcards in one pass, question cards in one pass grouped
 * by system, and the overall figure is their sum (the panel once ran a separate pass over all cards, so question
 * cards were evaluated twice, behind a max() and a CASE per card: 89 ms at 200,000 cards). No exam date, no exam-day
 * curve. Arithmetic per card is the cost here (a pass that only counts takes a tenth of one that evaluates the curve). The passes read two indexes of the issue-14 migration: `cards_recall` holds exactly the live reviewed cards
 * (so no flag is tested per card) and `questions_system` gives each question card's system from a narrow index (the wide
 * question rows made the lookups cost more than the curve). The cost follows the number of question cards, not of questions.
 * Every query names its index, so the plan cannot drift to a table scan.
 */
export function memorySummary(db: Db, now: number, examDayMs: number | null): MemorySummary {
  const { decay, factor } = curveConstants(readSrsConfig(db).weights);
  // A last review after the date (a clock moved back) counts as just reviewed: R = 1, as max(0, t) gives in ts-fsrs.
  // That test costs a CASE per card; flashcards, read in last-review order, skip it below the earlier date.
  const R = (at: string, guarded: boolean) => {
    const r = `pow(1 + :k * (${at} - c.last_review) / c.stability, :decay)`;
    return guarded ? `CASE WHEN c.last_review < ${at} THEN ${r} ELSE 1.0 END` : r;
  };
  const sums = (guarded: boolean) =>
    `count(*) AS cards, total(${R(':now', guarded)}) AS today, ${examDayMs === null ? '0.0' : `total(${R(':exam', guarded)})`} AS exam_day`;
  const reviewed = 'c.deleted_at IS NULL AND c.suspended = 0 AND c.state <> 0 AND c.last_review IS NOT NULL AND c.stability > 0';
  const params = { k: factor / 86_400_000, decay, now, ...(examDayMs === null ? {} : { exam: examDayMs }) };
  const before = Math.min(now, examDayMs ?? now);
  type Sums = { cards: number; today: number; exam_day: number };
  const add = (a: Sums, b: Sums): Sums => ({ cards: a.cards + b.cards, today: a.today + b.today, exam_day: a.exam_day + b.exam_day });
  const live = cached(db, 'SELECT count(*) FROM cards c INDEXED BY cards_live WHERE c.deleted_at IS NULL AND c.suspended = 0').pluck().get() as number;
  const flashSql = (guarded: boolean) =>
    `SELECT ${sums(guarded)} FROM cards c INDEXED BY cards_recall WHERE c.question_id IS NULL AND c.last_review ${guarded ? '>=' : '<'} :before AND ${reviewed}`;
  const flash = add(cached(db, flashSql(false)).get({ ...params, before }) as Sums, cached(db, flashSql(true)).get({ ...params, before }) as Sums);
  const rows = cached(
    db,
    `SELECT q.system AS system, ${sums(true)} FROM cards c INDEXED BY cards_recall CROSS JOIN questions q INDEXED BY questions_system ON q.id = c.question_id
     WHERE c.question_id IS NOT NULL AND ${reviewed} GROUP BY q.system`,
  ).all(params) as (Sums & { system: string | null })[];
  // Untagged questions (NULL) are shown as "Not tagged", merged with a system that happens to carry that name.
  const bySystem = new Map<string, Sums>();
  for (const r of rows) {
    const label = r.system ?? 'Not tagged';
    const s = bySystem.get(label);
    bySystem.set(label, s ? add(s, r) : { cards: r.cards, today: r.today, exam_day: r.exam_day });
  }
  const systems = [...bySystem].map(([system, s]) => ({ ...s, system }));
  const all = systems.reduce(add, flash);
  const mean = (sum: number, n: number) => (n ? sum / n : null);
  return {
    cards: live,
    retrievabilityToday: mean(all.today, all.cards),
    retrievabilityExamDay: examDayMs === null ? null : mean(all.exam_day, all.cards),
    bySystem: systems
      .map((r) => ({ system: r.system, cards: r.cards, today: r.today / r.cards, examDay: examDayMs === null ? null : r.exam_day / r.cards }))
      .sort((a, b) => a.today - b.today),
    source: 'FSRS forgetting curve with your FSRS weights; by system: question cards. Exam-day values assume no further reviews.',
  };
}

/**
 * Cards falling due per local day from today (`startOfToday`, local midnight) until `untilMs`; overdue cards count on
 * today. Days are whole 24-hour steps from local midnight: around a DST change a card due in the shifted hour may land
 * on the neighbouring day, which a daily load forecast can bear (and it avoids date() on 200,000 rows).
 *
 * One index range count per day, not one GROUP BY: the grouped query sorted every card in the horizon (25 ms at
 * 200,000 cards) and, with its bounds bound as REAL, grouped by a fractional offset, so each day showed one card's
 * count instead of the day's.
 */
export function dueByDay(db: Db, today: string, startOfToday: number, untilMs: number): Map<string, number> {
  const count = cached(db, 'SELECT count(*) FROM cards c INDEXED BY cards_readiness_due WHERE c.due >= ? AND c.due < ? AND c.suspended = 0 AND c.deleted_at IS NULL').pluck();
  const out = new Map<string, number>();
  const overdue = count.get(-Number.MAX_SAFE_INTEGER, startOfToday) as number;
  out.set(today, overdue + (untilMs > startOfToday ? (count.get(startOfToday, Math.min(startOfToday + DAY_MS, untilMs)) as number) : 0));
  for (let offset = 1, from = startOfToday + DAY_MS; from < untilMs; offset++, from += DAY_MS) {
    const n = count.get(from, Math.min(from + DAY_MS, untilMs)) as number;
    if (n) out.set(addDays(today, offset), n);
  }
  return out;
}

/**
 * A day's answers within the plan's pool (the exam's questions, or the whole bank when `exam` is null): first attempts
 * (questions used for the first time, i.e. unused when the day began) and repeats. From the rollup, a few rows.
 */
export function poolAnswersOn(db: Db, day: string, exam: string | null): { first: number; repeats: number } {
  const rows = db
    .prepare('SELECT first, total(n) AS n FROM answer_rollup WHERE dim = ? AND value = ? AND day = ? GROUP BY first')
    .all(exam === null ? 'all' : 'exam', exam ?? '', day) as { first: number; n: number }[];
  return { first: rows.find((r) => r.first === 1)?.n ?? 0, repeats: rows.find((r) => r.first === 0)?.n ?? 0 };
}

export function answeredOn(db: Db, day: string): number {
  return db.prepare("SELECT total(n) FROM answer_rollup WHERE dim = 'all' AND value = '' AND day = ?").pluck().get(day) as number;
}
