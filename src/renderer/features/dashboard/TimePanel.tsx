/** Time: seconds per question per block against the exam pace, the share of items over pace, fast vs slow accuracy. */
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BlockPoint, TimeSummary } from '../../../shared/readiness/types';
import { ChartTable } from './ChartTable';
import { useChartText } from '../../components/chartText';
import { C, pct, shortDate, tooltipStyle } from './format';

export function TimePanel({ time, blocks }: { time: TimeSummary; blocks: BlockPoint[] }) {
  const text = useChartText();
  const data = blocks.map((b, i) => ({ i: i + 1, label: `${shortDate(b.day)} · block ${b.blockId}`, s: Math.round(b.secondsPerItem) }));
  return (
    <section className="card" aria-labelledby="time-title" data-testid="time">
      <h2 id="time-title">Time</h2>
      <div className="stat-row">
        <div className="stat">
          <span className="value">{time.meanSeconds === null ? '—' : `${Math.round(time.meanSeconds)} s`}</span>
          <span className="label">per question (exam pace {time.paceSeconds} s)</span>
        </div>
        <div className="stat">
          <span className="value">{pct(time.overPaceShare)}</span>
          <span className="label">of answers over pace</span>
        </div>
        <div className="stat">
          <span className="value">{pct(time.fast.percent)}</span>
          <span className="label">correct when ≤ {time.paceSeconds} s ({time.fast.n})</span>
        </div>
        <div className="stat">
          <span className="value">{pct(time.slow.percent)}</span>
          <span className="label">correct when slower ({time.slow.n})</span>
        </div>
      </div>
      {data.length > 0 && (
        <div className="chart" role="img" aria-label="Seconds per question for each block against the 90-second exam pace; the table below lists the numbers.">
          <ResponsiveContainer width="100%" height={text.px(170)}>
            <BarChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
              <CartesianGrid stroke={C.border} strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="i" height={text.px(30)} {...text.axis} />
              <YAxis unit=" s" width={text.px(48)} {...text.axis} />
              <Tooltip {...tooltipStyle} labelFormatter={(_, p) => String(p?.[0]?.payload?.label ?? '')} formatter={(v) => [`${v} s per question`, 'Time']} cursor={{ fill: 'var(--surface-2)' }} />
              <ReferenceLine y={time.paceSeconds} stroke={C.bad} strokeDasharray="4 3" label={{ value: `exam pace ${time.paceSeconds} s`, fill: C.bad, fontSize: text.px(12), position: 'insideTopRight' }} />
              <Bar dataKey="s" name="Seconds per question" fill={C.accent} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      <ChartTable caption="seconds per question by block" head={['#', 'Block', 'Seconds per question']} rows={data.map((d) => [d.i, d.label, `${d.s} s`])} />
    </section>
  );
}
