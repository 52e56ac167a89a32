/** The item list down the side, as in the exam: number, answered or not, marked, current. */
import type { BlockItemState } from '../../../shared/types';

export function Navigator({ items, current, onGoto, reveal }: { items: BlockItemState[]; current: number; onGoto: (p: number) => void; reveal: boolean }) {
  return (
    <nav className="navigator" aria-label="Items">
      <ol>
        {items.map((it) => {
          const state = it.selected === null ? 'unanswered' : 'answered';
          const outcome = reveal || it.submitted ? it.outcome : null;
          return (
            <li key={it.position}>
              <button
                className={`nav-item ${state}${it.position === current ? ' current' : ''}${outcome ? ` ${outcome}` : ''}`}
                aria-current={it.position === current ? 'step' : undefined}
                aria-label={`Item ${it.position + 1}, ${state}${it.marked ? ', marked' : ''}`}
                data-testid={`nav-${it.position + 1}`}
                onClick={() => onGoto(it.position)}
              >
                <span className="num">{it.position + 1}</span>
                <span className="dot" aria-hidden="true" />
                {it.marked && (
                  <span className="flag" aria-hidden="true" title="Marked">
                    ⚑
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
