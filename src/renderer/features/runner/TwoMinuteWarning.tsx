/**
 * The exam software's "two-minute warning": once, when two minutes of block time are left (usmle.org describes the
 * message). It does not stop the clock; Enter or the button dismisses it.
 */
import { useState } from 'react';
import type { BlockState } from '../../../shared/types';

export const WARNING_AT_MS = 2 * 60_000;

export function TwoMinuteWarning({ state }: { state: BlockState }) {
  const [dismissedFor, setDismissedFor] = useState<number | null>(null);
  const { remainingMs, timeLimitMs } = state;
  // Only blocks longer than two minutes: a shorter one would open with the warning.
  const due = remainingMs !== null && timeLimitMs !== null && timeLimitMs > WARNING_AT_MS && remainingMs > 0 && remainingMs <= WARNING_AT_MS;
  if (!due || dismissedFor === state.id) return null;
  return (
    <div className="time-warning" role="alert" data-testid="two-minute-warning">
      <strong>Two minutes remaining in this block.</strong>
      <button onClick={() => setDismissedFor(state.id)} autoFocus>
        OK
      </button>
    </div>
  );
}
