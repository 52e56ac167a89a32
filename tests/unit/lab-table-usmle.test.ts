/**
 * The lab panel is the USMLE laboratory values table (issue 10 part 2), and no sample question contradicts it.
 *
 * USMLE below is written out independently of src/shared/labValueTable.ts (from the USMLE table as listed in
 * ../shared/CONTENT-REVIEW.md), so a typo in the table fails here rather than being copied into the expectation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAB_VALUES, type LabValue } from '../../src/shared/labValues';
import { REPO } from '../helpers/db';

/** [section, name, qualifier or '', conventional range exactly as the panel must show it]. */
const USMLE: [LabValue['section'], string, string, string][] = [
  ['Serum', 'Sodium (Na+)', '', '136–146 mEq/L'],
  ['Serum', 'Potassium (K+)', '', '3.5–5.0 mEq/L'],
  ['Serum', 'Chloride (Cl-)', '', '95–105 mEq/L'],
  ['Serum', 'Urea nitrogen (BUN)', '', '7–18 mg/dL'],
  ['Serum', 'Creatinine', '', '0.6–1.2 mg/dL'],
  ['Serum', 'Magnesium (Mg2+)', '', '1.5–2.0 mg/dL'],
  ['Serum', 'Phosphorus, inorganic', '', '3.0–4.5 mg/dL'],
  ['Serum', 'Calcium, total (Ca2+)', '', '8.4–10.2 mg/dL'],
  ['Serum', 'Aspartate aminotransferase (AST)', '', '12–38 U/L'],
  ['Serum', 'Alanine aminotransferase (ALT)', '', '10–40 U/L'],
  ['Serum', 'Alkaline phosphatase (ALP)', '', '25–100 U/L'],
  ['Serum', 'Bilirubin, total', '', '0.1–1.0 mg/dL'],
  ['Serum', 'Protein, total', '', '6.0–7.8 g/dL'],
  ['Serum', 'Globulin', '', '2.3–3.5 g/dL'],
  ['Serum', 'Lipase', '', '13–60 U/L'],
  ['Serum', 'Creatine kinase (CK)', 'Male', '25–90 U/L'],
  ['Serum', 'Creatine kinase (CK)', 'Female', '10–70 U/L'],
  ['Serum', 'Lactate dehydrogenase (LDH)', '', '45–200 U/L'],
  ['Serum', 'Iron', 'Male', '65–175 µg/dL'],
  ['Serum', 'Iron', 'Female', '50–170 µg/dL'],
  ['Serum', 'Transferrin', '', '200–360 mg/dL'],
  ['Serum', 'Ferritin', 'Male', '20–250 ng/mL'],
  ['Serum', 'Ferritin', 'Female', '10–120 ng/mL'],
  ['Serum', 'Uric acid', '', '3.0–8.2 mg/dL'],
  ['Serum', 'Cortisol', '8 AM', '5–23 µg/dL'],
  ['Serum', 'Cortisol', '4 PM', '3–15 µg/dL'],
  ['Serum', 'Thyroid-stimulating hormone (TSH)', '', '0.4–4.0 µU/mL'],
  ['Serum', 'Thyroxine, free (free T4)', '', '0.9–1.7 ng/dL'],
  ['Serum', 'Thyroxine, total (T4)', '', '5–12 µg/dL'],
  ['Serum', 'Triiodothyronine, total (T3)', '', '100–200 ng/dL'],
  ['Serum', 'T3 resin uptake', '', '25–35%'],
  ['Serum', 'Parathyroid hormone (PTH), intact', '', '10–60 pg/mL'],
  ['Serum', 'Immunoglobulin A (IgA)', '', '76–390 mg/dL'],
  ['Serum', 'Immunoglobulin E (IgE)', '', '0–380 IU/mL'],
  ['Serum', 'Immunoglobulin G (IgG)', '', '650–1,500 mg/dL'],
  ['Serum', 'Immunoglobulin M (IgM)', '', '50–300 mg/dL'],
  ['Hematologic', 'Hemoglobin (Hb)', 'Female', '12.0–16.0 g/dL'],
  ['Hematologic', 'Mean corpuscular hemoglobin (MCH)', '', '25–35 pg/cell'],
  ['Hematologic', 'Prothrombin time (PT)', '', '11–15 s'],
  ['Hematologic', 'Activated partial thromboplastin time (aPTT)', '', '25–40 s'],
  ['Hematologic', 'Neutrophils, segmented', 'WBC differential', '54–62%'],
  ['Hematologic', 'Lymphocytes', 'WBC differential', '25–33%'],
  ['Cerebrospinal fluid', 'Chloride (Cl-)', '', '118–132 mEq/L'],
  ['Cerebrospinal fluid', 'Protein', '', '<40 mg/dL'],
  ['Blood gases', 'Partial pressure of CO2 (PaCO2)', 'Arterial, room air', '33–45 mm Hg'],
  ['Blood gases', 'Partial pressure of O2 (PaO2)', 'Arterial, room air', '75–105 mm Hg'],
];

