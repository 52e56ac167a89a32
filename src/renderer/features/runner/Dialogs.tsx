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

export function EndDialog({ state, onCancel, onConfirm }: { state: BlockState; onCancel: () => void; onConfirm: () => void }) {
  const unanswered = state.items.filter((i) => i.selected === null).map((i) => i.position);
  const marked = state.items.filter((i) => i.marked).map((i) => i.position);
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

export function TimeUpDialog({ onReview, nextLabel = 'Review this block' }: { onReview: () => void; nextLabel?: string | undefined }) {
  return (
    <Modal label="Time is up" testId="time-up">
      <h2>Time is up</h2>
      <p>The block time has run out, so the block has ended. Unanswered items count as omitted.</p>
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

const SHORTCUTS: [string, string][] = [
  ['A–Z or 1–9', 'choose an answer'],
  ['Right-click a choice (or its ✕)', 'strike it out'],
  ['Select text in the question', 'highlight it (click a highlight to remove it)'],
  ['Enter', 'submit the answer (tutor mode)'],
  ['N or →', 'next item'],
  ['P or ←', 'previous item'],
  ['M', 'mark or unmark the item'],
  ['L', 'lab values'],
  ['C (Shift+C when the item has a choice C)', 'calculator'],
  ['Shift + N, P, M or L', 'the same command even when that letter is a choice'],
  ['Esc', 'close panels'],
  ['?', 'this help'],
];

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <Modal label="Keyboard shortcuts" testId="help">
      <h2>Keyboard shortcuts</h2>
      <table className="data">
        <tbody>
          {SHORTCUTS.map(([k, v]) => (
            <tr key={k}>
              <td>
                <kbd>{k}</kbd>
              </td>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row modal-actions">
        <button className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
