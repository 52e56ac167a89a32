/**
 * Imports without explanations or systems (issue 14, item 3), on real SQLite files with the real MedQA file: the report
 * counts what is missing, the dashboard's "Not tagged" row says where those questions came from, and an opt-in step
 * infers systems from the questions' own words — precisely (a hand-checked sample), leaving ambiguous stems untagged,
 * stored and shown as inferred.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/shared/types';
import { MEDQA, REPO, openTestApi, type TestApi } from '../helpers/db';

const BIN = join(REPO, 'bin/vignette.mjs');
let t: TestApi;
beforeEach(() => {
  t = openTestApi();
});
afterEach(() => t.close());

/** MedQA rows by their 1-based line, with the id the importer gives them (a hash of the question text). */
const MEDQA_ROWS = readFileSync(MEDQA, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { question: string });
const idOfLine = (line: number) => `mq-${createHash('sha1').update(MEDQA_ROWS[line - 1]!.question).digest('hex').slice(0, 16)}`;

async function importMedqa(): Promise<ImportReport> {
  return t.api.call('packs:import', { paths: [MEDQA] });
}
const packId = () => t.db.prepare("SELECT id FROM packs WHERE source_format = 'medqa'").pluck().get() as number;

/**
 * Checked by hand against each question (stem, options and key), by line of the MedQA file: the system a USMLE outline
 * would give it. Lines chosen across systems, with two-term and many-term matches.
 */
const HAND_CHECKED: [number, string][] = [
  [8, 'Cardiovascular'], // acute coronary syndrome: add clopidogrel to aspirin
  [34, 'Gastrointestinal'], // Ménétrier disease
  [45, 'Female Reproductive & Breast'], // adenomyosis: globular enlarged uterus
  [106, 'Behavioral Health'], // borderline personality disorder
  [119, 'Respiratory'], // COPD on pulmonary function tests
  [164, 'Nervous System & Special Senses'], // cryptococcal meningitis in HIV
  [180, 'Male Reproductive'], // epididymitis from Chlamydia
  [232, 'Musculoskeletal'], // prosthetic-joint septic arthritis
  [271, 'Nervous System & Special Senses'], // multiple sclerosis: oligoclonal bands
  [332, 'Blood & Lymphoreticular'], // sickle cell disease
  [416, 'Biostatistics & Epidemiology'], // sensitivity and statistical power
  [418, 'Endocrine'], // hypocalcaemia after thyroidectomy
  [534, 'Renal & Urinary'], // membranoproliferative glomerulonephritis
  [586, 'Cardiovascular'], // cardiac tamponade
  [628, 'Pregnancy, Childbirth & Puerperium'], // postpartum haemorrhage, uterine inversion
  [1068, 'Pregnancy, Childbirth & Puerperium'], // fourth-degree perineal laceration
  [1155, 'Musculoskeletal'], // osteopenia: DEXA T-score
  [1213, 'Renal & Urinary'], // preventing calcium stones
  [1269, 'Endocrine'], // hypothyroidism: TSH
  [1273, 'Respiratory'], // COPD: FEV1/FVC
];

/**
 * Stems whose words name conditions the question is not about — history, poisoning, ethics, a statistic about vital
 * signs — must stay untagged rather than be tagged wrongly.
 */
const AMBIGUOUS: [number, string][] = [
  [75, 'tinea versicolor in a patient whose history lists diabetes'],
  [243, 'Turner syndrome in a child whose history lists asthma'],
  [308, 'consent for a patient with a subarachnoid haemorrhage (ethics)'],
  [400, 'dinitrophenol poisoning with cataracts and nystagmus'],
  [420, 'warfarin skin necrosis in a patient with atrial fibrillation'],
  [436, 'organophosphate poisoning with wheezes'],
  [878, 'the mode of a list of respiratory rates (statistics)'],
  [886, 'triptan and ergot stroke in a patient admitted before for panic attacks'],
  [935, 'hospice eligibility of a patient with liver disease'],
  [1205, 'what to say after a stillbirth (communication)'],
];

