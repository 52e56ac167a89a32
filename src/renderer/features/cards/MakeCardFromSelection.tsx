/**
 * "Make card" on a text selection: wrap any explanation, review page or note in this; selecting text shows a small
 * button that opens the card editor with the selection on the front (editable, linked to the question).
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { CardEditor, type EditorSeed } from './CardEditor';

export function MakeCardFromSelection({ children, questionId, className }: { children: ReactNode; questionId?: number | null; className?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [offer, setOffer] = useState<{ text: string; x: number; y: number } | null>(null);
  const [seed, setSeed] = useState<EditorSeed | null>(null);
  const onUp = useCallback(() => {
    const sel = window.getSelection();
    const text = sel?.toString().trim() ?? '';
    if (!sel || !text || !box.current || !sel.rangeCount || !box.current.contains(sel.anchorNode)) {
      setOffer(null);
      return;
    }
    const rect = sel.getRangeAt(0).getBoundingClientRect();
    const outer = box.current.getBoundingClientRect();
    setOffer({ text: text.slice(0, 2000), x: rect.left - outer.left + rect.width / 2, y: rect.bottom - outer.top + 6 });
  }, []);
  return (
    <div ref={box} className={`make-card-zone ${className ?? ''}`} onMouseUp={onUp} onKeyUp={onUp}>
      {children}
      {offer && (
        <button
          className="primary make-card-button"
          style={{ left: offer.x, top: offer.y }}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            setSeed({ kind: 'basic', frontMd: offer.text, backMd: '', questionId: questionId ?? null });
            setOffer(null);
          }}
          data-testid="make-card"
        >
          Make card
        </button>
      )}
      {seed && <CardEditor seed={seed} onClose={() => setSeed(null)} />}
    </div>
  );
}
