/**
 * Score trends: % correct per block over time (timed and tutor apart), first-attempt accuracy per block, and the rolling
 * 7- and 30-day accuracy. Qbank percent is practice accuracy, never a USMLE score.
 */
import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import type { BlockPoint, DailyPoint } from '../../../shared/readiness/types';
import { ChartTable } from './ChartTable';
import { axis, C, dateTime, pct, shortDate, tooltipStyle } from './format';

const noon = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y!, m! - 1, d!, 12).getTime();
};

export function TrendPanel({ blocks, daily }: { blocks: BlockPoint[]; daily: DailyPoint[] }) {
  const point = (b: BlockPoint) => ({ x: b.finishedAt, y: Math.round(b.percent * 10) / 10, label: `Block ${b.blockId} (${b.mode}): ${b.correct}/${b.n}` });
  const timed = blocks.filter((b) => b.mode === 'timed').map(point);
  const tutor = blocks.filter((b) => b.mode !== 'timed').map(point);
  const first = blocks.filter((b) => b.firstPercent !== null).map((b) => ({ x: b.finishedAt, first: Math.round(b.firstPercent! * 10) / 10 }));
  const rolling = daily.map((d) => ({ x: noon(d.day), r7: d.rolling7 === null ? null : Math.round(d.rolling7 * 10) / 10, r30: d.rolling30 === null ? null : Math.round(d.rolling30 * 10) / 10 }));
  const xs = [...blocks.map((b) => b.finishedAt), ...rolling.map((r) => r.x)];
  const domain: [number, number] = xs.length ? [Math.min(...xs) - 43_200_000, Math.max(...xs) + 43_200_000] : [0, 1];
  return (
    <section className="card" aria-labelledby="trend-title" data-testid="trend">
      <h2 id="trend-title">Score trend</h2>
      <p className="muted small">Each dot is one block. Practice accuracy, not a USMLE score: no validated conversion exists.</p>
      {blocks.length === 0 ? (
        <p className="muted">Finish a block to start the trend.</p>
      ) : (
        <div className="chart" data-testid="trend-chart" role="img" aria-label={`Percent correct for ${blocks.length} blocks over time; the table below lists the numbers.`}>
          <ResponsiveContainer width="100%" height={260}>
            <ComposedChart margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
              <CartesianGrid stroke={C.border} strokeDasharray="3 3" />
              <XAxis dataKey="x" type="number" domain={domain} scale="time" tickFormatter={dateTime} {...axis} allowDuplicatedCategory={false} />
              <YAxis domain={[0, 100]} unit="%" width={48} {...axis} />
              <Tooltip {...tooltipStyle} labelFormatter={(v) => dateTime(Number(v))} formatter={(v) => `${v} %`} />
              <Legend wrapperStyle={{ color: 'var(--text)', fontSize: 12 }} />
              <Line data={rolling} dataKey="r30" name="Rolling 30 days" stroke={C.rolling30} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
              <Line data={rolling} dataKey="r7" name="Rolling 7 days" stroke={C.accent} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
              <Line data={first} dataKey="first" name="First attempts per block" stroke={C.good} strokeDasharray="5 4" dot={false} isAnimationActive={false} />
              <Scatter data={timed} dataKey="y" name="Timed block" fill={C.accent} isAnimationActive={false} />
              <Scatter data={tutor} dataKey="y" name="Tutor / untimed block" fill={C.tutor} shape="diamond" isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      )}
      <ChartTable
        caption="blocks over time"
        testId="trend-table"
        head={['Finished', 'Mode', 'Correct', '% correct', 'First attempts', 'Rolling 7 d', 'Rolling 30 d']}
        rows={blocks.map((b) => {
          const day = daily.find((d) => d.day === b.day);
          return [shortDate(b.day), b.mode, `${b.correct}/${b.n}`, pct(b.percent), b.firstN ? `${pct(b.firstPercent)} of ${b.firstN}` : '—', pct(day?.rolling7), pct(day?.rolling30)];
        })}
      />
    </section>
  );
}
