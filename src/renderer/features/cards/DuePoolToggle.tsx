/** Create block: the "Due for review (N)" pool — questions you missed whose card is due today. */
import { useApi } from '../../queries';
import type { QuestionFilters } from '../../../shared/types';

export function DuePoolToggle({ filters, onChange }: { filters: QuestionFilters; onChange: (filters: QuestionFilters) => void }) {
  const counts = useApi('cards:counts', {});
  const n = counts.data?.questionCardsDue ?? 0;
  const on = !!filters.dueForReview;
  return (
    <div className="facet-group">
      <h3>Spaced repetition</h3>
      <div className="chips">
        <button className="chip" aria-pressed={on} onClick={() => onChange({ ...filters, dueForReview: on ? undefined : true })} disabled={!on && n === 0} data-testid="due-pool">
          Due for review ({n})
        </button>
        <span className="muted small">Questions you missed, back on their FSRS schedule. Answering them reviews their cards.</span>
      </div>
    </div>
  );
}
