/**
 * Chart text that follows the user's text size (Settings → text size, `fontScale`). Recharts draws SVG text with
 * pixel sizes and measures labels with them, so the scale is applied here, in numbers, rather than through CSS: axis
 * ticks, legends and reference labels grow with the rest of the app, and the axes' room grows with them.
 */
import { useApi } from '../queries';

export interface ChartText {
  /** The user's text scale (1 = default). */
  scale: number;
  /** A size in px at the default scale → the size at the user's scale. */
  px: (size: number) => number;
  /** Spread into XAxis / YAxis: muted tick labels at 12 px × scale. */
  axis: { stroke: string; tick: { fill: string; fontSize: number } };
  /** Legend wrapper style: 12 px × scale. */
  legend: { color: string; fontSize: number };
}

export function useChartText(): ChartText {
  const scale = useApi('settings:get', {}).data?.fontScale ?? 1;
  const px = (size: number) => Math.round(size * scale * 10) / 10;
  return {
    scale,
    px,
    axis: { stroke: 'var(--border)', tick: { fill: 'var(--muted)', fontSize: px(12) } },
    legend: { color: 'var(--text)', fontSize: px(12) },
  };
}
