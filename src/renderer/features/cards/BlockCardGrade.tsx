/** On a block's results: the grade this attempt gave the question's card, why, and buttons to change it. */
import { ErrorBox } from '../../components/common';
import { useApi, useApiMutation } from '../../queries';
import { GRADES, GRADE_NAMES } from '../../../shared/srs';
import './cards.css';

export function BlockCardGrade({ blockId, position }: { blockId: number; position: number }) {
  const grades = useApi('cards:blockGrades', { blockId });
  const regrade = useApiMutation('cards:regrade', ['cards:blockGrades', 'cards:counts', 'cards:stats']);
  const g = grades.data?.find((x) => x.position === position);
  if (!g) return null;
  return (
    <div className="block-card-grade" data-testid="card-grade">
      <span>
        <strong>Review card:</strong> graded <strong data-testid="card-grade-value">{GRADE_NAMES[g.rating]}</strong>
        {g.rating === g.suggested ? <span className="muted"> (suggested — {g.reason.replace(/^\w+: /, '')})</span> : <span className="muted"> (you changed it from {GRADE_NAMES[g.suggested]})</span>}
        {' · '}back in <strong>{g.label}</strong>
      </span>
      <span className="spacer" />
      <span className="segmented" role="group" aria-label="Change the grade">
        {GRADES.map((r) => (
          <button key={r} aria-pressed={g.rating === r} onClick={() => regrade.mutate({ blockId, position, rating: r })} data-testid={`regrade-${r}`}>
            {GRADE_NAMES[r]}
          </button>
        ))}
      </span>
      <ErrorBox error={regrade.error} title="The grade was not changed" />
    </div>
  );
}
