/** The item's note: saved as the student types (debounced a few hundred ms) and on close, never lost. */
import { useEffect, useRef, useState } from 'react';

export function NotePanel({ initial, onSave, onClose }: { initial: string; onSave: (text: string) => Promise<unknown>; onClose: () => void }) {
  const [text, setText] = useState(initial);
  const [status, setStatus] = useState<'saved' | 'saving' | 'idle'>('idle');
  const timer = useRef<number | null>(null);
  const latest = useRef(text);
  latest.current = text;
  const dirty = useRef(false);

  const flush = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    if (!dirty.current) return;
    dirty.current = false;
    setStatus('saving');
    void onSave(latest.current).then(() => setStatus('saved'));
  };
  // Save what is pending when the panel closes or the item changes.
  useEffect(() => () => flush(), []);

  return (
    <aside className="side-panel note-panel" aria-label="Notes" data-testid="note-panel">
      <header>
        <h2>My note</h2>
        <span className="muted small">{status === 'saving' ? 'Saving…' : status === 'saved' ? 'Saved' : 'Saved as you type'}</span>
        <button
          onClick={() => {
            flush();
            onClose();
          }}
        >
          Close
        </button>
      </header>
      <textarea
        autoFocus
        rows={12}
        value={text}
        placeholder="What do you want to remember about this question?"
        aria-label="Note for this question"
        onChange={(e) => {
          setText(e.target.value);
          dirty.current = true;
          if (timer.current !== null) window.clearTimeout(timer.current);
          timer.current = window.setTimeout(flush, 400);
        }}
        onBlur={flush}
      />
      <p className="muted small">Notes are kept with the question and appear under Notes and in review.</p>
    </aside>
  );
}
