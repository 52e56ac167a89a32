/**
 * "Make card" on a text selection: wrap any explanation, review page or note in this; selecting text offers two
 * cards. "Make card": the selection is the answer (back) and the front asks for it with the question as context
 * (selectionCard.ts). "Cloze": the selection hidden within its sentence. Both open the editor prefilled and linked to
 * the question; saving problems are shown in the editor, never thrown.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { CardEditor, type EditorSeed } from './CardEditor';
import { clozeInSentence, escapeMarkdown, promptFromContext, questionContext } from '../../../shared/selectionCard';

interface Offer {
  text: string;
  /** The text of the block the selection starts in, for the cloze's sentence. */
  surrounding: string;
  x: number;
  y: number;
}

/** The nearest block-level ancestor's text (a paragraph, list item, cell), where the selection's sentence is. */
function surroundingText(node: Node | null, zone: HTMLElement): string {
  let el: HTMLElement | null = node instanceof HTMLElement ? node : (node?.parentElement ?? null);
  while (el && el !== zone && !/^(P|LI|TD|TH|DIV|BLOCKQUOTE|SECTION|ARTICLE)$/.test(el.tagName)) el = el.parentElement;
  return (el ?? zone).textContent ?? '';
}

const htmlText = (html: string) => new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';

export function MakeCardFromSelection({ children, questionId, stemHtml, title, className }: { children: ReactNode; questionId?: number | null; stemHtml?: string; title?: string; className?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [offer, setOffer] = useState<Offer | null>(null);
  const [seed, setSeed] = useState<EditorSeed | null>(null);
  const onUp = useCallback(() => {
    const sel = window.getSelection();
    const text = sel?.toString().trim() ?? '';
    if (!sel || !text || !box.current || !sel.rangeCount || !box.current.contains(sel.anchorNode)) {
      setOffer(null);
      return;
    }
    const range = sel.getRangeAt(0);
    const rect = range.getBoundingClientRect();
    const outer = box.current.getBoundingClientRect();
    setOffer({ text: text.slice(0, 2000), surrounding: surroundingText(range.startContainer, box.current), x: rect.left - outer.left + rect.width / 2, y: rect.bottom - outer.top + 6 });
  }, []);
  const open = (kind: 'basic' | 'cloze') => {
    if (!offer) return;
    const context = { stem: stemHtml ? htmlText(stemHtml) : undefined, title };
    setSeed(
      kind === 'basic'
        ? { kind, frontMd: promptFromContext(context), backMd: escapeMarkdown(offer.text), questionId: questionId ?? null }
        : { kind, frontMd: clozeInSentence(offer.surrounding, offer.text), backMd: questionContext(context), questionId: questionId ?? null },
    );
    setOffer(null);
  };
  return (
    <div ref={box} className={`make-card-zone ${className ?? ''}`} onMouseUp={onUp} onKeyUp={onUp}>
      {children}
      {offer && (
        <div className="make-card-offer row" style={{ left: offer.x, top: offer.y }} onMouseDown={(e) => e.preventDefault()}>
          <button className="primary" onClick={() => open('basic')} title="The selection becomes the answer; the front asks for it" data-testid="make-card">
            Make card
          </button>
          <button onClick={() => open('cloze')} title="Hide the selection within its sentence" data-testid="make-cloze">
            Cloze
          </button>
        </div>
      )}
      {seed && <CardEditor seed={seed} onClose={() => setSeed(null)} />}
    </div>
  );
}