describe('the import report says what is missing', () => {
  it('counts MedQA questions without an explanation and without a system, in the report and on the command line', async () => {
    const report = await importMedqa();
    expect(report.packs.map((p) => [p.total, p.withoutExplanation, p.withoutSystem])).toEqual([[1273, 1273, 1273]]);
    const run = spawnSync(process.execPath, [BIN, 'import', MEDQA, '--db', join(t.dir, 'cli.db'), '--dry-run'], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('1273 of 1273 questions have no explanation; 1273 have no system');
  });

  it('counts nothing missing for a pack that has both', async () => {
    const report = await t.api.call('packs:loadSamples', {});
    for (const p of report.packs) expect([p.withoutExplanation, p.withoutSystem]).toEqual([0, 0]);
  });
});

describe('systems inferred from the questions’ own words (opt-in)', () => {
  it('a preview tags the hand-checked sample correctly, leaves ambiguous stems untagged and writes nothing', async () => {
    await importMedqa();
    const preview = await t.api.call('packs:inferSystems', { packId: packId(), action: 'preview' });
    expect(preview.considered).toBe(1273);
    expect(t.db.prepare('SELECT count(*) FROM questions WHERE system IS NOT NULL').pluck().get()).toBe(0);
    const bySource = new Map(preview.questions.map((q) => [q.sourceId, q.system]));
    for (const [line, system] of HAND_CHECKED) expect([line, bySource.get(idOfLine(line))]).toEqual([line, system]);
    for (const [line, why] of AMBIGUOUS) expect([line, why, bySource.get(idOfLine(line))]).toEqual([line, why, undefined]);
    // Precision over recall: only the clear cases (about one in thirteen of MedQA) are tagged.
    expect(preview.tagged).toBe(preview.questions.length);
    expect(preview.tagged).toBeGreaterThan(60);
    expect(preview.tagged).toBeLessThan(200);
    expect(preview.bySystem.reduce((n, s) => n + s.count, 0)).toBe(preview.tagged);
  });

  it('applying stores the systems as inferred, shown so, kept by a re-import, and removable', async () => {
    await importMedqa();
    const applied = await t.api.call('packs:inferSystems', { packId: packId(), action: 'apply' });
    const stored = t.db.prepare('SELECT count(*) FROM questions WHERE system IS NOT NULL AND system_inferred = 1').pluck().get();
    expect(stored).toBe(applied.tagged);
    const id = t.db.prepare('SELECT id FROM questions WHERE source_id = ?').pluck().get(idOfLine(8)) as number;
    const view = await t.api.call('questions:get', { id });
    expect([view.system, view.systemInferred]).toEqual(['Cardiovascular', true]);
    const list = await t.api.call('questions:search', { query: '', filters: { systems: ['Cardiovascular'] } });
    expect(list.items.every((q) => q.systemInferred)).toBe(true);

    const again = await importMedqa();
    expect(again.packs.map((p) => [p.unchanged, p.withoutSystem])).toEqual([[1273, 1273 - applied.tagged]]);
    expect(t.db.prepare('SELECT count(*) FROM questions WHERE system_inferred = 1').pluck().get()).toBe(applied.tagged);

    const removed = await t.api.call('packs:inferSystems', { packId: packId(), action: 'remove' });
    expect(removed.removed).toBe(applied.tagged);
    expect(t.db.prepare('SELECT count(*) FROM questions WHERE system IS NOT NULL OR system_inferred = 1').pluck().get()).toBe(0);
  });
});

describe('the dashboard says why questions are not tagged', () => {
  async function answerAll(ids: number[]): Promise<void> {
    const block = await t.api.call('blocks:create', { filters: { questionIds: ids }, size: ids.length, mode: 'timed', secondsPerQuestion: 90, order: 'random' });
    for (const item of block.items) {
      t.clock.advance(30_000);
      await t.api.call('blocks:select', { blockId: block.id, position: item.position, choice: 0 });
    }
    await t.api.call('blocks:end', { blockId: block.id });
  }

  it('names the pack imported without a system, and marks rows whose questions were tagged by inference', async () => {
    await importMedqa();
    const ids = [8, 34, 119, 75, 243].map((line) => t.db.prepare('SELECT id FROM questions WHERE source_id = ?').pluck().get(idOfLine(line)) as number);
    await answerAll(ids);
    const before = await t.api.call('stats:dashboard', {});
    const untagged = before.performance.system.find((r) => r.key === '');
    expect(untagged).toMatchObject({ n: 5, label: 'Not tagged', note: 'imported without a system: MedQA · medqa us test 5options (5 answered)' });

    await t.api.call('packs:inferSystems', { packId: packId(), action: 'apply' });
    const after = await t.api.call('stats:dashboard', {});
    const rows = Object.fromEntries(after.performance.system.map((r) => [r.key, r]));
    expect(rows['']).toMatchObject({ n: 2, note: 'imported without a system: MedQA · medqa us test 5options (2 answered)' });
    expect(rows.Cardiovascular).toMatchObject({ n: 1, note: 'system inferred from the words of 1 answered question' });
    expect(rows.Gastrointestinal).toMatchObject({ n: 1 });
    expect(rows.Respiratory).toMatchObject({ n: 1 });
    // The rollup still adds up to every answer.
    expect(after.performance.system.reduce((n, r) => n + r.n, 0)).toBe(5);
  });
});
