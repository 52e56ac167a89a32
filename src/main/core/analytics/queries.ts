/**
 * The dashboard's aggregates, all in SQL over tables that stay small: answer_rollup (one row per dimension value × day ×
 * mode × first/repeat, kept by triggers), the newest finished blocks, cards. JS only sorts and applies the pure maths
 * (./maths.ts) to a few hundred rows.
 */
import { READINESS_METHOD } from '../../../shared/readiness/examFacts';
import type { BlockPoint, DailyPoint, MemorySummary, PerformanceDimension, PerformanceRow, TimeSummary } from '../../../shared/readiness/types';
import type { Db } from '../db/open';
import { readSrsConfig } from '../srs/config';
import { curveConstants } from '../srs/scheduler';
import { addDays, localDay, rollingAccuracy, significantChange, wilson } from './maths';

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
 * Every query names its covering index (migration "issue 11"), so the plan cannot drift to a table scan.
 */
export function memorySummary(db: Db, now: number, examDayMs: number | null): MemorySummary {
  const { decay, factor } = curveConstants(readSrsConfig(db).weights);
  const params = { factor, decay, now, exam: examDayMs ?? now };
  const R = (at: string) => `pow(1 + :factor * max(0, ${at} - c.last_review) / 86400000.0 / c.stability, :decay)`;
  const reviewed = 'c.state <> 0 AND c.last_review IS NOT NULL AND c.stability > 0';
  // One pass over every live card: how many there are, and the recall sums of those ever reviewed.
  const overall = db
    .prepare(
      `SELECT count(*) AS live, total(${reviewed}) AS cards, total(CASE WHEN ${reviewed} THEN ${R(':now')} END) AS today,
         total(CASE WHEN ${reviewed} THEN ${R(':exam')} END) AS exam_day
       FROM cards c INDEXED BY cards_readiness_memory WHERE c.deleted_at IS NULL AND c.suspended = 0`,
    )
    .get(params) as { live: number; cards: number; today: number; exam_day: number };
  const rows = db
    .prepare(
      `SELECT coalesce(q.system, 'Not tagged') AS system, count(*) AS cards, avg(${R(':now')}) AS today, avg(${R(':exam')}) AS exam_day
       FROM cards c INDEXED BY cards_readiness_memory JOIN questions q ON q.id = c.question_id
       WHERE c.question_id IS NOT NULL AND c.deleted_at IS NULL AND c.suspended = 0 AND ${reviewed} GROUP BY 1 ORDER BY today`,
    )
    .all(params) as { system: string; cards: number; today: number; exam_day: number }[];
  const mean = (sum: number) => (overall.cards ? sum / overall.cards : null);
  return {
    cards: overall.live,
    retrievabilityToday: mean(overall.today),
    retrievabilityExamDay: examDayMs === null ? null : mean(overall.exam_day),
    bySystem: rows.map((r) => ({ system: r.system, cards: r.cards, today: r.today, examDay: examDayMs === null ? null : r.exam_day })),
    source: 'FSRS forgetting curve with your FSRS weights; by system: question cards. Exam-day values assume no further reviews.',
  };
}

/**
 * Cards falling due per local day from today (`startOfToday`, local midnight) until `untilMs`; overdue cards count on
 * today. Days are whole 24-hour steps from local midnight: around a DST change a card due in the shifted hour may land
 * on the neighbouring day, which a daily load forecast can bear (and it avoids date() on 200,000 rows).
 */
export function dueByDay(db: Db, today: string, startOfToday: number, untilMs: number): Map<string, number> {
  const overdue = db.prepare('SELECT count(*) FROM cards c INDEXED BY cards_readiness_due WHERE c.due < ? AND c.suspended = 0 AND c.deleted_at IS NULL').pluck().get(startOfToday) as number;
  const rows = db
    .prepare(
      `SELECT (c.due - :start) / 86400000 AS offset, count(*) AS n FROM cards c INDEXED BY cards_readiness_due
       WHERE c.deleted_at IS NULL AND c.suspended = 0 AND c.due >= :start AND c.due < :until GROUP BY 1`,
    )
    .all({ start: startOfToday, until: untilMs }) as { offset: number; n: number }[];
  const out = new Map<string, number>();
  for (const r of rows) out.set(addDays(today, r.offset), r.n);
  out.set(today, (out.get(today) ?? 0) + overdue);
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
