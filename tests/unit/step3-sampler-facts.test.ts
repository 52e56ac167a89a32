/**
 * Facts inside four Step 3 sampler items that a clinician's review found wrong (issue 14, Content), checked against
 * the item itself so that an edit which breaks them again fails here:
 * - s3-biostat-003: every relative risk, 95% CI and p-value in the trial table is recomputed from the arm sizes and
 *   event rates the stem states (Katz log method, Wald z), and the key's claim (the interval includes 1) must hold.
 * - s3-cardio-002: the key follows the 2022 ACC Expert Consensus Decision Pathway on nonstatin therapies.
 * - s3-endo-002: the 1-mg dexamethasone suppression cut-off is the ESE 2023 one (1.8 µg/dL), with no older > 5 µg/dL
 *   category.
 * - s3-immune-001: HIV follow-up testing after an occupational exposure is the US PHS 2013 schedule.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../helpers/db';

interface Item {
  id: string;
  stem: string;
  choices: { text: string; explanation?: string }[];
  answer: string;
  explanation?: string;
  objective?: string;
}
const step3 = (JSON.parse(readFileSync(join(SAMPLES_DIR, 'vignette-step3-sampler', 'pack.json'), 'utf8')) as { questions: Item[] }).questions;
const item = (id: string): Item => {
  const found = step3.find((q) => q.id === id);
  if (!found) throw new Error(`no item ${id} in the Step 3 sampler`);
  return found;
};
const keyOf = (q: Item) => q.choices[q.answer.charCodeAt(0) - 65]!;
const allText = (q: Item) => [q.stem, q.explanation ?? '', q.objective ?? '', ...q.choices.flatMap((c) => [c.text, c.explanation ?? ''])].join('\n');

// ── Biostatistics: recompute the trial table ───────────────────────────────────────────────────────────────────

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 erf, error < 1.5e-7): independent of the app's own maths. */
function phi(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

interface TrialRow {
  outcome: string;
  events: [number, number];
  n: [number, number];
  stated: { rr: number; lo: number; hi: number; p: string };
}

/** The stem's Markdown trial table: arm sizes from the header, events = rate × arm size. */
function trialTable(stem: string): TrialRow[] {
  const lines = stem.split('\n').filter((l) => l.startsWith('|'));
  const header = lines[0]!.split('|').slice(1, -1);
  const n = header.slice(1, 3).map((h) => Number(/n = ([\d,]+)/.exec(h)![1]!.replace(/,/g, ''))) as [number, number];
  return lines.slice(2).map((line) => {
    const [outcome, a, b, rr, p] = line.split('|').slice(1, -1).map((c) => c.trim()) as [string, string, string, string, string];
    const m = /^([\d.]+) \(([\d.]+)–([\d.]+)\)$/.exec(rr)!;
    const events = [a, b].map((pct, i) => Math.round((parseFloat(pct) / 100) * n[i]!)) as [number, number];
    return { outcome, events, n, stated: { rr: Number(m[1]), lo: Number(m[2]), hi: Number(m[3]), p } };
  });
}

function recompute({ events: [a, b], n: [n1, n2] }: TrialRow) {
  const rr = a / n1 / (b / n2);
  const se = Math.sqrt(1 / a - 1 / n1 + 1 / b - 1 / n2);
  const lo = Math.exp(Math.log(rr) - 1.96 * se);
  const hi = Math.exp(Math.log(rr) + 1.96 * se);
  const p = 2 * (1 - phi(Math.abs(Math.log(rr)) / se));
  return { rr, se, lo, hi, p };
}

describe('s3-biostat-003: the trial table is arithmetic, and the key is what it shows', () => {
  const q = item('s3-biostat-003');
  const rows = trialTable(q.stem);

  it('the recomputation is right on a known case (100/1,000 vs 200/1,000: RR 0.50, 0.40–0.63, p < 0.001)', () => {
    const r = recompute({ outcome: 'x', events: [100, 200], n: [1000, 1000], stated: { rr: 0, lo: 0, hi: 0, p: '' } });
    expect([r.rr, r.lo, r.hi].map((v) => v.toFixed(2))).toEqual(['0.50', '0.40', '0.63']);
    expect(r.p).toBeLessThan(0.001);
    expect(phi(1.96)).toBeCloseTo(0.975, 4);
  });

  it.each(rows.map((r) => [r.outcome, r] as const))('%s: the stated RR, 95% CI and p equal the recomputation', (_, row) => {
    const r = recompute(row);
    expect(row.stated.rr).toBeCloseTo(r.rr, 2);
    expect(row.stated.lo).toBeCloseTo(r.lo, 2);
    expect(row.stated.hi).toBeCloseTo(r.hi, 2);
    if (r.p < 0.001) expect(row.stated.p).toBe('< 0.001');
    else expect(Number(row.stated.p)).toBeCloseTo(r.p, 2);
  });

  it('the key says the hospitalization result is compatible with no effect, and the recomputed interval includes 1', () => {
    expect(keyOf(q).text).toMatch(/compatible with no effect/i);
    const hosp = rows.find((r) => /hospitalization/i.test(r.outcome))!;
    const r = recompute(hosp);
    expect(r.lo).toBeLessThan(1);
    expect(r.hi).toBeGreaterThan(1);
    expect(r.p).toBeGreaterThan(0.05);
    // The explanation shows the arithmetic: the standard error and the interval it gives.
    expect(q.explanation).toContain(`SE = ${r.se.toFixed(3)}`);
    expect(q.explanation).toContain(`${hosp.stated.lo.toFixed(2)}–${hosp.stated.hi.toFixed(2)}`);
  });
});

// ── Nonstatin therapy: the 2022 ACC Expert Consensus Decision Pathway ─────────────────────────────────────────────

describe('s3-cardio-002 follows the 2022 ACC pathway for nonstatin therapy', () => {
  const q = item('s3-cardio-002');
  const ldl = Number(/LDL cholesterol: (\d+) mg\/dL/.exec(q.stem)?.[1]);
  // The item must say which of the pathway's groups the patient is in; the group sets the LDL threshold.
  const veryHigh = !/not at very high risk/i.test(q.explanation ?? '') && /at very high risk/i.test(q.explanation ?? '');
  const threshold = veryHigh ? 55 : 70;
  const needed = 1 - threshold / ldl; // fraction of further LDL lowering needed to reach the threshold
  const key = keyOf(q).text.toLowerCase();

  it('states the LDL on a maximal statin and the risk group', () => {
    expect(ldl).toBeGreaterThan(0);
    expect(q.stem).toMatch(/atorvastatin 80 mg|rosuvastatin (20|40) mg/);
    expect(q.explanation).toMatch(/at very high risk/i);
  });

  it('LDL is above the threshold of its group, so a nonstatin is due', () => {
    expect(ldl).toBeGreaterThanOrEqual(threshold);
  });

  it('ezetimibe first when it can close the gap (≤ 25% more lowering needed); a PCSK9 antibody first only at very high risk with a larger gap', () => {
    if (/ezetimibe/.test(key)) expect(needed).toBeLessThanOrEqual(0.25);
    else if (/evolocumab|alirocumab|pcsk9/.test(key)) {
      expect(veryHigh).toBe(true);
      expect(needed).toBeGreaterThan(0.25);
    } else throw new Error(`unexpected key: ${key}`);
  });
});

// ── Adrenal incidentaloma: the ESE 2023 cut-off ──────────────────────────────────────────────────────────────

describe('s3-endo-002 uses the ESE 2023 dexamethasone cut-off', () => {
  const text = allText(item('s3-endo-002'));
  it('1.8 µg/dL (50 nmol/L) after 1 mg dexamethasone separates normal from autonomous cortisol secretion', () => {
    expect(text).toMatch(/(≤|>) 1\.8 [µμ]g\/dL/);
    expect(text).toMatch(/> 1\.8 [µμ]g\/dL[^.]*(mild )?autonomous cortisol secretion/i);
  });
  it('no 5 µg/dL threshold for autonomous cortisol secretion (the pre-2023 three-tier scheme)', () => {
    expect(text).not.toMatch(/> ?5 [µμ]g\/dL indicates/i);
    expect(text).not.toMatch(/1\.9[–-]5(\.0)? [µμ]g\/dL/);
  });
});

// ── Occupational HIV exposure: the US PHS 2013 follow-up schedule ────────────────────────────────────────────────

describe('s3-immune-001 uses the US PHS 2013 HIV follow-up schedule', () => {
  const text = allText(item('s3-immune-001'));
  it('tests at 6 weeks, 12 weeks and 6 months, or at 6 weeks and 4 months with a 4th-generation antigen/antibody test', () => {
    expect(text).toMatch(/6 weeks, 12 weeks,? and 6 months/);
    expect(text).toMatch(/6 weeks and 4 months[^.]*fourth-generation|fourth-generation[^.]*6 weeks and 4 months/);
  });
  it('never a 3-month end of follow-up', () => {
    expect(text).not.toMatch(/6 weeks and 3 months/);
  });
});
