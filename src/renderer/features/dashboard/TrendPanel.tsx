/**
 * Score trends: % correct per block over time (timed and tutor apart), first-attempt accuracy per block, and the rolling
 * 7- and 30-day accuracy. Qbank percent is practice accuracy, never a USMLE score.
 *
 * The x axis is time (epoch ms, scale="time"): blocks are placed by when they were finished, the domain fits the data
 * (a first day's blocks fill the width) and the ticks are whole hours or days (timeAxis.ts). Blocks finished so close
 * together that their dots would cover each other are spread just far enough apart, in the order they were taken; the
 * tooltip and the table give each block's exact time.
 */
import { useState } from 'react';
import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { BlockPoint, DailyPoint } from '../../../shared/readiness/types';
import { ChartTable } from './ChartTable';
import { useChartText } from '../../components/chartText';
import { C, pct, tooltipStyle } from './format';
import { spreadTimes, timeDomain, timeTicks } from '../../../shared/timeAxis';

const MARGIN = { top: 8, right: 16, bottom: 4, left: 0 };
const Y_AXIS_WIDTH = 48;
/** Centre-to-centre distance that keeps two dots (about 9 px wide) apart. */
const DOT_GAP_PX = 14;
/** Below recharts' scatter layer (600), above the grid and bars. */
const LINES_Z = 450;
/** Room one tick label needs ("Nov 10 09:00" at the default size). */
const TICK_PX = 110;

const noon = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y!, m! - 1, d!, 12).getTime();
};
const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
const whenTaken = (ms: number) => new Date(ms).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

interface BlockDot {
  x: number;
  y: number;
  first: number | null;
  block: BlockPoint;
}

/** Each block's dot position: its finishing time, spread where dots would overlap at this plot width. */
function placeBlocks(blocks: BlockPoint[], plotWidth: number): BlockDot[] {
  const sorted = [...blocks].sort((a, b) => a.finishedAt - b.finishedAt || a.blockId - b.blockId);
  const times = sorted.map((b) => b.finishedAt);
  let xs = times;
  // Twice: spreading widens the domain a little, which shrinks the milliseconds one pixel stands for.
  for (let pass = 0; pass < 2 && plotWidth > 0; pass++) {
    const [lo, hi] = timeDomain(xs);
    xs = spreadTimes(times, (DOT_GAP_PX * (hi - lo)) / plotWidth);
  }
  return sorted.map((b, i) => ({ x: xs[i]!, y: Math.round(b.percent * 10) / 10, first: round1(b.firstPercent), block: b }));
}

function TrendTooltip({ active, payload }: TooltipContentProps) {
  if (!active || !payload?.length) return null;
  const dot = payload.map((p) => p.payload as Partial<BlockDot>).find((p) => p.block)?.block;
  return (
    <div className="chart-tooltip" style={{ ...tooltipStyle.contentStyle, padding: '0.45rem 0.65rem', fontSize: '0.85rem' }} data-testid="trend-tooltip">
      {dot ? (
        <>
          <strong>
            Block {dot.blockId} · {dot.mode}
          </strong>
          <div>Finished {whenTaken(dot.finishedAt)}</div>
          <div>
            {dot.correct}/{dot.n} correct ({pct(dot.percent)}){dot.firstN ? ` · first attempts ${pct(dot.firstPercent)} of ${dot.firstN}` : ''}
          </div>
        </>
      ) : (
        payload.map((p) => <div key={String(p.dataKey)}>{`${p.name}: ${p.value} %`}</div>)
      )}
    </div>
  );
}

export function TrendPanel({ blocks, daily }: { blocks: BlockPoint[]; daily: DailyPoint[] }) {
  const [width, setWidth] = useState(0);
  const text = useChartText();
  const yAxisWidth = text.px(Y_AXIS_WIDTH);
  const plotWidth = Math.max(0, width - MARGIN.left - MARGIN.right - yAxisWidth);
  const dots = placeBlocks(blocks, plotWidth);
  const timed = dots.filter((d) => d.block.mode === 'timed');
  const tutor = dots.filter((d) => d.block.mode !== 'timed');
  const first = dots.filter((d) => d.first !== null);
  // Rolling accuracy is a value per day: drawn at the day's noon.
  const rolling = daily.map((d) => ({ x: noon(d.day), r7: round1(d.rolling7), r30: round1(d.rolling30) }));
  const domain = timeDomain([...dots.map((d) => d.x), ...rolling.map((r) => r.x)]);
  const { ticks, labels } = timeTicks(domain[0], domain[1], Math.max(2, Math.floor(plotWidth / text.px(TICK_PX))));
  return (
    <section className="card" aria-labelledby="trend-title" data-testid="trend">
      <h2 id="trend-title">Score trend</h2>
      <p className="muted small">Each dot is one block, placed by when you finished it. Practice accuracy, not a USMLE score: no validated conversion exists.</p>
      {blocks.length === 0 ? (
        <p className="muted">Finish a block to start the trend.</p>
      ) : (
        <div className="chart" data-testid="trend-chart" role="img" aria-label={`Percent correct for ${blocks.length} blocks over time; the table below lists the numbers.`}>
          <ResponsiveContainer width="100%" height={text.px(260)} onResize={(w) => setWidth(w)}>
            <ComposedChart margin={MARGIN}>
              <CartesianGrid stroke={C.border} strokeDasharray="3 3" />
              <XAxis dataKey="x" type="number" domain={domain} scale="time" ticks={ticks} tickFormatter={(v: number) => labels.get(v) ?? ''} interval={0} height={text.px(30)} {...text.axis} />
              <YAxis domain={[0, 100]} unit="%" width={yAxisWidth} {...text.axis} />
              <Tooltip content={TrendTooltip} shared={false} />
              <Legend wrapperStyle={text.legend} />
              {/* Lines (and the dot a one-point line draws) stay below the blocks' dots, which must never be hidden. */}
              <Line data={rolling} dataKey="r30" name="Rolling 30 days" stroke={C.rolling30} strokeWidth={2} dot={false} connectNulls zIndex={LINES_Z} isAnimationActive={false} />
              <Line data={rolling} dataKey="r7" name="Rolling 7 days" stroke={C.accent} strokeWidth={2} dot={false} connectNulls zIndex={LINES_Z} isAnimationActive={false} />
              <Line data={first} dataKey="first" name="First attempts per block" stroke={C.good} strokeDasharray="5 4" dot={false} zIndex={LINES_Z} isAnimationActive={false} />
                            <Scatter data={timed} dataKey="y" name="Timed block" fill={C.accent} isAnimationActive={false} />
              <Scatter data={tutor} dataKey="y" name="Tutor / untimed block" fill={C.tutor} shape="diamond" isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      )}
      <ChartTable
        caption="blocks over time"
        testId="trend-table"
        head={['Finished', 'Block', 'Mode', 'Correct', '% correct', 'First attempts', 'Rolling 7 d', 'Rolling 30 d']}
        rows={blocks.map((b) => {
          const day = daily.find((d) => d.day === b.day);
          return [whenTaken(b.finishedAt), b.blockId, b.mode, `${b.correct}/${b.n}`, pct(b.percent), b.firstN ? `${pct(b.firstPercent)} of ${b.firstN}` : '—', pct(day?.rolling7), pct(day?.rolling30)];
        })}
      />
    </section>
  );
}
