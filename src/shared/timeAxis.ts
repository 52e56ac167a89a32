/**
 * A real time axis for per-block charts (the dashboard's score trend; pure, so it lives here and is unit-tested in
 * Node): a domain fitted to the data (so a single day's blocks fill the width), ticks at whole hours or local
 * midnights with labels that name the date whenever it changes, and a spread that keeps blocks taken close together
 * visibly apart while keeping them in the order they were taken. No DOM.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The data's extent with a margin (5 % of the span, at least 30 minutes), so the first and last point sit inside. */
export function timeDomain(xs: number[]): [number, number] {
  if (!xs.length) return [0, 1];
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const pad = Math.max((hi - lo) * 0.05, HOUR / 2);
  return [lo - pad, hi + pad];
}

const STEPS = [HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 56 * DAY, 112 * DAY];

/** Local midnight on or before `ms`. */
function startOfDay(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

const dateLabel = (ms: number) => new Date(ms).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
const timeLabel = (ms: number) => new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * Ticks for [from, to] no more than `maxTicks`: the smallest step of whole hours or days that fits, aligned to local
 * midnight (hours) or starting at the first local midnight in the range (days). Labels: dates for day steps; for hour steps the time, with the date
 * in front on the first tick and whenever the day changes.
 */
export function timeTicks(from: number, to: number, maxTicks: number): { ticks: number[]; labels: Map<number, string> } {
  const span = Math.max(1, to - from);
  const step = STEPS.find((s) => span / s <= Math.max(1, maxTicks)) ?? STEPS[STEPS.length - 1]!;
  const ticks: number[] = [];
  if (step < DAY) {
    let t = startOfDay(from);
    while (t < from) t += step;
    for (; t <= to; t += step) ticks.push(t);
  } else {
    // Walk local midnights (DST-safe: construct each from the calendar, not by adding milliseconds).
    // The first tick is the first local midnight inside the range.
    const days = Math.round(step / DAY);
    const first = new Date(startOfDay(from));
    const offset = first.getTime() < from ? 1 : 0;
    for (let i = offset; ; i += days) {
      const t = new Date(first.getFullYear(), first.getMonth(), first.getDate() + i).getTime();
      if (t > to) break;
      ticks.push(t);
    }
  }
  const labels = new Map<number, string>();
  let lastDay = '';
  for (const t of ticks) {
    const day = dateLabel(t);
    if (step >= DAY) labels.set(t, day);
    else labels.set(t, day === lastDay ? timeLabel(t) : `${day} ${timeLabel(t)}`);
    lastDay = day;
  }
  return { ticks, labels };
}

/**
 * Positions for points at `times` (sorted ascending) so that neighbours are at least `minGap` apart: points closer
 * than that form a group spread evenly around the group's mean time, in their original order. Points with room keep
 * their own time exactly. Groups that grow into each other merge, so the result is ordered and gap-free.
 */
export function spreadTimes(times: number[], minGap: number): number[] {
  if (minGap <= 0) return [...times];
  interface Group {
    first: number;
    count: number;
    sum: number;
  }
  const start = (g: Group) => g.sum / g.count - ((g.count - 1) * minGap) / 2;
  const end = (g: Group) => start(g) + (g.count - 1) * minGap;
  const groups: Group[] = [];
  times.forEach((t, i) => {
    groups.push({ first: i, count: 1, sum: t });
    while (groups.length > 1) {
      const b = groups[groups.length - 1]!;
      const a = groups[groups.length - 2]!;
      if (start(b) - end(a) >= minGap) break;
      groups.splice(groups.length - 2, 2, { first: a.first, count: a.count + b.count, sum: a.sum + b.sum });
    }
  });
  const out: number[] = [];
  for (const g of groups) for (let k = 0; k < g.count; k++) out.push(start(g) + k * minGap);
  return out;
}
