/** The explicit pool a block will be drawn from (e.g. Review missed), with a way back to the whole bank. */
import type { BlockSpecInput } from '../../../shared/types';
import type { BuilderPool } from './pool';

export function withPool(spec: BlockSpecInput, pool: BuilderPool | null): BlockSpecInput {
  if (!pool) return spec;
  return { ...spec, filters: { questionIds: pool.questionIds }, size: Math.max(1, Math.min(spec.size, pool.questionIds.length, 50)) };
}

export function PoolBanner({ label, onClear }: { label: string; onClear: () => void }) {
  return (
    <div className="notice row pool-banner" data-testid="pool-banner">
      <span className="spacer">
        Drawing only from <strong>{label}</strong>. Other filters narrow it further.
      </span>
      <button className="link" onClick={onClear}>
        Use the whole bank
      </button>
    </div>
  );
}
