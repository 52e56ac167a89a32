/**
 * The review session: the front, Space (or Enter) shows the answer, 1–4 grade with each button's interval on it,
 * Ctrl+Z undoes (several steps), E edits, B buries until tomorrow, S suspends, Delete deletes (undoable).
 */
import { useCallback, useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorBox, Loading } from '../../components/common';
import { useApi, useApiMutation } from '../../queries';
import { ApiError, onMenuCommand } from '../../api';
import { GRADE_NAMES, type Grade, type SessionState, type UndoEntry } from '../../../shared/srs';
import { CardEditor, type EditorSeed } from './CardEditor';
import { CardSide } from './CardSide';

const UNDO_LABEL: Record<UndoEntry['action'], string> = {
  answer: 'answer',
  suspend: 'suspend',
  unsuspend: 'unsuspend',
  bury: 'bury',
  delete: 'delete',
  edit: 'edit',
  reset: 'reset',
};
const REFRESH = ['cards:counts', 'cards:list', 'cards:stats'] as const;
const KIND_LABEL = { question: 'Question card', basic: 'Basic', cloze: 'Cloze' } as const;

export function ReviewSession() {
  const client = useQueryClient();
  // Always fresh when the screen opens; while nothing is due, look again every 30 s (learning cards come due in minutes).
  const session = useApi('cards:session', {}, { staleTime: 0, refetchInterval: (q) => (q.state.data?.next ? false : 30_000) });
  const [revealed, setRevealed] = useState(false);
  const [editing, setEditing] = useState<EditorSeed | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const answer = useApiMutation('cards:answer', [...REFRESH]);
  const undo = useApiMutation('cards:undo', [...REFRESH]);
  const act = useApiMutation('cards:act', [...REFRESH]);
  const data = session.data;
  const next = data?.next ?? null;

  const put = useCallback((s: SessionState) => {
    client.setQueryData(['cards:session', {}], s);
    setRevealed(false);
  }, [client]);

  const grade = useCallback(
    async (rating: Grade) => {
      if (!next || !revealed || answer.isPending) return;
      try {
        put(await answer.mutateAsync({ cardId: next.card.id, rating, shownAt: next.shownAt }));
        setNotice(null);
      } catch (error) {
        // A stale or conflicting answer changed nothing: show the card again as it is now.
        if (error instanceof ApiError && error.code === 'CONFLICT') {
          setNotice(error.message);
          answer.reset();
          put((await session.refetch()).data!);
        }
      }
    },
    [next, revealed, answer, put, session],
  );
  const doUndo = useCallback(async () => {
    const s = await undo.mutateAsync({});
    put(s);
    setNotice(s.undone ? `Undid ${UNDO_LABEL[s.undone.action]}.` : 'Nothing to undo.');
  }, [undo, put]);
  const doAct = useCallback(
    async (action: 'suspend' | 'bury' | 'delete') => {
      if (!next) return;
      put(await act.mutateAsync({ cardId: next.card.id, action }));
      const done = { suspend: 'Suspended', bury: 'Buried until tomorrow', delete: 'Deleted' }[action];
      setNotice(`${done}. Ctrl+Z brings it back.`);
    },
    [next, act, put],
  );
  const openEditor = useCallback(() => {
    if (!next || next.card.kind === 'question') return;
    const c = next.card;
    setEditing({ kind: c.kind as 'basic' | 'cloze', frontMd: c.frontMd, backMd: c.backMd, tags: c.tags, questionId: c.questionId, cardId: c.id });
  }, [next]);

  useEffect(() => onMenuCommand((action) => action === 'cards-undo' && void doUndo()), [doUndo]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (editing) return;
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        void doUndo();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if ((e.key === ' ' || e.key === 'Enter') && next && !revealed) {
        e.preventDefault();
        setRevealed(true);
      } else if (['1', '2', '3', '4'].includes(e.key) && revealed) {
        e.preventDefault();
        void grade(Number(e.key) as Grade);
      } else if (e.key === ' ' && revealed) {
        e.preventDefault();
        void grade(3);
      } else if (e.key === 'e' || e.key === 'E') openEditor();
      else if (e.key === 'b' || e.key === 'B') void doAct('bury');
      else if (e.key === 's' || e.key === 'S') void doAct('suspend');
      else if (e.key === 'Delete') void doAct('delete');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editing, next, revealed, grade, doUndo, doAct, openEditor]);

  if (session.error) return <ErrorBox error={session.error} />;
  if (!data) return <Loading />;
  const c = data.counts;
  const error = answer.error ?? undo.error ?? act.error;

  return (
    <section className="card review-session" data-testid="review-session">
      <div className="row session-bar">
        <span className="session-counts" aria-label="Left in this session" data-testid="session-counts">
          <span className="count-new">{Math.min(c.newAvailable, c.newLeftToday)} <small>new</small></span>
          <span className="count-learn">{c.learning} <small>learning</small></span>
          <span className="count-review">{c.reviewsDue} <small>to review</small></span>
        </span>
        <span className="spacer" />
        {notice && <span className="muted small" role="status">{notice}</span>}
        <button onClick={() => void doUndo()} disabled={!data.undo || undo.isPending} title="Ctrl+Z" data-testid="undo">
          Undo{data.undo ? ` ${UNDO_LABEL[data.undo.action]}` : ''}
        </button>
      </div>
      <ErrorBox error={error} />
      {!next ? (
        <div className="session-done" data-testid="session-done">
          <h2>All done for now</h2>
          <p className="muted">
            {c.dueToday > c.dueNow ? `${c.dueToday - c.dueNow} more card${c.dueToday - c.dueNow === 1 ? '' : 's'} come due later today.` : 'Nothing else is due today.'}{' '}
            {c.questionCardsDue > 0 && `${c.questionCardsDue} missed question${c.questionCardsDue === 1 ? ' is' : 's are'} due: build a block from "Due for review".`}
          </p>
        </div>
      ) : (
        <>
          <div className="row small muted card-meta">
            <span className="badge">{KIND_LABEL[next.card.kind]}</span>
            {next.card.state === 0 && <span className="badge accent">New</span>}
            {next.card.tags.map((t) => (
              <span key={t}>#{t}</span>
            ))}
          </div>
          <CardSide html={next.card.frontHtml} testId="card-front-side" />
          {revealed ? (
            <>
              <hr className="answer-rule" />
              <CardSide html={next.card.backHtml} testId="card-back-side" />
              <div className="grade-buttons" role="group" aria-label="How well did you recall it?">
                {next.previews.map((p) => (
                  <button key={p.rating} className={`grade grade-${p.rating}`} onClick={() => void grade(p.rating)} disabled={answer.isPending} data-testid={`grade-${p.rating}`}>
                    <span className="grade-interval">{p.label}{p.capped ? ' ⚑' : ''}</span>
                    <span className="grade-name">{GRADE_NAMES[p.rating]}</span>
                    <kbd>{p.rating}</kbd>
                  </button>
                ))}
              </div>
              {next.previews.some((p) => p.capped) && <p className="muted small">⚑ capped so you see it again before your exam.</p>}
            </>
          ) : (
            <div className="show-answer">
              <button className="primary big" onClick={() => setRevealed(true)} autoFocus data-testid="show-answer">
                Show answer <kbd>Space</kbd>
              </button>
            </div>
          )}
          <p className="muted small shortcuts">
            <kbd>Space</kbd> show · <kbd>1</kbd>–<kbd>4</kbd> grade · <kbd>Ctrl</kbd>+<kbd>Z</kbd> undo ·{' '}
            {next.card.kind !== 'question' && (
              <>
                <button className="link" onClick={openEditor}><kbd>E</kbd> edit</button> ·{' '}
              </>
            )}
            <button className="link" onClick={() => void doAct('bury')}><kbd>B</kbd> bury</button> ·{' '}
            <button className="link" onClick={() => void doAct('suspend')}><kbd>S</kbd> suspend</button> ·{' '}
            <button className="link" onClick={() => void doAct('delete')} data-testid="delete-card"><kbd>Del</kbd> delete</button>
          </p>
        </>
      )}
      {editing && <CardEditor seed={editing} onClose={() => setEditing(null)} onSaved={() => void session.refetch()} />}
    </section>
  );
}
