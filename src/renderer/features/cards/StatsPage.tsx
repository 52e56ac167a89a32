/**
 * Memory statistics, as Anki defines them: true retention, retrievability, estimated total knowledge, forecast,
 * heatmap, stability and difficulty — and, with an exam date set, predicted recall on exam day per system.
 */
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { EmptyState, ErrorBox, Loading } from '../../components/common';
import { useChartText } from '../../components/chartText';
import { useApi } from '../../queries';
import type { MemoryStats, RetentionRow } from '../../../shared/srs';

const pct = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(digits)}%`);
const PERIOD: Record<RetentionRow['period'], string> = { today: 'Today', yesterday: 'Yesterday', week: 'Last week', month: 'Last month', year: 'Last year' };

function Histogram({ data, x, unit, testId, color = 'var(--accent)' }: { data: { label: string; count: number }[]; x: string; unit: string; testId: string; color?: string }) {
  const text = useChartText();
  return (
    <div className="chart" data-testid={testId}>
      <ResponsiveContainer width="100%" height={text.px(180)}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey="label" tick={{ fill: 'var(--muted)', fontSize: text.px(11) }} interval="preserveStartEnd" label={{ value: x, position: 'insideBottom', offset: -4, fill: 'var(--muted)', fontSize: text.px(11) }} height={text.px(36)} />
          <YAxis allowDecimals={false} tick={{ fill: 'var(--muted)', fontSize: text.px(11) }} width={text.px(36)} />
          <Tooltip cursor={{ fill: 'var(--surface-2)' }} contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }} formatter={(v) => [`${String(v)} ${unit}`, '']} />
          <Bar dataKey="count" fill={color} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function RetentionTable({ rows }: { rows: RetentionRow[] }) {
  return (
    <table className="data retention-table" data-testid="true-retention">
      <thead>
        <tr>
          <th />
          <th className="num">Young</th>
          <th className="num">Mature</th>
          <th className="num">Total</th>
          <th className="num">Reviews</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.period}>
            <th scope="row">{PERIOD[r.period]}</th>
            <td className="num">{pct(r.young.retention)}</td>
            <td className="num">{pct(r.mature.retention)}</td>
            <td className="num"><strong>{pct(r.total.retention)}</strong></td>
            <td className="num muted">{r.total.passed + r.total.failed}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A year of reviews, one square per study day, weeks as columns (GitHub-style). */
function Heatmap({ days }: { days: MemoryStats['heatmap'] }) {
  const byDate = new Map(days.map((d) => [d.date, d.count]));
  const max = Math.max(1, ...days.map((d) => d.count));
  const end = days.length ? new Date(`${days[days.length - 1]!.date}T00:00:00Z`) : new Date();
  const cells: { date: string; count: number; col: number; row: number }[] = [];
  for (let i = 364; i >= 0; i--) {
    const d = new Date(end.getTime() - i * 86_400_000);
    const date = d.toISOString().slice(0, 10);
    const index = 364 - i + ((new Date(end.getTime() - 364 * 86_400_000).getUTCDay() + 6) % 7);
    cells.push({ date, count: byDate.get(date) ?? 0, col: Math.floor(index / 7), row: index % 7 });
  }
  return (
    <svg className="heatmap" viewBox={`0 0 ${54 * 12} ${7 * 12}`} role="img" aria-label={`Reviews per day over the past year: ${days.reduce((a, d) => a + d.count, 0)} in total`} data-testid="heatmap">
      {cells.map((c) => (
        <rect key={c.date} x={c.col * 12} y={c.row * 12} width={10} height={10} rx={2} fill={c.count ? 'var(--accent)' : 'var(--surface-2)'} fillOpacity={c.count ? 0.25 + (0.75 * c.count) / max : 1}>
          <title>{`${c.date}: ${c.count} review${c.count === 1 ? '' : 's'}`}</title>
        </rect>
      ))}
    </svg>
  );
}

function ExamSection({ exam }: { exam: NonNullable<MemoryStats['exam']> }) {
  return (
    <section className="card" data-testid="exam-forecast">
      <h2>Exam day: {exam.examDate} ({exam.daysLeft} day{exam.daysLeft === 1 ? '' : 's'} left)</h2>
      <p className="muted">
        <strong>Predicted recall on exam day</strong> is the mean probability that you would still recall each card of a system on the morning of
        the exam <em>if you did no more reviews</em> — a floor: every review you do before then raises it. Cards are grouped by the USMLE system
        of the question they came from. Exam-date mode also caps intervals so every card comes back before the exam.
      </p>
      {exam.bySystem.length === 0 ? (
        <p className="muted">No reviewed cards are linked to a question yet.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>System</th>
              <th className="num">Cards</th>
              <th>Predicted recall on exam day</th>
            </tr>
          </thead>
          <tbody>
            {exam.bySystem.map((s) => (
              <tr key={s.system} data-testid="exam-system">
                <td>{s.system}</td>
                <td className="num">{s.cards}</td>
                <td>
                  <div className="meter" aria-label={`${pct(s.meanRetrievability, 0)}`}>
                    <span style={{ width: `${s.meanRetrievability * 100}%` }} className={s.meanRetrievability < 0.7 ? 'low' : s.meanRetrievability < 0.85 ? 'mid' : 'high'} />
                  </div>
                  <span className="meter-value">{pct(s.meanRetrievability, 0)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Reviews scheduled until the exam</h3>
      <p className="muted small">Cards already due count on the first day; each review you do schedules its card again, so real days run a little higher.</p>
      <Histogram data={exam.workload.map((w) => ({ label: w.date.slice(5), count: w.count }))} x="day" unit="reviews" testId="exam-workload" />
    </section>
  );
}

export function StatsPage() {
  const stats = useApi('cards:stats', {}, { staleTime: 0 });
  if (stats.error) return <ErrorBox error={stats.error} />;
  if (!stats.data) return <Loading />;
  const s = stats.data;
  if (s.retrievability.cards === 0 && s.heatmap.length === 0) {
    return (
      <EmptyState title="No reviews yet">
        Statistics appear once you have reviewed cards: answer flashcards here, or finish a block — every question you miss becomes a card.
      </EmptyState>
    );
  }
  return (
    <div className="stats-page" data-testid="memory-stats">
      <div className="grid cols-3">
        <div className="card stat">
          <span className="value" data-testid="avg-r">{pct(s.retrievability.average)}</span>
          <span className="label">average retrievability — the chance you recall a reviewed card right now</span>
        </div>
        <div className="card stat">
          <span className="value" data-testid="total-knowledge">{s.totalKnowledge.toFixed(0)}</span>
          <span className="label">estimated total knowledge — cards you would recall now (Σ retrievability over {s.retrievability.cards})</span>
        </div>
        <div className="card stat">
          <span className="value">{pct(s.retention.find((r) => r.period === 'month')?.total.retention ?? null)}</span>
          <span className="label">true retention, last month — reviews passed (Hard, Good or Easy)</span>
        </div>
      </div>
      {s.exam && <ExamSection exam={s.exam} />}
      <div className="grid cols-2">
        <section className="card">
          <h2>True retention</h2>
          <p className="muted small">Share of reviews of review-state cards you passed. Young: interval under 21 days; mature: 21 days or more.</p>
          <RetentionTable rows={s.retention} />
        </section>
        <section className="card">
          <h2>Due forecast</h2>
          <p className="muted small">Cards due on each of the next 30 days (overdue cards count today).</p>
          <Histogram data={s.forecast.map((f) => ({ label: f.day === 0 ? 'today' : `+${f.day}`, count: f.count }))} x="days from today" unit="cards" testId="forecast" />
        </section>
        <section className="card">
          <h2>Retrievability</h2>
          <p className="muted small">How likely you are to recall each reviewed card right now.</p>
          <Histogram data={s.retrievability.bins.map((b) => ({ label: `${b.from}%`, count: b.count }))} x="probability of recall" unit="cards" testId="r-histogram" color="var(--good)" />
        </section>
        <section className="card">
          <h2>Stability</h2>
          <p className="muted small">Days until recall drops to 90% — how long each memory lasts.</p>
          <Histogram data={s.stability.map((b) => ({ label: b.from >= 365 ? `${(b.from / 365).toFixed(1)}y+` : `${b.from}d+`, count: b.count }))} x="stability" unit="cards" testId="s-histogram" />
        </section>
        <section className="card">
          <h2>Difficulty</h2>
          <p className="muted small">FSRS difficulty, 0% (easy) to 100% (hard).</p>
          <Histogram data={s.difficulty.map((b) => ({ label: `${b.from}%`, count: b.count }))} x="difficulty" unit="cards" testId="d-histogram" color="var(--warn)" />
        </section>
        <section className="card">
          <h2>Reviews in the past year</h2>
          <Heatmap days={s.heatmap} />
        </section>
      </div>
    </div>
  );
}
