/** Formatting shared by the dashboard panels: percents, dates, and chart colours that follow the theme. */
export const pct = (v: number | null | undefined, digits = 0): string => (v === null || v === undefined ? '—' : `${v.toFixed(digits)} %`);

export const shortDate = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y!, m! - 1, d!).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
};

/** SVG presentation attributes accept CSS variables, so charts switch with the theme without re-rendering. */
export const C = {
  accent: 'var(--accent)',
  good: 'var(--good)',
  bad: 'var(--bad)',
  warn: 'var(--warn)',
  muted: 'var(--muted)',
  border: 'var(--border)',
  text: 'var(--text)',
  tutor: 'var(--chart-tutor)',
  rolling30: 'var(--chart-30)',
};

export const tooltipStyle = {
  contentStyle: { background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 6, color: 'var(--text)' },
  labelStyle: { color: 'var(--text)' },
};
