/**
 * Item review: the question as answered (its revision, your highlights and strike-outs, your pick and the correct
 * one, every explanation), why you missed it, your note and the notes that match. ← → and J / K walk the filtered
 * list the results page showed; 1–6 tag a reason; N writes a note; Esc goes back; ? lists the keys.
 */
import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorBox, Loading, PageHeader } from '../../components/common';
import { QuestionBody } from '../../components/QuestionBody';
import { useApi } from '../../queries';
import { call, type ApiError } from '../../api';
import { MISS_REASONS, type MissReason } from '../../../shared/reasons';
import type { ReviewItem } from '../../../shared/review';
import { NoteEditor } from '../notebook/NoteEditor';
import { NoteLinks } from '../notebook/NoteLinks';
import { OUTCOME, letter } from './labels';
import { ReasonBar, allowedReasons } from './ReasonBar';
import { ReviewHelp } from './ReviewHelp';
import { BlockCardGrade } from '../cards/BlockCardGrade';
import { MakeCardFromSelection } from '../cards/MakeCardFromSelection';
import { filterResults, parseFilter, parseSort } from '../../../shared/resultsFilter';
import { systemLabel } from '../library/systemLabel';

const typing = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function ItemReviewPage() {
  const params = useParams();
  const blockId = Number(params.blockId);
  const position = Number(params.position);
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const filter = parseFilter(search.get('filter'));
  const sort = parseSort(search.get('sort'));
  const results = useApi('review:results', { blockId });
  const item = useApi('review:item', { blockId, position });
  const client = useQueryClient();
  // Tags run one after another (a shared scope) and show at once, so quick key presses are neither lost nor reordered.
  const [optimistic, setOptimistic] = useState<{ position: number; reason: MissReason | null } | null>(null);
  const tag = useMutation<unknown, ApiError, { blockId: number; position: number; reason: MissReason | null }>({
    mutationFn: (input) => call('review:tag', input),
    scope: { id: 'review:tag' },
    onError: () => setOptimistic(null),
    onSettled: () => Promise.all(['review:results', 'review:missed'].map((m) => client.invalidateQueries({ queryKey: [m] }))),
  });
  const [help, setHelp] = useState(false);

  const list = results.data ? filterResults(results.data.items, filter, sort) : [];
  const index = list.findIndex((i) => i.position === position);
  const row = results.data?.items.find((i) => i.position === position);
  const query = `?${search.toString()}`;
  const go = (delta: number) => {
    const next = list[index + delta];
    if (next) navigate(`/blocks/${blockId}/review/${next.position}${query}`, { replace: true });
  };
  const reasonShown = optimistic?.position === position ? optimistic.reason : (row?.reason ?? null);
  const setReason = (reason: MissReason | null) => {
    setOptimistic({ position, reason });
    tag.mutate({ blockId, position, reason });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const key = e.key;
      if (help) {
        if (key === 'Escape' || key === '?') setHelp(false);
        return;
      }
      if (key === 'ArrowRight' || key === 'j' || key === 'J') go(1);
      else if (key === 'ArrowLeft' || key === 'k' || key === 'K') go(-1);
      else if (key === 'Escape') navigate(`/blocks/${blockId}/review${query}`);
      else if (key === '?') setHelp(true);
      else if (key === 'n' || key === 'N') document.getElementById('question-note')?.focus();
      else if (/^[1-6]$/.test(key) && row) {
        const reason = MISS_REASONS[Number(key) - 1]!;
        if (!allowedReasons(row.outcome).includes(reason)) return;
        setReason(reasonShown === reason ? null : reason);
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (item.error) return <ErrorBox error={item.error} title="Could not open this item" />;
  if (!item.data || !results.data || !row) return <Loading />;
  const v: ReviewItem = item.data;
  const o = OUTCOME[row.outcome];
  return (
    <>
      <PageHeader
        title={`Item ${position + 1} of ${results.data.items.length}`}
        subtitle={
          <>
            Block {blockId} · <span className={`badge ${o.tone}`}>{o.label}</span>
            {filter !== 'all' && (
              <span data-testid="review-position">
                {' '}
                · {index + 1} of {list.length} in this filter
              </span>
            )}
            {filter === 'all' && <span data-testid="review-position"> · {index + 1} of {list.length}</span>}
          </>
        }
        actions={
          <>
            <button onClick={() => go(-1)} disabled={index <= 0} aria-keyshortcuts="ArrowLeft K" data-testid="review-prev">
              ← Previous
            </button>
            <button onClick={() => go(1)} disabled={index < 0 || index >= list.length - 1} aria-keyshortcuts="ArrowRight J" data-testid="review-next">
              Next →
            </button>
            <Link className="button" to={`/blocks/${blockId}/review${query}`}>
              Results
            </Link>
            <button onClick={() => setHelp(true)} aria-label="Keyboard shortcuts" aria-keyshortcuts="?">
              ?
            </button>
          </>
        }
      />
      <div className="item-review">
        <article className="card" data-testid="item-review">
          <p className="muted small">
            {v.question.packTitle}
            {v.question.system ? ` · ${systemLabel(v.question)}` : ''}
            {v.question.discipline ? ` · ${v.question.discipline}` : ''}
            {v.question.revision !== undefined && <span className="badge warn">as answered (revision {v.question.revision}; the pack has changed since)</span>}
          </p>
          <BlockCardGrade blockId={blockId} position={position} />
          <MakeCardFromSelection questionId={v.question.id} stemHtml={v.question.stemHtml}>
            <QuestionBody question={v.question} selected={v.item.selected} struck={v.item.struck} highlights={v.item.highlights} locked outcomeBanner />
          </MakeCardFromSelection>
        </article>
        <aside className="item-side">
          <section className="card">
            <ReasonBar outcome={row.outcome} reason={reasonShown} onChange={setReason} />
            <ErrorBox error={tag.error} title="The reason was not saved" />
          </section>
          <section className="card answer-facts">
            <dl>
              <dt>Your answer</dt>
              <dd data-testid="your-answer">{letter(row.selected)}</dd>
              <dt>Correct answer</dt>
              <dd>{letter(row.answer)}</dd>
              <dt>Answer history</dt>
              <dd data-testid="answer-history">{v.answerHistory.length ? v.answerHistory.map(letter).join(' → ') : 'no answer'}</dd>
              <dt>Time spent</dt>
              <dd>{Math.round(row.timeMs / 1000)} s</dd>
            </dl>
          </section>
          <section className="card">
            <NoteEditor questionId={v.question.id} />
          </section>
          <section className="card">
            <h3 className="side-title">Notes that match</h3>
            {v.relatedNotes.length === 0 ? (
              <p className="muted small">No imported notes match this question.</p>
            ) : (
              <NoteLinks notes={v.relatedNotes} testId="related-notes" />
            )}
          </section>
        </aside>
      </div>
      {help && <ReviewHelp onClose={() => setHelp(false)} />}
    </>
  );
}
