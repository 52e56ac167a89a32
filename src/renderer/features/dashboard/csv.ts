/** The dashboard's raw numbers as one CSV (sections separated by a `section` column), for a spreadsheet. */
import type { AssessmentEntry, Dashboard } from '../../../shared/readiness/types';

const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : typeof v === 'number' ? String(Math.round(v * 100) / 100) : String(v);
  // Quote always-risky cells; a leading =,+,-,@ is prefixed so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function dashboardCsv(d: Dashboard, assessments: AssessmentEntry[]): string {
  const lines: string[] = [['section', 'name', 'n', 'correct', 'percent', 'low95', 'high95', 'repeats_n', 'repeats_correct', 'extra'].join(',')];
  const push = (...v: unknown[]) => lines.push(v.map(cell).join(','));
  for (const dim of ['system', 'discipline', 'pack', 'exam'] as const) {
    for (const r of d.performance[dim]) push(`by ${dim}`, r.label, r.n, r.correct, r.percent, r.low, r.high, r.repeatN, r.repeatCorrect, r.trend ?? '');
  }
  for (const b of d.blocks) push('block', `${b.day} block ${b.blockId} (${b.mode})`, b.n, b.correct, b.percent, '', '', '', '', `first ${b.firstCorrect}/${b.firstN}; ${b.secondsPerItem.toFixed(1)} s per item`);
  for (const p of d.daily) push('day', p.day, p.n, p.correct, p.n ? (p.correct / p.n) * 100 : null, '', '', '', '', `rolling7 ${p.rolling7?.toFixed(1) ?? ''}; rolling30 ${p.rolling30?.toFixed(1) ?? ''}`);
  for (const a of assessments) push('self-assessment', `${a.takenOn} ${a.title} (${a.exam})`, '', '', '', '', '', '', '', a.status === 'planned' ? 'planned' : a.display);
  const r = d.readiness;
  push('readiness', `${r.exam} on ${r.examDate ?? '—'}`, '', '', '', r.estimate?.low, r.estimate?.high, '', '', `${r.label}; estimate ${r.estimate?.value ?? '—'}; pass probability ${r.passProbabilityText ?? '—'}; method ${r.method.version}`);
  push('plan', `${r.daysLeft ?? '—'} days left`, d.plan.unused, '', '', '', '', '', '', `${d.plan.perDayOnePass ?? '—'} a day for one pass; ${d.plan.perDayChosenPasses ?? '—'} for ${d.plan.passes}`);
  return `${lines.join('\n')}\n`;
}

export function downloadCsv(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
