/** The runner's modal layers: end-of-block confirmation, time up, pause, keyboard help. */
import type { ReactNode } from 'react';
import type { BlockState } from '../../../shared/types';

function Modal({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-label={label} data-testid={testId}>
        {children}
      </div>
    </div>
  );
}

const list = (nums: number[]) => (nums.length ? nums.map((n) => n + 1).join(', ') : 'none');

interface EndChoices {
  state: BlockState;
  onCancel: () => void;
  onConfirm: () => void;
  /** No answer given: throw the block away (the default), or keep it with every item omitted. */
  onDiscard: () => void;
  onKeep: () => void;
}

export function EndDialog({ state, onCancel, onConfirm, onDiscard, onKeep }: EndChoices) {
  const unanswered = state.items.filter((i) => i.selected === null).map((i) => i.position);
  const marked = state.items.filter((i) => i.marked).map((i) => i.position);
  // Nothing answered: like closing an untouched UWorld/AMBOSS test, it should not cost accuracy or make 20 cards.
  if (unanswered.length === state.items.length && !state.items.some((i) => i.outcome !== null)) {
    return (
      <Modal label="End block" testId="end-dialog">
        <h2>You have not answered any question</h2>
        <p>
          {state.day
            ? 'Discarding ends this block without counting it; the exam day goes on. Keeping it counts every item as omitted and makes each a review card.'
            : 'Discarding deletes the block (you can undo it on the Blocks screen). Keeping it counts every item as omitted: they lower your accuracy and each becomes a review card.'}
        </p>
        <div className="row modal-actions">
          <button onClick={onCancel}>Return to block</button>
          <button onClick={onKeep} data-testid="end-keep">
            Keep as omitted
          </button>
          <button className="primary" onClick={onDiscard} autoFocus data-testid="end-discard">
            Discard block
          </button>
        </div>
      </Modal>
    );
  }
  return (
    <Modal label="End block" testId="end-dialog">
      <h2>End this block?</h2>
      <p>
        You answered {state.items.length - unanswered.length} of {state.items.length} items. After ending, you cannot change answers; unanswered items count as omitted.
      </p>
      <dl className="end-summary">
        <dt>Unanswered ({unanswered.length})</dt>
        <dd data-testid="end-unanswered">{list(unanswered)}</dd>
        <dt>Marked ({marked.length})</dt>
        <dd data-testid="end-marked">{list(marked)}</dd>
      </dl>
      <div className="row modal-actions">
        <button onClick={onCancel} autoFocus>
          Return to block
        </button>
        <button className="primary" onClick={onConfirm} data-testid="end-confirm">
          End block
        </button>
      </div>
    </Modal>
  );
}

export function TimeUpDialog({ onReview, nextLabel = 'Review this block', counted = true }: { onReview: () => void; nextLabel?: string | undefined; counted?: boolean }) {
  return (
    <Modal label="Time is up" testId="time-up">
      <h2>Time is up</h2>
      <p>
        {counted
          ? 'The block time has run out, so the block has ended. Unanswered items count as omitted.'
          : 'The block time has run out before any answer, so the block has ended without counting (its results page can still count it as omitted).'}
      </p>
      <div className="row modal-actions">
        <button className="primary" onClick={onReview} autoFocus>
          {nextLabel}
        </button>
      </div>
    </Modal>
  );
}

export function PauseOverlay({ state, onResume }: { state: BlockState; onResume: () => void }) {
  const clockRuns = state.mode === 'timed' && !state.pauseStopsClock;
  return (
    <Modal label="Paused" testId="paused">
      <h2>Paused</h2>
      <p>{clockRuns ? 'As on exam day, the block clock keeps running during a pause.' : 'The clock is stopped until you resume.'}</p>
      <div className="row modal-actions">
        <button className="primary" onClick={onResume} autoFocus>
          Resume
        </button>
      </div>
    </Modal>
  );
}

/**
 * Keys, and whether they match the real exam. usmle.org says the 2026 software has "improved keyboard navigation"
 * but publishes no key list, so only standard keyboard use is called "same"; the rest is said to be ours.
 */
type ExamMatch = 'same' | 'ours' | 'differs';
const SHORTCUTS: [string, string, ExamMatch, string][] = [
  ['Tab / Shift+Tab', 'move to the next / previous control', 'same', 'standard keyboard navigation'],
  ['Space or Enter on a focused control', 'press it (Space selects a focused choice)', 'same', 'standard keyboard navigation'],
  ['↑ / ↓ on a focused choice', 'move between the choices', 'same', 'standard radio-group keys'],
  ['A–Z or 1–9', 'choose an answer', 'ours', 'not in usmle.org’s documentation'],
  ['Right-click a choice (or its ✕)', 'strike it out', 'differs', 'exam: drag across the option text; click it to restore (usmle.org)'],
  ['Select text in the question', 'highlight it (click a highlight to remove it)', 'same', 'the exam highlights selected text too'],
  ['Enter', 'submit the answer (tutor mode)', 'ours', 'the exam has no tutor mode'],
  ['N or →', 'next item', 'ours', 'exam: the Next button'],
  ['P or ←', 'previous item', 'ours', 'exam: the Previous button'],
  ['M', 'mark or unmark the item', 'ours', 'exam: the Mark box'],
  ['L', 'lab values', 'ours', 'exam: the Lab Values button'],
  ['C (Shift+C when the item has a choice C)', 'calculator', 'ours', 'exam: the Calculator button'],
  ['Shift + N, P, M or L', 'the same command even when that letter is a choice', 'ours', ''],
  ['+ / − in the image viewer', 'zoom; the viewer also adjusts contrast per image', 'ours', 'the 2026 exam adjusts contrast per image'],
  ['Esc', 'close panels', 'ours', ''],
  ['?', 'this help', 'ours', ''],
];
const MATCH_LABEL: Record<ExamMatch, string> = { same: 'Same', ours: 'Vignette only', differs: 'Different' };

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <Modal label="Keyboard shortcuts" testId="help">
      <h2>Keyboard shortcuts</h2>
      <div className="help-table-wrap" tabIndex={0} role="region" aria-label="Shortcuts table">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">Action</th>
              <th scope="col">On exam day</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map(([k, v, match, note]) => (
              <tr key={k}>
                <td>
                  <kbd>{k}</kbd>
                </td>
                <td>{v}</td>
                <td data-testid={`exam-match-${match}`}>
                  <strong>{MATCH_LABEL[match]}</strong>
                  {note && <span className="muted small"> · {note}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        The 2026 USMLE software improves keyboard navigation but usmle.org lists no keys: try the official practice tutorial before exam day.
      </p>
      <div className="row modal-actions">
        <button className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