const rowOf = (section: string, name: string, qualifier: string) =>
  LAB_VALUES.filter((r) => r.section === section && r.name === name && (r.qualifier ?? '') === qualifier);

describe('the lab panel is the USMLE table', () => {
  it.each(USMLE)('%s · %s %s = %s', (section, name, qualifier, conventional) => {
    const rows = rowOf(section, name, qualifier);
    expect(rows, `${section} · ${name} · ${qualifier}`).toHaveLength(1);
    expect(rows[0]!.conventional).toBe(conventional);
    expect(rows[0]!.source, 'a USMLE row must not be labelled clinical').toBeUndefined();
  });

  it('labels the rows that are clinical standards rather than USMLE values', () => {
    const clinical = LAB_VALUES.filter((r) => r.source === 'clinical').map((r) => r.name);
    for (const name of ['Lactate (lactic acid)', 'B-type natriuretic peptide (BNP)']) expect(clinical).toContain(name);
  });
});

/**
 * Rows the USMLE table prints differently from common clinical cut-offs (issue 14): the panel shows the USMLE value,
 * both columns as printed, and a separate, labelled clinical note with the current clinical standard.
 * [section, name, qualifier or '', conventional, SI, a phrase the clinical note must contain].
 */
const USMLE_NOT_CLINICAL: [LabValue['section'], string, string, string, string, RegExp][] = [
  ['Serum', 'Hemoglobin A1c (HbA1c)', '', '≤6%', '≤42 mmol/mol', /ADA.*<5\.7%.*≥6\.5%/],
  ['Serum', 'LDL cholesterol', '', '<160 mg/dL', '<4.2 mmol/L', /<100 mg\/dL/],
  ['Serum', 'HDL cholesterol', '', '40–60 mg/dL', '1.0–1.6 mmol/L', /<40 mg\/dL.*men.*<50 mg\/dL.*women/],
  ['Serum', 'Cholesterol, total', 'High', '>240 mg/dL', '>6.2 mmol/L', /200–239/],
  ['Serum', 'Triglycerides', 'Borderline', '151–199 mg/dL', '1.71–2.25 mmol/L', /150–199/],
  ['Sweat and other', 'Body mass index (BMI)', 'Adult', '19–25 kg/m²', '19–25 kg/m²', /18\.5–24\.9/],
  ['Sweat and other', 'Sweat chloride', '', '0–35 mmol/L', '0–35 mmol/L', /≥60 mmol\/L/],
  ['Hematologic', 'D-dimer', '', '≤250 ng/mL', '≤1.4 nmol/L', /500 ng\/mL FEU/],
  ['Serum', 'Magnesium (Mg2+)', '', '1.5–2.0 mg/dL', '0.75–1.0 mmol/L', /0\.62–0\.82 mmol\/L/],
  ['Serum', 'Urea nitrogen (BUN)', '', '7–18 mg/dL', '1.2–3.0 mmol/L', /2\.5–6\.4 mmol\/L/],
];

