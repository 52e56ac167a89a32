/**
 * An explicit pool for Create block, passed in router state: `navigate('/create', { state: { pool } })`. Review missed
 * uses it ("Build a block from these"); due cards and dashboard rows can do the same. The builder draws only from
 * these question ids (the `questionIds` filter), still narrowed by any other filter chosen.
 */
export interface BuilderPool {
  questionIds: number[];
  /** What the pool is, shown above the filters, e.g. "Review missed · 12 questions". */
  label: string;
}

export function poolFromState(state: unknown): BuilderPool | null {
  const pool = (state as { pool?: BuilderPool } | null)?.pool;
  return pool && Array.isArray(pool.questionIds) && typeof pool.label === 'string' ? pool : null;
}
