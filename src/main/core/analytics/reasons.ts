/**
 * "Why I missed it" counts over time and by system, from the reason stored on each attempt (block_items.reason,
 * issue 8). They are read from `reason_rollup` (reason × system × week, kept by triggers: migration "issue 14"), a few
 * thousand rows however many answers were tagged; grouping the tagged answers themselves took 83 ms at 50,000.
 */
import type { ReasonSummary } from '../../../shared/readiness/types';
import { MISS_REASONS } from '../../../shared/reasons';
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import { addDays } from './maths';

export function reasonSummary(db: Db, today: string, weeks = 12): ReasonSummary {
  // Two small groupings in SQL (all time by reason × system, recent weeks by week × reason): reading every rollup row
  // into JS objects cost more than the grouping itself.
  const bySystemRows = cached(
    db,
    "SELECT CASE system WHEN '' THEN 'Not tagged' ELSE system END AS system, reason, sum(n) AS n FROM reason_rollup WHERE n > 0 GROUP BY 1, 2",
  ).all() as { system: string; reason: string; n: number }[];
  const byWeekRows = cached(db, 'SELECT week, reason, sum(n) AS n FROM reason_rollup WHERE n > 0 AND week > ? GROUP BY 1, 2').all(addDays(today, -7 * weeks)) as {
    week: string;
    reason: string;
    n: number;
  }[];
  const order: readonly string[] = MISS_REASONS;
  const totals = new Map<string, number>();
  const bySystem = new Map<string, Record<string, number>>();
  const byWeek = new Map<string, Record<string, number>>();
  for (const r of bySystemRows) {
    totals.set(r.reason, (totals.get(r.reason) ?? 0) + r.n);
    const s = bySystem.get(r.system) ?? {};
    s[r.reason] = r.n;
    bySystem.set(r.system, s);
  }
  for (const r of byWeekRows) {
    const w = byWeek.get(r.week) ?? {};
    w[r.reason] = r.n;
    byWeek.set(r.week, w);
  }
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    available: true,
    note: totals.size ? '' : 'No reasons tagged yet: after a block, mark why you missed each question in Review (keys 1–6).',
    total: [...totals].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || order.indexOf(a.reason) - order.indexOf(b.reason)),
    byWeek: [...byWeek].sort(([a], [b]) => a.localeCompare(b)).map(([week, counts]) => ({ week, counts })),
    bySystem: [...bySystem].sort(([, a], [, b]) => sum(b) - sum(a)).map(([system, counts]) => ({ system, counts })),
  };
}
