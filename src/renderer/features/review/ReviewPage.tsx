/** Reviewing a finished block: score, every item with its outcome, and each question with all its explanations. */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { EmptyState, ErrorBox, Loading, PageHeader, formatDuration, percent } from '../../components/common';
import { QuestionBody } from '../../components/QuestionBody';
import { useApi } from '../../queries';
import { BlocksTable } from '../blocks/BlocksPage';
import { BlockCardGrade } from '../cards/BlockCardGrade';
import { MakeCardFromSelection } from '../cards/MakeCardFromSelection';

const OUTCOME: Record<string, { label: string; tone: string }> = {
  correct: { label: 'Correct', tone: 'good' },
  incorrect: { label: 'Incorrect', tone: 'bad' },
  omitted: { label: 'Omitted', tone: 'warn' },
};

export function ReviewListPage() {
  const blocks = useApi('blocks:list', { status: 'finished' });
  return (
    <>
      <PageHeader title="Review" subtitle="Go back over finished blocks: every answer with its explanation." />
      {blocks.data && blocks.data.length === 0 && (
        <EmptyState title="Nothing to review yet" action={<Link className="button primary" to="/create">Create a block</Link>}>
          When you end a block, it appears here with your score and every explanation.
        </EmptyState>
      )}
      {blocks.data && blocks.data.length > 0 && (
        <section className="card">
          <BlocksTable blocks={blocks.data} />
        </section>
      )}
    </>
  );
}

export function ReviewPage() {
  const blockId = Number(useParams().blockId);
  const block = useApi('blocks:get', { blockId });
  const [position, setPosition] = useState(0);
  const item = useApi('blocks:item', { blockId, position }, { enabled: block.data?.status === 'finished' });
  if (block.error) return <ErrorBox error={block.error} />;
  if (!block.data) return <Loading />;
  const b = block.data;
  if (b.status !== 'finished') {
    return (
      <EmptyState title="This block is not finished" action={<Link className="button primary" to={`/blocks/${blockId}/run`}>Resume it</Link>}>
        Explanations are shown once a block ends.
      </EmptyState>
    );
  }
  const correct = b.correctCount ?? 0;
  const omitted = b.items.filter((i) => i.outcome === 'omitted').length;
  return (
    <>
      <PageHeader
        title={`Block ${b.id} review`}
        subtitle={`${b.title} · ${b.endReason === 'time_up' ? 'ended when time ran out' : 'ended by you'}`}
        actions={
          <Link className="button" to="/blocks">
            All blocks
          </Link>
        }
      />
      <div className="grid cols-4" style={{ marginBottom: '1rem' }}>
        <div className="card stat" data-testid="review-score">
          <span className="value">{percent(correct, b.itemCount)}</span>
          <span className="label">
            {correct} of {b.itemCount} correct
          </span>
        </div>
        <div className="card stat">
          <span className="value">{b.itemCount - correct - omitted}</span>
          <span className="label">incorrect</span>
        </div>
        <div className="card stat">
          <span className="value">{omitted}</span>
          <span className="label">omitted</span>
        </div>
        <div className="card stat">
          <span className="value">{formatDuration(b.elapsedMs)}</span>
          <span className="label">time used{b.itemCount ? ` · ${Math.round(b.elapsedMs / 1000 / b.itemCount)} s per item` : ''}</span>
        </div>
      </div>
      <div className="review-layout">
        <div className="card review-list" data-testid="review-items">
          {b.items.map((it) => {
            const o = OUTCOME[it.outcome ?? 'omitted']!;
            return (
              <button key={it.position} aria-current={it.position === position} onClick={() => setPosition(it.position)}>
                <strong>{it.position + 1}.</strong>
                <span className={`badge ${o.tone}`}>{o.label}</span>
                {it.marked && <span title="Marked">⚑</span>}
                <span className="spacer" />
                <span className="muted small">{formatDuration(it.timeMs)}</span>
              </button>
            );
          })}
        </div>
        <div className="card">
          {item.data ? (
            <>
              <p className="muted small">
                Item {position + 1} · {item.data.question.packTitle}
                {item.data.question.system ? ` · ${item.data.question.system}` : ''}
                {item.data.question.discipline ? ` · ${item.data.question.discipline}` : ''}
              </p>
              <BlockCardGrade blockId={blockId} position={position} />
              <MakeCardFromSelection questionId={item.data.question.id}>
                <QuestionBody question={item.data.question} selected={item.data.item.selected} struck={item.data.item.struck} highlights={item.data.item.highlights} locked outcomeBanner />
              </MakeCardFromSelection>
              {item.data.note && (
                <div className="objective">
                  <strong>My note: </strong>
                  {item.data.note}
                </div>
              )}
            </>
          ) : (
            <Loading />
          )}
        </div>
      </div>
    </>
  );
}
