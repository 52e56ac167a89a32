import { useState, type KeyboardEvent } from 'react';
import { initialCalc, press } from './calculator';

const KEYS = ['C', '←', '%', '÷', '7', '8', '9', '×', '4', '5', '6', '-', '1', '2', '3', '+', '±', '0', '.', '=', '√'];
const KEYBOARD: Record<string, string> = { '*': '×', '/': '÷', Enter: '=', Backspace: '←', Escape: 'Esc', Delete: 'C' };

export function Calculator({ onClose }: { onClose: () => void }) {
  const [state, setState] = useState(initialCalc);
  const onKey = (e: KeyboardEvent) => {
    const key = KEYBOARD[e.key] ?? e.key;
    if (key === 'Esc') return; // handled by the runner: closes panels
    e.stopPropagation();
    if (KEYS.includes(key)) {
      e.preventDefault();
      setState((s) => press(s, key));
    }
  };
  return (
    <div className="calculator" role="dialog" aria-label="Calculator" data-testid="calculator" tabIndex={-1} onKeyDown={onKey} ref={(el) => el?.focus()}>
      <header>
        <strong>Calculator</strong>
        <button className="link" onClick={onClose} aria-label="Close calculator">
          Close
        </button>
      </header>
      <output className="calc-display" data-testid="calc-display">
        {state.display}
      </output>
      <div className="calc-keys">
        {KEYS.map((k) => (
          <button key={k} className={/[÷×+\-=]/.test(k) ? 'op' : ''} onClick={() => setState((s) => press(s, k))}>
            {k}
          </button>
        ))}
      </div>
    </div>
  );
}
