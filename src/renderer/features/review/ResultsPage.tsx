/**
 * Block results: the page a block ends on. Score, pace, reasons and answer changes, and a table of every item that
 * filters (all, incorrect, marked, omitted, changed, a change kind, a reason) and sorts; a row opens the item review.
 */
import { useSearchParams, useParams, Link, useNavigate } from 'react-router';
import { EmptyState, ErrorBox, Loading, PageHeader, Stat, formatDuration, percent } from '../../components/common';
import { useApi, useApiMutation } from '../../queries';
import { useDeleteBlock } from '../blocks/deleteBlock';
import { CHANGE_KINDS, CHANGE_LABELS, type BlockResults } from '../../../shared/review';
import { MISS_REASONS, MISS_REASON_LABELS } from '../../../shared/reasons';
import { BASIC_FILTERS, filterResults, matches, parseFilter, parseSort, type ResultFilter } from '../../../shared/resultsFilter';
import { ResultsTable } from './ResultsTable';
import './review.css';

const FILTER_LABEL: Record<(typeof BASIC_FILTERS)[number], string> = { all: 'All', incorrect: 'Incorrect', marked: 'Marked', omitted: 'Omitted', changed: 'Changed' };

export function ResultsPage() {
  const blockId = Number(useParams().blockId);
  const [params, setParams] = useSearchParams();
  const results = useApi('review:results', { blockId }, { retry: false });
  const block = useApi('blocks:get', { blockId });
  // Question cards this block graded (issue 9): shown in the table, changed on the item review.
  const grades = useApi('cards:blockGrades', { blockId });
  const navigate = useNavigate();
  const deletion = useDeleteBlock();
  const keep = useApiMutation('blocks:end', ['review:results', 'cards:blockGrades']);
  const filter = parseFilter(params.get('filter'));
  const sort = parseSort(params.get('sort'));
  const setParam = (key: string, value: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set(key, value);
      return next;
    });

  if (results.error && block.data && block.data.status !== 'finished') {
    return (
      <EmptyState title="This block is not finished" action={<Link className="button primary" to={`/blocks/${blockId}/run`}>Resume it</Link>}>
        Results and explanations appear once a block ends.
      </EmptyState>
    );
  }
  if (results.error) return <ErrorBox error={results.error} title="Could not open these results" />;
  if (!results.data) return <Loading />;
  const r = results.data;
  const rows = filterResults(r.items, filter, sort);
  const query = `?filter=${encodeURIComponent(filter)}&sort=${sort}`;
  const open = (position: number) => navigate(`/blocks/${blockId}/review/${position}${query}`);

  return (
    <>
      <PageHeader
        title={`Block ${blockId} results`}
        subtitle={`${r.block.title} · ${r.block.endReason === 'time_up' ? 'ended when time ran out' : 'ended by you'}`}
        actions={
          <>
            <button className="primary" disabled={rows.length === 0} onClick={() => open(rows[0]!.position)} data-testid="review-first">
              Review {filter === 'all' ? 'items' : 'these items'}
            </button>
            {block.data?.day && (
              <Link className="button" to={`/days/${block.data.day.id}`}>
                Exam day results
              </Link>
            )}
            <Link className="button" to="/review">
              All blocks
            </Link>
            <button onClick={() => void deletion.removeAndLeave(blockId, r.block.title)} data-testid="delete-block">
              Delete block
            </button>
          </>
        }
      />
      <ErrorBox error={deletion.error ?? keep.error} title="The block was not changed" />
      {!r.block.counted && (
        <div className="notice row" role="status" data-testid="not-counted">
          <span className="spacer">
            No question was answered, so this block counts nowhere: not in your statistics, the missed-questions queue or the review cards. Keep it if
            you want its items counted as omitted.
          </span>
          <button onClick={() => keep.mutate({ blockId, keepUnanswered: true })} disabled={keep.isPending} data-testid="keep-omitted">
            Count as omitted
          </button>
        </div>
      )}
      <Stats r={r} />
      <div className="grid cols-2 results-insights">
        <section className="card" aria-labelledby="reasons-h">
          <h2 id="reasons-h">Why I missed it</h2>
          {Object.keys(r.reasons).length === 0 ? (
            <p className="muted small">No reasons tagged yet. Open an item and press 1–6 to tag why you missed it.</p>
          ) : (
            <div className="chips">
              {MISS_REASONS.filter((x) => r.reasons[x]).map((x) => (
                <button key={x} className="chip" aria-pressed={filter === `reason:${x}`} onClick={() => setParam('filter', `reason:${x}`)} data-testid={`reason-count-${x}`}>
                  {MISS_REASON_LABELS[x]}
                  <span className="count">{r.reasons[x]}</span>
                </button>
              ))}
            </div>
          )}
        </section>
        <section className="card" aria-labelledby="changes-h">
          <h2 id="changes-h">Answer changes</h2>
          <div className="chips">
            {CHANGE_KINDS.map((k) => (
              <button key={k} className="chip" aria-pressed={filter === k} disabled={r.changes[k] === 0} onClick={() => setParam('filter', k)} data-testid={`changes-${k}`}>
                {CHANGE_LABELS[k]}
                <span className="count">{r.changes[k]}</span>
              </button>
            ))}
          </div>
        </section>
      </div>
      <section className="card">
        <div className="row results-toolbar">
          <div className="segmented" role="group" aria-label="Show">
            {BASIC_FILTERS.map((f) => (
              <button key={f} aria-pressed={filter === f} onClick={() => setParam('filter', f)} data-testid={`filter-${f}`}>
                {FILTER_LABEL[f]} <span className="count">{r.items.filter((i) => matches(i, f)).length}</span>
              </button>
            ))}
          </div>
          <label className="row-label">
            Reason
            <select value={filter.startsWith('reason:') ? filter : ''} onChange={(e) => setParam('filter', (e.target.value || 'all') as ResultFilter)} data-testid="filter-reason">
              <option value="">any</option>
              {MISS_REASONS.map((x) => (
                <option key={x} value={`reason:${x}`}>
                  {MISS_REASON_LABELS[x]} ({r.reasons[x] ?? 0})
                </option>
              ))}
            </select>
          </label>
          <span className="spacer" />
          <label className="row-label">
            Sort by
            <select value={sort} onChange={(e) => setParam('sort', e.target.value)} data-testid="sort">
              <option value="position">position</option>
              <option value="time">time spent</option>
            </select>
          </label>
        </div>
        {rows.length === 0 ? <p className="muted no-results">No items match this filter.</p> : <ResultsTable rows={rows} onOpen={open} grades={grades.data} />}
      </section>
    </>
  );
}

function Stats({ r }: { r: BlockResults }) {
  const total = r.items.length;
  const pace = r.paceSeconds;
  return (
    <div className="grid cols-4 results-stats">
      <Stat testId="review-score" value={percent(r.counts.correct, total)} label={`${r.counts.correct} of ${total} correct`} />
      <Stat tone="bad-text" value={r.counts.incorrect} label="incorrect" />
      <Stat value={r.counts.omitted} label="omitted" />
      <Stat
        testId="review-time"
        value={formatDuration(r.block.elapsedMs)}
        label={
          <>
            time used · {Math.round(r.averageSeconds)} s per item
            {pace !== null && <> (pace {Math.round(pace)} s{r.averageSeconds > pace ? ', over' : ''})</>}
          </>
        }
      />
    </div>
  );
}
