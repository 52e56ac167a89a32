/**
 * CLI commands of the readiness dashboard (issue 11): `stats`, `assessments add|list|remove`, `readiness`.
 * Bad values are refused by the same core checks as in the app (exit 1 with the message).
 */
import type { Api } from './core/api';
import { EXAMS, type Exam } from '../shared/pack';
import { AppError } from '../shared/result';
import type { PerformanceRow } from '../shared/readiness/types';

/** Options that take a value; cli.ts collects them into `options`. */
export const READINESS_FLAGS = ['--exam', '--exam-date', '--product', '--form', '--date', '--score', '--pass-probability', '--comment', '--status'] as const;

export const READINESS_HELP = `  stats                      performance by system and discipline (n, % correct, 95 % interval)
  assessments list           the self-assessment log
  assessments add            log a result: --exam step2ck --product nbme-ccssa --form 14 --date 2026-11-01 --score 236
                             (a CBSSA also takes --pass-probability 0.97; --status planned schedules one; --comment)
  assessments remove <id>    delete one entry
  readiness                  readiness for the exam in Settings, or --exam step2ck --exam-date 2027-01-15
`;

const bad = (field: string, message: string) => new AppError('BAD_INPUT', `${field}: ${message}`, [{ field, message }]);

function exam(value: string | undefined): Exam | undefined {
  if (value === undefined) return undefined;
  if (!(EXAMS as readonly string[]).includes(value)) throw bad('exam', `"${value}" is not one of ${EXAMS.join(', ')}`);
  return value as Exam;
}

function number(field: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isFinite(n) || value.trim() === '') throw bad(field, `"${value}" is not a number`);
  return n;
}

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(0)} %`);
const table = (title: string, rows: PerformanceRow[]) => [
  title,
  ...rows.map((r) => `  ${r.label.padEnd(28)} n=${String(r.n).padStart(5)}  ${pct(r.percent).padStart(5)}  (95 % ${pct(r.low)}–${pct(r.high)})${r.trend ? ` ${r.trend === 'up' ? '↑' : '↓'}` : ''}`),
];

export async function runReadinessCommand(command: string, args: string[], options: Record<string, string>, json: boolean, api: Api): Promise<unknown> {
  if (command === 'stats') {
    const d = await api.call('stats:dashboard', {});
    const out = { today: d.today, totals: d.totals, due: d.due, system: d.performance.system, discipline: d.performance.discipline, pack: d.performance.pack, exam: d.performance.exam };
    if (json) return out;
    if (!d.totals.answered) return 'No answered questions yet.';
    return [...table('By system (first attempts, weakest first)', out.system), ...table('By discipline', out.discipline)].join('\n');
  }
  if (command === 'readiness') {
    const r = await api.call('readiness:get', {
      ...(options.exam ? { exam: exam(options.exam)! } : {}),
      ...(options['exam-date'] ? { examDate: options['exam-date'] } : {}),
    });
    if (json) return r;
    const lines = [`${r.exam} on ${r.examDate ?? '(no date set)'}: ${r.label} (${r.sufficiency.count} NBME result${r.sufficiency.count === 1 ? '' : 's'})`];
    if (r.estimate) lines.push(`Estimate ${r.estimate.value} (band ${r.estimate.low}–${r.estimate.high}) against the standard ${r.standard?.value}; pass probability ${r.passProbabilityText} (model output)`);
    if (r.step1) lines.push(`Newest CBSSA: EPC ${r.step1.epc.value} (±4: ${r.step1.epc.low}–${r.step1.epc.high}), ${r.step1.state} the low-pass region`);
    for (const n of r.notes) lines.push(n);
    return lines.join('\n');
  }
  if (command === 'assessments') {
    const sub = args[0] ?? 'list';
    if (sub === 'list') {
      const list = await api.call('assessments:list', {});
      if (json) return list;
      if (!list.length) return 'No self-assessments logged.';
      return list.map((a) => `${String(a.id).padStart(4)}  ${a.takenOn}  ${a.exam.padEnd(7)}  ${a.title.padEnd(24)}  ${a.status === 'planned' ? 'planned' : a.display}`).join('\n');
    }
    if (sub === 'add') {
      const e = exam(options.exam);
      if (!e) throw bad('exam', 'required (--exam step1 | step2ck | step3)');
      if (!options.product) throw bad('product', 'required (--product nbme-ccssa, …)');
      if (!options.date) throw bad('date', 'required (--date YYYY-MM-DD)');
      const status = options.status ?? 'taken';
      if (status !== 'taken' && status !== 'planned') throw bad('status', `"${status}" is not taken or planned`);
      const added = await api.call('assessments:add', {
        exam: e,
        product: options.product,
        form: options.form ?? '',
        takenOn: options.date,
        status,
        score: number('score', options.score),
        passProbability: number('passProbability', options['pass-probability']),
        comment: options.comment ?? '',
      });
      return json ? added : `Logged ${added.title} on ${added.takenOn}: ${added.display ?? 'planned'} (id ${added.id})`;
    }
    if (sub === 'remove') {
      const id = Number(args[1]);
      if (!Number.isInteger(id) || id <= 0) throw bad('id', 'give the id shown by `vignette assessments list`');
      const result = await api.call('assessments:remove', { id });
      return json ? result : `Removed self-assessment ${id}`;
    }
    throw bad('command', `unknown assessments command ${sub}; use add, list or remove`);
  }
  throw new Error(`not a readiness command: ${command}`);
}
