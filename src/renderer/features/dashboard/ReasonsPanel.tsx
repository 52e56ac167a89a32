/** Why I missed it: reasons tagged in Review, by week (stacked bars) and by system (table). */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReasonSummary } from '../../../shared/readiness/types';
import { ChartTable } from './ChartTable';
import { useChartText } from '../../components/chartText';
import { C, shortDate, tooltipStyle } from './format';
import { useStackWhenNarrow } from './useStackWhenNarrow';

const LABELS: Record<string, string> = {
  knowledge: 'Knowledge gap',
  misread: 'Misread',
  reasoning: 'Reasoning',
  time: 'Time',
  guessed: 'Guessed',
  careless: 'Careless',
};
const COLOURS: Record<string, string> = { knowledge: C.accent, misread: C.warn, reasoning: C.rolling30, time: C.bad, guessed: C.tutor, careless: C.good };

export function ReasonsPanel({ reasons }: { reasons: ReasonSummary }) {
  const bySystemBox = useStackWhenNarrow<HTMLDivElement>();
  const text = useChartText();
  const codes = reasons.total.map((r) => r.reason);
  const weeks = reasons.byWeek.map((w) => ({ week: shortDate(w.week), ...w.counts }));
  return (
    <section className="card" aria-labelledby="reasons-title" data-testid="reasons">
      <h2 id="reasons-title">Why I missed it</h2>
      {!reasons.available || reasons.total.length === 0 ? (
        <p className="muted">{reasons.note}</p>
      ) : (
        <>
          <ul className="reason-totals">
            {reasons.total.map((r) => (
              <li key={r.reason}>
                <span className="badge">{LABELS[r.reason] ?? r.reason}</span> {r.count}
              </li>
            ))}
          </ul>
          <div className="chart" role="img" aria-label="Reasons for missed questions per week; the table below lists them.">
            <ResponsiveContainer width="100%" height={text.px(170)}>
              <BarChart data={weeks} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
                <CartesianGrid stroke={C.border} strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="week" height={text.px(30)} {...text.axis} />
                <YAxis allowDecimals={false} width={text.px(36)} {...text.axis} />
                <Tooltip {...tooltipStyle} cursor={{ fill: 'var(--surface-2)' }} />
                <Legend wrapperStyle={text.legend} />
                {codes.map((code) => (
                  <Bar key={code} dataKey={code} name={LABELS[code] ?? code} stackId="r" fill={COLOURS[code] ?? C.muted} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <ChartTable caption="reasons by week" head={['Week of', ...codes.map((c) => LABELS[c] ?? c)]} rows={reasons.byWeek.map((w) => [shortDate(w.week), ...codes.map((c) => w.counts[c] ?? 0)])} />
          {/* Stacked when six reasons do not fit beside each other (half a 1280 px window, large text): labels stay whole. */}
          <div className="table-scroll stackable" ref={bySystemBox}>
            <table className="data compact reasons-by-system" data-testid="reasons-by-system">
              <thead>
                <tr>
                  <th scope="col">System</th>
                  {codes.map((c) => (
                    <th key={c} scope="col" className="num">
                      {LABELS[c] ?? c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {reasons.bySystem.map((s) => (
                  <tr key={s.system}>
                    <td className="row-head">{s.system}</td>
                    {codes.map((c) => (
                      <td key={c} className={s.counts[c] ? 'num' : 'num zero'}>
                        <span className="cell-label">{LABELS[c] ?? c}</span>
                        {s.counts[c] ?? 0}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
