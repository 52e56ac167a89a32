/**
 * Flashcards due, in the same words on every screen (Home, Dashboard, Flashcards; the CLI prints the same line):
 * "N due now · M due today". The numbers come from the core's one definition (core/srs/queue.ts dueCounts).
 */
import type { DueCounts as Counts } from '../../shared/srs';

export function DueCounts({ counts }: { counts: Pick<Counts, 'dueNow' | 'dueToday'> }) {
  return (
    <span className="due-counts" data-testid="due-counts">
      <strong data-testid="due-now">{counts.dueNow}</strong> due now · <span data-testid="due-today">{counts.dueToday}</span> due today
    </span>
  );
}
