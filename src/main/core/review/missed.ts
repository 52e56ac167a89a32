/**
 * The review-missed queue: every question whose latest attempt was wrong, omitted or tagged "guessed" (optionally
 * also marked ones), across all blocks. It reads question_stats (one narrow row per question met, with a pointer to
 * the latest attempt and its reason) joined to the questions' filter columns, so it never scans the answer history.
 */
import type { MissedFilters, MissedItem, MissedList, Outcome } from '../../../shared/review';
import type { MissReason } from '../../../shared/reasons';
import type { Exam } from '../../../shared/pack';
import type { Db } from '../db/open';
import type { SqlWhere } from '../bank/filters';
import { clip } from './results';

const placeholders = (n: number) => new Array(n).fill('?').join(', ');

function whereMissed(f: MissedFilters): SqlWhere {
  const missed = ["qs.last_outcome IN ('incorrect', 'omitted')", "qs.last_reason = 'guessed'"];
  if (f.includeMarked) missed.push('qs.marked = 1');
  const clauses = [`(${missed.join(' OR ')})`, 'qs.last_outcome IS NOT NULL'];
  const params: unknown[] = [];
  const inList = (column: string, values: readonly unknown[] | undefined) => {
    if (!values?.length) return;
    clauses.push(`${column} IN (${placeholders(values.length)})`);
    params.push(...values);
  };
  inList('q.pack_id', f.packIds);
  inList('q.exam', f.exams);
  inList('q.system', f.systems);
  inList('q.discipline', f.disciplines);
  inList('qs.last_reason', f.reasons);
  if (f.from !== undefined) {
    clauses.push('qs.last_answered_at >= ?');
    params.push(f.from);
  }
  if (f.to !== undefined) {
    clauses.push('qs.last_answered_at < ?');
    params.push(f.to);
  }
  return { sql: clauses.join(' AND '), params };
}

// CROSS JOIN keeps question_stats (the questions met, usually far fewer than the bank) as the outer loop.
const FROM = 'question_stats qs CROSS JOIN questions q ON q.id = qs.question_id';

interface Row {
  question_id: number;
  pack_title: string;
  exam: Exam | null;
  system: string | null;
  system_inferred: number;
  discipline: string | null;
  last_outcome: Outcome;
  last_reason: MissReason | null;
  marked: number;
  last_answered_at: number;
  last_block_id: number | null;
  last_position: number | null;
  stem_start: string | null;
}

export function listMissed(db: Db, filters: MissedFilters, page: number, pageSize: number): MissedList {
  const where = whereMissed(filters);
  // Every count from one grouped scan (a few hundred groups), summed here: one pass instead of one query per count.
  const groups = db
    .prepare(
      `SELECT q.system, q.discipline, qs.last_reason AS reason, qs.last_outcome AS outcome, qs.marked, count(*) AS n
       FROM ${FROM} WHERE ${where.sql} GROUP BY 1, 2, 3, 4, 5`,
    )
    .all(...where.params) as { system: string | null; discipline: string | null; reason: string | null; outcome: string; marked: number; n: number }[];
  const counts = { incorrect: 0, omitted: 0, guessed: 0, marked: 0 };
  const bySystem = new Map<string, number>();
  const byDiscipline = new Map<string, number>();
  const byReason = new Map<string, number>();
  const add = (m: Map<string, number>, key: string | null, n: number) => m.set(key ?? '', (m.get(key ?? '') ?? 0) + n);
  let total = 0;
  for (const g of groups) {
    total += g.n;
    if (g.outcome === 'incorrect') counts.incorrect += g.n;
    if (g.outcome === 'omitted') counts.omitted += g.n;
    if (g.reason === 'guessed') counts.guessed += g.n;
    if (g.marked === 1) counts.marked += g.n;
    add(bySystem, g.system, g.n);
    add(byDiscipline, g.discipline, g.n);
    add(byReason, g.reason, g.n);
  }
  const sorted = (m: Map<string, number>) => [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const rows = db
    .prepare(
      `SELECT qs.question_id, p.title AS pack_title, q.exam, q.system, q.system_inferred, q.discipline, qs.last_outcome, qs.last_reason, qs.marked,
         qs.last_answered_at, qs.last_block_id, qs.last_position, substr(f.stem, 1, 161) AS stem_start
       FROM ${FROM} JOIN packs p ON p.id = q.pack_id LEFT JOIN questions_fts f ON f.rowid = q.id
       WHERE ${where.sql} ORDER BY qs.last_answered_at DESC, qs.question_id DESC LIMIT ? OFFSET ?`,
    )
    .all(...where.params, pageSize, page * pageSize) as Row[];
  return {
    total,
    counts: { ...counts, reasons: sorted(byReason), systems: sorted(bySystem), disciplines: sorted(byDiscipline) },
    items: rows.map(
      (r): MissedItem => ({
        questionId: r.question_id,
        packTitle: r.pack_title,
        exam: r.exam,
        system: r.system,
        ...(r.system_inferred === 1 ? { systemInferred: true } : {}),
        discipline: r.discipline,
        outcome: r.last_outcome,
        reason: r.last_reason,
        marked: r.marked === 1,
        answeredAt: r.last_answered_at,
        blockId: r.last_block_id,
        position: r.last_position,
        stemStart: clip(r.stem_start ?? '', 160),
      }),
    ),
  };
}

/** Every question id in the queue (for "Build a block from these"), oldest question first. Retired ones are left out. */
export function missedQuestionIds(db: Db, filters: MissedFilters): number[] {
  const where = whereMissed(filters);
  return db.prepare(`SELECT qs.question_id FROM ${FROM} WHERE ${where.sql} AND q.retired = 0 ORDER BY qs.question_id`).pluck().all(...where.params) as number[];
}

/** Where a question was last answered (its review), or null if never scored. */
export function latestAttempt(db: Db, questionId: number): { blockId: number; position: number } | null {
  const row = db.prepare('SELECT last_block_id AS blockId, last_position AS position FROM question_stats WHERE question_id = ? AND last_block_id IS NOT NULL').get(questionId) as
    | { blockId: number; position: number }
    | undefined;
  return row ?? null;
}
