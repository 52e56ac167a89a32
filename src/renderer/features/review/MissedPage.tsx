/**
 * Review missed: every question whose latest attempt was wrong, omitted or tagged "guessed" (optionally marked ones
 * too), across all blocks, with counts and filters. A row opens that attempt's review; "Build a block from these"
 * opens Create block with exactly this selection as its pool.
 */
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { EmptyState, ErrorBox, Loading, PageHeader, Stat, formatDate } from '../../components/common';
import { useApi } from '../../queries';
import { call } from '../../api';
import type { MissedFilters } from '../../../shared/review';
import { MISS_REASONS, MISS_REASON_LABELS, type MissReason } from '../../../shared/reasons';
import { EXAMS, type Exam } from '../../../shared/pack';
import { OUTCOME } from './labels';
import type { BuilderPool } from '../builder/pool';
import { QuestionPreview } from '../library/QuestionPreview';
import { systemLabel } from '../library/systemLabel';

const PAGE = 50;
const EXAM_LABEL: Record<Exam, string> = { step1: 'Step 1', step2ck: 'Step 2 CK', step3: 'Step 3' };
const dayStart = (iso: string) => new Date(`${iso}T00:00:00`).getTime();

function parseFilters(raw: string | null): MissedFilters {
  try {
    const value = raw ? (JSON.parse(raw) as unknown) : {};
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as MissedFilters) : {};
  } catch {
    return {};
  }
}
function withParam(p: URLSearchParams, key: string, value: string | null): URLSearchParams {
  const next = new URLSearchParams(p);
  if (value === null) next.delete(key);
  else next.set(key, value);
  return next;
}