describe('USMLE values where clinical cut-offs differ, each with a labelled clinical note', () => {
  it.each(USMLE_NOT_CLINICAL)('%s · %s %s = %s (%s)', (section, name, qualifier, conventional, si, note) => {
    const rows = rowOf(section, name, qualifier);
    expect(rows, `${section} · ${name} · ${qualifier}`).toHaveLength(1);
    const row = rows[0]!;
    expect([row.conventional, row.si]).toEqual([conventional, si]);
    expect(row.source, 'a USMLE row must not be labelled clinical').toBeUndefined();
    expect(row.clinicalNote).toMatch(note);
  });

  it('no clinical-standard row stands beside a USMLE row of the same test (the clinical value lives in the note)', () => {
    const usmleNames = new Set(USMLE_NOT_CLINICAL.map(([, name]) => name));
    const shadows = LAB_VALUES.filter((r) => r.source === 'clinical' && usmleNames.has(r.name)).map((r) => `${r.name} · ${r.qualifier ?? ''}`);
    expect(shadows).toEqual([]);
  });
});

// ── No sample question contradicts the panel ───────────────────────────────────────────────────────────────────

interface StatedRange {
  questionId: string;
  analyte: string;
  range: string;
  /** 'Urine' or 'Cerebrospinal fluid' when the line sits under such a heading, else blood. */
  fluid: 'blood' | 'Urine' | 'Cerebrospinal fluid';
  sex: 'Male' | 'Female' | null;
}

/** Analytes whose stated range is deliberately outside the panel (not an adult blood test the USMLE table lists). */
const OUTSIDE_PANEL = [/^cd19\+ b cells/];

/** Every "(normal …)", "(N = …)" or "(reference …)" in a stem, plus rows of a Markdown table with a reference column. */
export function statedRanges(questionId: string, stem: string): StatedRange[] {
  const sex = /\b(man|boy|male)\b/i.test(stem.slice(0, 120)) ? 'Male' : /\b(woman|girl|female)\b/i.test(stem.slice(0, 120)) ? 'Female' : null;
  const found: StatedRange[] = [];
  let fluid: StatedRange['fluid'] = 'blood';
  let referenceColumn = -1;
  for (const line of stem.split('\n')) {
    if (/^\*\*.*\*\*$/.test(line.trim())) fluid = /urine/i.test(line) ? 'Urine' : /csf|cerebrospinal/i.test(line) ? 'Cerebrospinal fluid' : 'blood';
    if (line.startsWith('|')) {
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      const header = cells.findIndex((c) => /reference/i.test(c));
      if (header >= 0) {
        referenceColumn = header;
        fluid = 'blood';
      }
      else if (referenceColumn >= 0 && /\d/.test(cells[referenceColumn] ?? '')) found.push({ questionId, analyte: cells[0]!, range: cells[referenceColumn]!, fluid, sex });
      continue;
    }
    for (const m of line.matchAll(/\((normal|N\s*=|reference range|reference)\s*([^)]*\d[^)]*)\)/gi)) {
      if (/for age|age-appropriate/i.test(m[2]!)) continue; // a child's range: the USMLE table is for adults
      const before = line.slice(0, m.index).split(/[.;]\s|—/).pop()!;
      const analyte = before
        .replace(/^[-*\s]+/, '')
        .replace(/\s[<>≤≥]?\s?[\d,.]+.*$/, '')
        .replace(/\b(serum|plasma|concentration|level|is|are)\b/gi, '')
        .replace(/[:=]/g, '')
        .trim();
      found.push({ questionId, analyte, range: m[2]!.trim(), fluid: /urine/i.test(before) ? 'Urine' : fluid, sex });
    }
  }
  return found;
}

