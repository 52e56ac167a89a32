/**
 * Performance by system, discipline, pack or exam: first attempts with a 95 % Wilson interval, repeats apart, weakest
 * first (by the interval's upper bound), an arrow only when the change beats the noise. A row opens the builder with
 * that pool, unused and incorrect questions only.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { PerformanceDimension, PerformanceRow } from '../../../shared/readiness/types';
import type { QuestionFilters } from '../../../shared/types';
import { pct } from './format';

const DIMS: { id: PerformanceDimension; label: string }[] = [
  { id: 'system', label: 'System' },
  { id: 'discipline', label: 'Discipline' },
  { id: 'pack', label: 'Pack' },
  { id: 'exam', label: 'Exam' },
];

function poolFor(dim: PerformanceDimension, key: string): QuestionFilters | null {
  const statuses: QuestionFilters['statuses'] = ['unused', 'incorrect'];
  if (!key) return null; // "Not tagged" has no filter that selects it
  if (dim === 'system') return { systems: [key], statuses };
  if (dim === 'discipline') return { disciplines: [key], statuses };
  if (dim === 'pack') return { packIds: [Number(key)], statuses };
  return { exams: [key as 'step1'], statuses };
}

function Interval({ row }: { row: PerformanceRow }) {
  if (row.low === null || row.high === null || row.percent === null) return <span className="muted">—</span>;
  return (
    <span className="interval" title={`95 % interval ${row.low.toFixed(0)}–${row.high.toFixed(0)} %`}>
      <span className="interval-track" aria-hidden="true">
        <span className="interval-range" style={{ left: `${row.low}%`, width: `${Math.max(1, row.high - row.low)}%` }} />
        <span className="interval-point" style={{ left: `${row.percent}%` }} />
      </span>
      <span className="interval-text">
        {row.low.toFixed(0)}–{row.high.toFixed(0)}
      </span>
    </span>
  );
}

export function PerformancePanel({ performance }: { performance: Record<PerformanceDimension, PerformanceRow[]> }) {
  const [dim, setDim] = useState<PerformanceDimension>('system');
  const navigate = useNavigate();
  const rows = performance[dim];
  const open = (row: PerformanceRow) => {
    const filters = poolFor(dim, row.key);
    if (filters) navigate('/create', { state: { filters } });
  };
  return (
    <section className="card" aria-labelledby="perf-title" data-testid="performance">
      <div className="row">
        <h2 id="perf-title" className="spacer">
          Performance
        </h2>
        <div className="segmented" role="group" aria-label="Group by">
          {DIMS.map((d) => (
            <button key={d.id} aria-pressed={dim === d.id} onClick={() => setDim(d.id)} data-testid={`perf-${d.id}`}>
              {d.label}
            </button>
          ))}
        </div>
      </div>
      <p className="muted small">
        First attempts, weakest first by the upper end of the 95 % interval, so a small sample does not look better than it is. An arrow means the last 30
        days differ from the 30 before by more than chance. Choose a row to practise its unused and incorrect questions.
      </p>
      {rows.length === 0 ? (
        <p className="muted">No answered questions yet.</p>
      ) : (
        <div className="table-scroll tall">
          <table className="data compact perf-table">
            <thead>
              <tr>
                <th scope="col">{DIMS.find((d) => d.id === dim)!.label}</th>
                <th scope="col" className="num">
                  n
                </th>
                <th scope="col" className="num">
                  % correct
                </th>
                <th scope="col">95 % interval</th>
                <th scope="col">Trend</th>
                <th scope="col" className="num">
                  Repeats
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const clickable = poolFor(dim, r.key) !== null;
                return (
                  <tr
                    key={r.key}
                    className={clickable ? 'clickable' : undefined}
                    tabIndex={clickable ? 0 : undefined}
                    onClick={() => open(r)}
                    onKeyDown={(e) => e.key === 'Enter' && open(r)}
                    data-testid="perf-row"
                    aria-label={clickable ? `${r.label}: ${pct(r.percent)} of ${r.n}. Create a block from its unused and incorrect questions` : undefined}
                  >
                    <td>
                      {r.label}
                      {r.note && (
                        <div className="muted small perf-note" data-testid="perf-note">
                          {r.note}
                        </div>
                      )}
                    </td>
                    <td className="num">{r.n}</td>
                    <td className="num">{pct(r.percent)}</td>
                    <td>
                      <Interval row={r} />
                    </td>
                    <td>
                      {r.trend === 'up' && <span className="badge good">↑ improving</span>}
                      {r.trend === 'down' && <span className="badge bad">↓ slipping</span>}
                      {r.trend === null && (
                        <span className="muted" title="No change larger than chance in the last 30 days">
                          —
                        </span>
                      )}
                    </td>
                    <td className="num">{r.repeatN ? `${pct((r.repeatCorrect / r.repeatN) * 100)} of ${r.repeatN}` : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
