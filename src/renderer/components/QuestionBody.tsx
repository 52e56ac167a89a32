/**
 * A question as a student sees it, in a block, in review and in the library preview: stem (with highlights),
 * images, choices (selectable, strikeable), and, when revealed, the answer and every explanation.
 */
import { useLayoutEffect, useRef, type MouseEvent } from 'react';
import type { Highlight, QuestionView } from '../../shared/types';
import { MediaImage } from './MediaImage';
import { SafeHtml, sanitize } from './SafeHtml';
import { applyHighlights, selectionRange } from './highlight';

interface Props {
  question: QuestionView;
  selected?: number | null;
  struck?: number[];
  highlights?: Highlight[];
  /** Answers and explanations are shown when the question carries them (the core decides). */
  onSelect?: (choice: number) => void;
  onStrike?: (choice: number, struck: boolean) => void;
  onHighlightsChange?: (highlights: Highlight[]) => void;
  locked?: boolean;
  /** Show "Correct / Incorrect — the answer is D" above the choices once the answer is revealed (runner, review). */
  outcomeBanner?: boolean;
}

export function QuestionBody({ question, selected = null, struck = [], highlights = [], onSelect, onStrike, onHighlightsChange, locked, outcomeBanner }: Props) {
  const stemRef = useRef<HTMLDivElement>(null);
  const revealed = question.answerIndex !== undefined;

  useLayoutEffect(() => {
    const el = stemRef.current;
    if (!el) return;
    el.innerHTML = sanitize(question.stemHtml);
    applyHighlights(el, highlights);
  }, [question.stemHtml, highlights]);

  const onMouseUp = () => {
    if (!onHighlightsChange || !stemRef.current) return;
    const range = selectionRange(stemRef.current);
    if (!range) return;
    window.getSelection()?.removeAllRanges();
    onHighlightsChange([...highlights, range]);
  };
  const onStemClick = (e: MouseEvent) => {
    const mark = (e.target as HTMLElement).closest('mark.hl') as HTMLElement | null;
    if (!mark || !onHighlightsChange || window.getSelection()?.toString()) return;
    const index = Number(mark.dataset.hl);
    onHighlightsChange(highlights.filter((_, i) => i !== index));
  };

  const stemImages = question.images.filter((i) => i.placement === 'stem');
  const explanationImages = question.images.filter((i) => i.placement === 'explanation');

  return (
    <article className="question">
      <div ref={stemRef} className="question-text stem" data-testid="stem" onMouseUp={onMouseUp} onClick={onStemClick} />
      {stemImages.length > 0 && (
        <div className="question-images">
          {stemImages.map((img) => (
            <MediaImage key={img.mediaId} mediaId={img.mediaId} alt={img.alt} />
          ))}
        </div>
      )}
      {revealed && outcomeBanner && <OutcomeBanner selected={selected} answer={question.answerIndex!} labels={question.choices.map((c) => c.label)} />}
      {/* A radiogroup of radios; each row's strike-out button sits beside its radio, never inside it (no nested controls). */}
      <div className="choices" role="radiogroup" aria-label="Answer choices">
        {question.choices.map((choice, i) => {
          const isStruck = struck.includes(i);
          const classes = ['choice'];
          if (selected === i) classes.push('selected');
          if (isStruck) classes.push('struck');
          if (revealed && i === question.answerIndex) classes.push('correct');
          else if (revealed && selected === i) classes.push('incorrect');
          const strikeable = !!onStrike && !revealed;
          return (
            <div key={i} className={`choice-row${strikeable ? ' strikeable' : ''}`}>
              <div
                className={classes.join(' ')}
                role="radio"
                aria-checked={selected === i}
                aria-disabled={locked}
                tabIndex={0}
                data-testid={`choice-${choice.label}`}
                onClick={() => !locked && onSelect?.(i)}
                onKeyDown={(e) => {
                  // Space selects the focused choice (as a radio does); Enter is left to the runner, where it submits.
                  if (e.key === ' ' && !locked) {
                    e.preventDefault();
                    e.stopPropagation();
                    onSelect?.(i);
                  }
                  // Up/Down move between choices, as in any radio group (Left/Right stay the runner's previous/next).
                  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                    const radios = [...(e.currentTarget.closest('[role=radiogroup]')?.querySelectorAll<HTMLElement>('[role=radio]') ?? [])];
                    const next = radios[(i + (e.key === 'ArrowDown' ? 1 : radios.length - 1)) % radios.length];
                    e.preventDefault();
                    next?.focus();
                  }
                }}
                onContextMenu={(e) => {
                  if (!onStrike) return;
                  e.preventDefault();
                  onStrike(i, !isStruck);
                }}
              >
                <span className="radio" aria-hidden="true" />
                <span className="label">{choice.label}.</span>
                <SafeHtml as="span" className="text" html={choice.html} />
                {revealed && i === question.answerIndex && <span className="badge good">Correct answer</span>}
                {revealed && selected === i && i !== question.answerIndex && <span className="badge bad">Your answer</span>}
              </div>
              {strikeable && (
                <button
                  type="button"
                  className="strike-toggle"
                  aria-label={`${isStruck ? 'Restore' : 'Strike out'} choice ${choice.label}`}
                  aria-pressed={isStruck}
                  data-testid={`strike-${choice.label}`}
                  onClick={() => onStrike(i, !isStruck)}
                >
                  ✕
                </button>
              )}
              {revealed && choice.explanationHtml && <SafeHtml className="choice-explanation" html={choice.explanationHtml} />}
            </div>
          );
        })}
      </div>
      {revealed && (
        <section className="explanation" aria-label="Explanation">
          <h2>Explanation</h2>
          {question.explanationHtml ? <SafeHtml className="question-text" html={question.explanationHtml} /> : <p className="muted">This question has no explanation.</p>}
          {explanationImages.length > 0 && (
            <div className="question-images">
              {explanationImages.map((img) => (
                <MediaImage key={img.mediaId} mediaId={img.mediaId} alt={img.alt} />
              ))}
            </div>
          )}
          {question.objective && (
            <div className="objective">
              <strong>Educational objective: </strong>
              {question.objective}
            </div>
          )}
          {question.references && question.references.length > 0 && (
            <p className="muted">
              <small>References: {question.references.join('; ')}</small>
            </p>
          )}
        </section>
      )}
    </article>
  );
}

function OutcomeBanner({ selected, answer, labels }: { selected: number | null; answer: number; labels: string[] }) {
  const kind = selected === null ? 'omitted' : selected === answer ? 'correct' : 'incorrect';
  const text = { correct: 'Correct', incorrect: 'Incorrect', omitted: 'Omitted' }[kind];
  return (
    <div className={`outcome-banner ${kind}`} role="status" data-testid="outcome-banner">
      <strong>{text}</strong>
      {kind !== 'correct' && <span>The correct answer is {labels[answer]}.</span>}
      {selected !== null && kind === 'incorrect' && <span className="muted">You chose {labels[selected]}.</span>}
    </div>
  );
}
