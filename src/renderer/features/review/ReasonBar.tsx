/** Why I missed it: six reasons, one key each (1–6), on any scored item; a correct answer can only be "guessed". */
import { MISS_REASONS, MISS_REASON_LABELS, REASONS_FOR_CORRECT, type MissReason } from '../../../shared/reasons';
import type { Outcome } from '../../../shared/review';

export function allowedReasons(outcome: Outcome): readonly MissReason[] {
  return outcome === 'correct' ? REASONS_FOR_CORRECT : MISS_REASONS;
}

export function ReasonBar({ outcome, reason, onChange }: { outcome: Outcome; reason: MissReason | null; onChange: (r: MissReason | null) => void }) {
  const allowed = allowedReasons(outcome);
  return (
    <fieldset className="reason-bar" data-testid="reason-bar">
      <legend>{outcome === 'correct' ? 'Got it right by guessing?' : 'Why I missed it'}</legend>
      <div className="reason-buttons">
        {MISS_REASONS.map((r, i) => {
          const enabled = allowed.includes(r);
          return (
            <button
              key={r}
              type="button"
              aria-pressed={reason === r}
              aria-keyshortcuts={String(i + 1)}
              disabled={!enabled}
              title={enabled ? `${MISS_REASON_LABELS[r]} (key ${i + 1})` : 'A correct answer can only be tagged “Guessed”'}
              data-testid={`reason-${r}`}
              onClick={() => onChange(reason === r ? null : r)}
            >
              <kbd>{i + 1}</kbd> {MISS_REASON_LABELS[r]}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