const numbersIn = (text: string) => [...text.replace(/(\d),(\d{3})/g, '$1$2').matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

/** The panel rows a stated range could mean: same fluid, same sex (or unsexed), name or alias matching the analyte. */
function panelRowsFor(s: StatedRange): LabValue[] {
  const want = s.analyte
    .toLowerCase()
    .replace(/[₀-₉]/g, (d) => String(d.charCodeAt(0) - 0x2080))
    .replace(/[*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const sections = s.fluid === 'blood' ? ['Serum', 'Hematologic', 'Blood gases'] : [s.fluid];
  return LAB_VALUES.filter((r) => {
    if (!sections.includes(r.section)) return false;
    if (s.sex && r.qualifier && /\b(male|female)\b/i.test(r.qualifier) && !new RegExp(`^${s.sex}\\b`, 'i').test(r.qualifier)) return false;
    const base = r.name.toLowerCase();
    const short = base.replace(/\s*\(.*\)/, '').replace(/,.*$/, '');
    const abbreviations = [...base.matchAll(/\(([^)]+)\)/g)].map((m) => m[1]!.toLowerCase());
    const names = [base, short, ...abbreviations, ...(r.aliases ?? []).map((a) => a.toLowerCase())];
    return names.some((n) => want === n || want.includes(short) || want.split(/[\s()]+/).includes(n) || (n.includes(' ') && want.includes(n)));
  });
}

/** A stated range agrees with a row when every number it states appears in the row's conventional range. */
function contradiction(s: StatedRange): string | null {
  if (OUTSIDE_PANEL.some((re) => re.test(s.analyte.toLowerCase()))) return null;
  const rows = panelRowsFor(s);
  if (rows.length === 0) return `${s.questionId}: '${s.analyte}' states a range (${s.range}) for a test the lab panel does not list`;
  const stated = numbersIn(s.range);
  const agrees = rows.some((r) => stated.every((n) => numbersIn(r.conventional).includes(n)));
  return agrees ? null : `${s.questionId}: '${s.analyte}' (${s.range}) contradicts the panel (${rows.map((r) => r.conventional).join(' | ')})`;
}

interface PackQuestion {
  id: string;
  stem: string;
}
const PACKS = join(REPO, 'question-packs');
const sampleQuestions: PackQuestion[] = readdirSync(PACKS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .flatMap((e) => (JSON.parse(readFileSync(join(PACKS, e.name, 'pack.json'), 'utf8')) as { questions: PackQuestion[] }).questions);

describe('no sample question states a range that contradicts the panel', () => {
  it('the checker finds ranges in lists, sentences and tables, and flags a wrong one', () => {
    const stem = [
      'A 40-year-old woman has fatigue. Serum lactate concentration is 45 mg/dL (normal 4.5–19.8).',
      '**Serum**',
      '- Sodium 130 mEq/L (normal 135–145)',
      '- Ferritin 400 ng/mL (normal 10–120)',
      '**24-hour urine**',
      '- Calcium 340 mg (normal < 250)',
      '| Test | Result | Reference range |',
      '|---|---|---|',
      '| TSH | 1.4 μU/mL | 0.4–4.0 μU/mL |',
    ].join('\n');
    const ranges = statedRanges('probe', stem);
    expect(ranges.map((r) => [r.analyte, r.fluid])).toEqual([
      ['lactate', 'blood'],
      ['Sodium', 'blood'],
      ['Ferritin', 'blood'],
      ['Calcium', 'Urine'],
      ['TSH', 'blood'],
    ]);
    expect(ranges.map(contradiction)).toEqual([null, expect.stringContaining("'Sodium' (135–145) contradicts"), null, expect.stringContaining("'Calcium' (< 250)"), null]);
    // Sex matters: 10–120 is the female ferritin range, so a man's stem stating it contradicts the panel.
    expect(contradiction({ ...ranges[2]!, sex: 'Male' })).toMatch(/contradicts/);
  });

  it('holds for every stated range in question-packs/*', () => {
    const ranges = sampleQuestions.flatMap((q) => statedRanges(q.id, q.stem));
    expect(ranges.length).toBeGreaterThanOrEqual(10);
    expect(ranges.map(contradiction).filter((c) => c !== null)).toEqual([]);
  });
});
