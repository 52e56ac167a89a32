/** Displays time the core measured; between ticks it only interpolates for a smooth display. */
import { useEffect, useState } from 'react';
import type { BlockItemState, BlockState } from '../../../shared/types';
import { formatDuration } from '../../components/common';

export function BlockClock({ state, item, tickAt }: { state: BlockState; item: BlockItemState | undefined; tickAt: number }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(performance.now()), 250);
    return () => window.clearInterval(id);
  }, []);
  const since = state.running ? Math.max(0, now - tickAt) : 0;
  if (state.remainingMs !== null) {
    const left = Math.max(0, state.remainingMs - since);
    return (
      <div className={`clock${left < 5 * 60_000 ? ' low' : ''}`} data-testid="clock" data-remaining-ms={Math.round(left)}>
        Block time remaining: <strong>{formatDuration(left)}</strong>
      </div>
    );
  }
  const itemMs = (item?.timeMs ?? 0) + (item?.submitted ? 0 : since);
  return (
    <div className="clock" data-testid="clock">
      Time on this item: <strong>{formatDuration(itemMs)}</strong>
    </div>
  );
}