export function MissedPage() {
  // Filters live in the URL: Back from an item returns to the same selection, and a reload keeps it.
  const [params, setParams] = useSearchParams();
  const filters = parseFilters(params.get('f'));
  const page = Number(params.get('page')) || 0;
  const setPage = (n: number) => setParams((p) => withParam(p, 'page', n ? String(n) : null));
  const dates = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  // The selected row's question and explanations show beside the list: read them here, open the full review on demand.
  const selected = Number(params.get('q')) || null;
  const select = (id: number | null) => setParams((p) => withParam(p, 'q', id === null ? null : String(id)));
  const [building, setBuilding] = useState<unknown>(null);
  const navigate = useNavigate();
  const list = useApi('review:missed', { filters, page, pageSize: PAGE }, { placeholderData: (prev) => prev });
  // Options come from the whole queue, so choosing one value never hides the others.
  const options = useApi('review:missed', { filters: { includeMarked: filters.includeMarked }, page: 0, pageSize: 1 });
  const packs = useApi('packs:list', {});

  const set = (patch: Partial<MissedFilters>, extra: Record<string, string | null> = {}) => {
    const next = { ...filters, ...patch };
    for (const k of Object.keys(next) as (keyof MissedFilters)[]) if (next[k] === undefined) delete next[k];
    setParams((p) => {
      let q = withParam(p, 'f', Object.keys(next).length ? JSON.stringify(next) : null);
      q = withParam(q, 'page', null);
      for (const [k, v] of Object.entries(extra)) q = withParam(q, k, v);
      return q;
    });
  };
  const one = <T,>(value: string, cast: (v: string) => T = (v) => v as T) => (value ? [cast(value)] : undefined);
  const setDate = (key: 'from' | 'to', iso: string) => set({ [key]: iso ? dayStart(iso) + (key === 'to' ? 86_400_000 : 0) : undefined }, { [key]: iso || null });

  const build = async () => {
    setBuilding(null);
    try {
      const { questionIds } = await call('review:missedIds', { filters });
      const pool: BuilderPool = { questionIds, label: `Review missed · ${questionIds.length} question${questionIds.length === 1 ? '' : 's'}` };
      navigate('/create', { state: { pool } });
    } catch (e) {
      setBuilding(e);
    }
  };

  const data = list.data;
  const opts = options.data?.counts;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE)) : 1;
  return (
    <>
      <PageHeader
        title="Review missed"
        subtitle="Every question whose latest attempt was wrong, omitted or guessed, across all your blocks."
        actions={
          <>
            <button className="primary" onClick={() => void build()} disabled={!data || data.total === 0} data-testid="build-from-missed">
              Build a block from these
            </button>
            <Link className="button" to="/review">
              Finished blocks
            </Link>
          </>
        }
      />
      <ErrorBox error={list.error ?? building} />
      <section className="card missed-filters" aria-label="Filters">
        <div className="filter-row">
          <label>
            Pack
            <select value={filters.packIds?.[0] ?? ''} onChange={(e) => set({ packIds: one(e.target.value, Number) })} data-testid="missed-pack">
              <option value="">all</option>
              {packs.data?.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            Exam
            <select value={filters.exams?.[0] ?? ''} onChange={(e) => set({ exams: one(e.target.value, (v) => v as Exam) })}>
              <option value="">all</option>
              {EXAMS.map((x) => (
                <option key={x} value={x}>
                  {EXAM_LABEL[x]}
                </option>
              ))}
            </select>
          </label>
          <FacetSelect label="System" value={filters.systems?.[0]} options={opts?.systems} onChange={(v) => set({ systems: one(v) })} testId="missed-system" />
          <FacetSelect label="Discipline" value={filters.disciplines?.[0]} options={opts?.disciplines} onChange={(v) => set({ disciplines: one(v) })} />
          <label>
            Reason
            <select value={filters.reasons?.[0] ?? ''} onChange={(e) => set({ reasons: one(e.target.value, (v) => v as MissReason) })} data-testid="missed-reason">
              <option value="">any</option>
              {MISS_REASONS.map((r) => (
                <option key={r} value={r}>
                  {MISS_REASON_LABELS[r]} ({opts?.reasons.find((x) => x.value === r)?.count ?? 0})
                </option>
              ))}
            </select>
          </label>
          <label>
            From
            <input type="date" value={dates.from} onChange={(e) => setDate('from', e.target.value)} />
          </label>
          <label>
            To
            <input type="date" value={dates.to} onChange={(e) => setDate('to', e.target.value)} />
          </label>
          <label className="row-label check">
            <input type="checkbox" checked={filters.includeMarked ?? false} onChange={(e) => set({ includeMarked: e.target.checked || undefined })} data-testid="missed-marked" />
            Also marked
          </label>
        </div>
      </section>
      {!data && <Loading />}
      {data && (
        <div className="grid cols-4 missed-counts" data-testid="missed-counts">
          <Stat valueTestId="missed-total" value={data.total} label="questions to review" />
          <Stat value={data.counts.incorrect} label="incorrect" />
          <Stat value={data.counts.omitted} label="omitted" />
          <Stat value={data.counts.guessed} label={`guessed${filters.includeMarked ? ` · ${data.counts.marked} marked` : ''}`} />
        </div>
      )}
      {data && data.total === 0 && (
        <EmptyState title="Nothing to review here" action={<Link className="button primary" to="/create">Create a block</Link>}>
          Questions you get wrong, leave out or tag as guessed collect here until you answer them right.
        </EmptyState>
      )}
      {data && data.total > 0 && (
        <div className={selected ? 'two-pane' : ''}>
        <section className="card missed-list">
          <table className="data" data-testid="missed-table">
            <thead>
              <tr>
                <th>Outcome</th>
                <th>Question</th>
                <th>Reason</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.items.map((i) => {
                const o = OUTCOME[i.outcome];
                const to = i.blockId !== null ? `/blocks/${i.blockId}/review/${i.position}` : `/questions/${i.questionId}`;
                return (
                  <tr
                    key={i.questionId}
                    className={`clickable${selected === i.questionId ? ' selected' : ''}`}
                    tabIndex={0}
                    aria-selected={selected === i.questionId}
                    data-testid="missed-row"
                    data-question-id={i.questionId}
                    onClick={() => select(selected === i.questionId ? null : i.questionId)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') navigate(to);
                      if (e.key === ' ') {
                        e.preventDefault();
                        select(i.questionId);
                      }
                    }}
                  >
                    <td className="nowrap">
                      <span className={`badge ${o.tone}`}>{o.label}</span>
                      {i.marked && <span className="flag" title="Marked">⚑</span>}
                    </td>
                    <td>
                      <div className="result-stem">{i.stemStart}</div>
                      <div className="result-meta">
                        {[i.packTitle, i.exam ? EXAM_LABEL[i.exam] : null, systemLabel(i), i.discipline, `answered ${formatDate(i.answeredAt)}`].filter(Boolean).join(' · ')}
                      </div>
                    </td>
                    <td>{i.reason ? <span className="badge accent">{MISS_REASON_LABELS[i.reason]}</span> : <span className="muted small">—</span>}</td>
                    <td className="actions">
                      <Link className="button" to={to} onClick={(e) => e.stopPropagation()} data-testid="missed-open">
                        Review
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {pages > 1 && (
            <div className="pager">
              <button disabled={page === 0} onClick={() => setPage(page - 1)}>
                Previous
              </button>
              <span className="muted small">
                Page {page + 1} of {pages}
              </span>
              <button disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
                Next
              </button>
            </div>
          )}
        </section>
        {selected && <QuestionPreview id={selected} onClose={() => select(null)} />}
        </div>
      )}
    </>
  );
}

/** A filter by one system or discipline, each option with how many missed questions it holds. */
function FacetSelect({ label, value, options, onChange, testId }: { label: string; value?: string; options?: { value: string | null; count: number }[]; onChange: (value: string) => void; testId?: string }) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">all</option>
        {options?.filter((o) => o.value).map((o) => (
          <option key={o.value} value={o.value!}>
            {o.value} ({o.count})
          </option>
        ))}
      </select>
    </label>
  );
}
