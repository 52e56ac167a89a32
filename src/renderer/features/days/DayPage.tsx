/**
 * One exam-day simulation: between blocks, the break clock counting down the day's budget (skippable); at the end,
 * the results per block and for the day. Times come from the core; the screen only interpolates between refreshes.
 */
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorBox, Loading, PageHeader, formatDuration, percent } from '../../components/common';
import { useApi, useApiMutation } from '../../queries';
import type { DayState } from '../../../shared/examDay';
import './days.css';

export function DayPage() {
  const dayId = Number(useParams().dayId);
  const day = useApi('days:get', { dayId }, { refetchInterval: 5_000, staleTime: 0 }); // a block may have just ended
  const next = useApiMutation('days:next', ['blocks:list']);
  const client = useQueryClient();
  const navigate = useNavigate();

  if (day.isLoading) return <Loading label="Opening the day…" />;
  if (!day.data) return <ErrorBox error={day.error} title="This exam day cannot be opened" />;
  const d = day.data;
  const startNext = async () => {
    const state = await next.mutateAsync({ dayId });
    client.setQueryData(['days:get', { dayId }], state);
    navigate(`/blocks/${state.currentBlockId}/run`);
  };

  return (
    <>
      <PageHeader title={d.phase === 'finished' ? 'Exam day complete' : 'Exam day'} subtitle={d.title} />
      {d.phase === 'break' && <BreakPanel day={d} fetchedAt={day.dataUpdatedAt} onStart={() => void startNext()} busy={next.isPending} />}
      {d.phase === 'block' && (
        <section className="card">
          <p>Block {d.blocks.findIndex((b) => b.blockId === d.currentBlockId) + 1} of {d.blocks.length} is open.</p>
          <Link className="button primary" to={`/blocks/${d.currentBlockId}/run`}>
            Return to the block
          </Link>
        </section>
      )}
      <ErrorBox error={next.error} title="The next block was not started" />
      {d.phase === 'finished' && <DaySummary day={d} />}
      <DayResults day={d} />
    </>
  );
}

function BreakPanel({ day, fetchedAt, onStart, busy }: { day: DayState; fetchedAt: number; onStart: () => void; busy: boolean }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(id);
  }, []);
  // The core's figure at fetch time, counted down since then.
  const left = day.breakRemainingMs - Math.max(0, now - fetchedAt);
  const over = left < 0;
  const nextNumber = (day.nextIndex ?? 0) + 1;
  return (
    <section className={`card break-panel${over ? ' over' : ''}`} aria-labelledby="break-title" data-testid="break">
      <h2 id="break-title">Break</h2>
      <p className="break-clock" role="timer" aria-live="off" data-testid="break-clock" data-remaining-ms={Math.round(left)}>
        {over ? `${formatDuration(-left)} over the break budget` : `${formatDuration(left)} of break time left today`}
      </p>
      <p className="muted">
        Break time is shared by the whole day ({formatDuration(day.breakBudgetMs)}). Every minute between blocks counts against it; start the next block
        early to keep the rest for later.
      </p>
      <button className="primary big" onClick={onStart} disabled={busy} data-testid="next-block" autoFocus>
        End break and start block {nextNumber} of {day.blocks.length}
      </button>
    </section>
  );
}

function DaySummary({ day }: { day: DayState }) {
  const t = day.totals;
  return (
    <section className="card day-summary" data-testid="day-summary">
      <h2>The day</h2>
      <p className="day-score">
        <strong>
          {t.correct} of {t.items} correct ({percent(t.correct, t.items)})
        </strong>
      </p>
      <p className="muted">
        {t.answered} answered · {formatDuration(t.elapsedMs)} in blocks · break used {formatDuration(day.breakUsedMs)} of {formatDuration(day.breakBudgetMs)}
        {day.breakRemainingMs < 0 ? ` (${formatDuration(-day.breakRemainingMs)} over)` : ''}
      </p>
    </section>
  );
}

function DayResults({ day }: { day: DayState }) {
  // As on the real exam, earlier blocks are not reviewed (nor scored on screen) during breaks: only once the day ends.
  const over = day.phase === 'finished';
  return (
    <section className="card">
      <h2>Blocks</h2>
      <table className="data" data-testid="day-blocks">
        <thead>
          <tr>
            <th scope="col">Block</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">Correct</th>
            <th scope="col" className="num">Answered</th>
            <th scope="col" className="num">Time used</th>
            <th scope="col" className="num">Break before</th>
            <th scope="col">Review</th>
          </tr>
        </thead>
        <tbody>
          {day.blocks.map((b) => (
            <tr key={b.index} data-testid={`day-block-${b.index + 1}`}>
              <td>{b.index + 1}</td>
              <td>{b.status === 'not_started' ? 'Not started' : b.status === 'finished' ? 'Ended' : 'Open'}</td>
              <td className="num">{!over || b.correctCount === null ? '—' : `${b.correctCount} / ${b.itemCount} (${percent(b.correctCount, b.itemCount)})`}</td>
              <td className="num">
                {b.answeredCount} / {b.itemCount}
              </td>
              <td className="num">
                {b.status === 'not_started' ? '—' : `${formatDuration(b.elapsedMs)} of ${formatDuration(b.timeLimitMs)}`}
              </td>
              <td className="num">{b.breakBeforeMs === null ? '—' : formatDuration(b.breakBeforeMs)}</td>
              <td>
                {b.status !== 'finished' || b.blockId === null ? (
                  '—'
                ) : over ? (
                  <Link to={`/blocks/${b.blockId}/review`}>Review block {b.index + 1}</Link>
                ) : (
                  <span className="muted">after the day</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
