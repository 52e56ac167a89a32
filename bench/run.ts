/**
 * `npm run bench`: builds its own data (MedQA repeated with new ids), measures the budgets in DESIGN.md, prints a
 * table and writes bench-results.json. Each figure is set beside a baseline doing the same work with plain
 * better-sqlite3 statements, where one applies. Budgets are reported, never asserted.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApi, type Api } from '../src/main/core/api';
import { openDatabase, type Db } from '../src/main/core/db/open';
import { seedHistory } from './history';
import { medqaFile } from './dataset';
import { measureRenderer } from './renderer';
import { benchContent } from './content';
import { benchExamDay } from './examDay';
import { clickDuringImport } from './clickDuringImport';
import { benchReview, seedReviewHistory } from './review';
import { benchDeleteBlock } from './deleteBlock';
import { benchSrs } from './srs';
import { benchOptimiser } from './optimizer';
import { benchAnkiImport } from './ankiImport';
import { benchDashboard } from './dashboard';

const ROOT = resolve(__dirname, '..');
const MEDQA = medqaFile();
const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const work = mkdtempSync(join(tmpdir(), 'vignette-bench-'));

interface Row {
  name: string;
  unit: string;
  median: number;
  p95: number;
  baseline: number | null;
  ratio: number | null;
  budget: number | null;
}
const rows: Row[] = [];

function stats(samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))]!;
  return { median: round(at(0.5)), p95: round(at(0.95)) };
}
const round = (n: number) => Math.round(n * 1000) / 1000;

function record(name: string, unit: string, samples: number[], budget: number | null, baselineSamples?: number[]): void {
  const { median, p95 } = stats(samples);
  const baseline = baselineSamples ? stats(baselineSamples).median : null;
  rows.push({ name, unit, median, p95, baseline, ratio: baseline ? round(median / baseline) : null, budget });
  console.log(`  ${name}: median ${median} ${unit}, p95 ${p95}${baseline !== null ? `, baseline ${baseline}` : ''}`);
}

async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** MedQA repeated with changed text-derived ids: `copies` × 1,273 lines. */
function syntheticMedqa(copies: number, tag: string): string {
  const lines = readFileSync(MEDQA, 'utf8').trim().split('\n');
  const out: string[] = [];
  for (let c = 0; c < copies; c++) {
    for (const line of lines) {
      const row = JSON.parse(line) as { question: string };
      row.question = `${row.question} (${tag}-${c})`;
      out.push(JSON.stringify(row));
    }
  }
  return out.join('\n');
}

function openApi(file: string): { db: Db; api: Api } {
  const db = openDatabase(file);
  return { db, api: createApi(db, { dbPath: file, samplesDir: join(ROOT, 'question-packs') }) };
}

/** The same rows written with plain prepared statements: the floor any import could reach. */
function rawImport(file: string, jsonl: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE q (id INTEGER PRIMARY KEY, source_id TEXT UNIQUE, exam TEXT, stem TEXT, answer INTEGER);
    CREATE TABLE c (question_id INTEGER, idx INTEGER, text TEXT, PRIMARY KEY (question_id, idx)) WITHOUT ROWID;
    CREATE VIRTUAL TABLE f USING fts5 (stem, choices);`);
  const iq = db.prepare('INSERT INTO q (source_id, exam, stem, answer) VALUES (?, ?, ?, ?)');
  const ic = db.prepare('INSERT INTO c VALUES (?, ?, ?)');
  const fi = db.prepare('INSERT INTO f (rowid, stem, choices) VALUES (?, ?, ?)');
  db.transaction(() => {
    let n = 0;
    for (const line of jsonl.split('\n')) {
      const r = JSON.parse(line) as { question: string; options: Record<string, string>; answer_idx: string; meta_info: string };
      const id = Number(iq.run(`q${n++}`, r.meta_info, r.question, r.answer_idx.charCodeAt(0) - 65).lastInsertRowid);
      const texts = Object.values(r.options);
      texts.forEach((t, i) => ic.run(id, i, t));
      fi.run(id, r.question, texts.join('\n'));
    }
  })();
  db.close();
}

async function benchImport(): Promise<void> {
  const jsonl = syntheticMedqa(8, 'imp').split('\n').slice(0, 10_000).join('\n');
  const file = join(work, 'medqa-10k.jsonl');
  writeFileSync(file, jsonl);
  const ours: number[] = [];
  const raw: number[] = [];
  let peak = 0;
  for (let run = 0; run < 3; run++) {
    // Each import runs in a fresh process: its time and peak memory are not coloured by the rest of the benchmark.
    const child = spawnSync(process.execPath, ['--import', TSX_LOADER, join(ROOT, 'bench', 'import-child.ts'), file, join(work, `import-${run}.db`)], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`import child failed: ${child.stderr}`);
    const result = JSON.parse(child.stdout) as { ms: number; peakMb: number };
    ours.push(result.ms);
    peak = Math.max(peak, result.peakMb);
    raw.push(await time(() => rawImport(join(work, `raw-${run}.db`), jsonl)));
  }
  record('import 10,000 MedQA questions', 'ms', ours, 2000, raw);
  rows.push({ name: 'import peak memory (RSS, whole process)', unit: 'MB', median: peak, p95: peak, baseline: null, ratio: null, budget: 300 });
  console.log(`  import peak memory: ${peak} MB`);
}

/** Issue 10: a MedMCQA-style CSV (question, opa…ope, answer_idx, multi-line explanation) through `--map`. */
async function benchCsvImport(): Promise<void> {
  const cell = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = syntheticMedqa(8, 'csv').split('\n').slice(0, 10_000);
  const csv = ['id,question,opa,opb,opc,opd,ope,answer_idx,explanation'];
  lines.forEach((line, i) => {
    const r = JSON.parse(line) as { question: string; options: Record<string, string>; answer_idx: string };
    csv.push([`q${i}`, cell(r.question), ...Object.values(r.options).map(cell), r.answer_idx, cell('Why the key is right.\nWhy the others are not.')].join(','));
  });
  const file = join(work, 'step2-10k.csv');
  writeFileSync(file, csv.join('\n'));
  const map = { stem: 'question', choices: 'opa,opb,opc,opd,ope', answer: 'answer_idx', explanation: 'explanation' };
  const samples: number[] = [];
  for (let run = 0; run < 3; run++) {
    const { db, api } = openApi(join(work, `csv-${run}.db`));
    samples.push(await time(() => api.call('packs:import', { paths: [file], map })));
    db.close();
  }
  record('import 10,000 CSV questions with --map', 'ms', samples, 2000);
}

async function buildBigBank(): Promise<{ db: Db; api: Api; file: string }> {
  const file = join(work, 'bank-50k.db');
  const { db, api } = openApi(file);
  const t0 = performance.now();
  console.log('building a 50,000-question bank with 500,000 answers and 200,000 cards…');
  for (let part = 0; part < 5; part++) {
    const path = join(work, `bank-part-${part}.jsonl`);
    writeFileSync(path, syntheticMedqa(8, `bank${part}`).split('\n').slice(0, 10_000).join('\n'));
    await api.call('packs:import', { paths: [path] });
  }
  await api.call('packs:loadSamples', {});
  const history = seedHistory(db, { answers: 500_000, cards: 200_000, now: Date.now() });
  console.log(`bank: ${db.prepare('SELECT count(*) FROM questions').pluck().get()} questions, ${history.answers} answers in ${history.blocks} blocks, ${history.cards} cards (built in ${Math.round((performance.now() - t0) / 1000)} s)`);
  return { db, api, file };
}

async function benchBank(db: Db, api: Api): Promise<void> {
  const packs = await api.call('packs:list', {});
  const filters = { packIds: packs.slice(0, 3).map((p) => p.id), exams: ['step1' as const], statuses: ['unused' as const, 'incorrect' as const] };
  const blockIds: number[] = [];
  const create: number[] = [];
  for (let i = 0; i < 30; i++) {
    create.push(await time(async () => blockIds.push((await api.call('blocks:create', { filters, size: 40, mode: 'timed', secondsPerQuestion: 90, order: 'random' })).id)));
  }
  const baseCreate: number[] = [];
  const poolSql = db.prepare(
    `SELECT q.id FROM questions q LEFT JOIN question_stats qs ON qs.question_id = q.id WHERE q.retired = 0 AND q.pack_id IN (?, ?, ?) AND q.exam = 'step1'
     AND (qs.question_id IS NULL OR qs.attempts = 0 OR qs.last_outcome = 'incorrect') ORDER BY random() LIMIT 40`,
  );
  for (let i = 0; i < 30; i++) baseCreate.push(await time(() => poolSql.pluck().all(...filters.packIds)));
  record('build a 40-question block with filters', 'ms', create, 20, baseCreate);

  const blockId = blockIds[0]!;
  const save: number[] = [];
  const mark: number[] = [];
  for (let i = 0; i < 200; i++) {
    save.push(await time(() => api.call('blocks:select', { blockId, position: i % 40, choice: i % 5 })));
    mark.push(await time(() => api.call('blocks:mark', { blockId, position: i % 40, marked: i % 2 === 0 })));
  }
  const rawSave = db.prepare('UPDATE block_items SET selected = ? WHERE block_id = ? AND position = ?');
  const baseSave: number[] = [];
  for (let i = 0; i < 200; i++) baseSave.push(await time(() => rawSave.run(i % 5, blockId, i % 40)));
  record('save an answer (incl. returning block state)', 'ms', save, 2, baseSave);
  record('mark an item', 'ms', mark, 2, baseSave);

  const count: number[] = [];
  for (let i = 0; i < 24; i++) count.push(await time(() => api.call('blocks:count', { filters })));
  const rawCountSql = db.prepare(
    `SELECT count(*) FROM questions q LEFT JOIN question_stats qs ON qs.question_id = q.id WHERE q.retired = 0 AND q.pack_id IN (?, ?, ?) AND q.exam = 'step1'
     AND (qs.question_id IS NULL OR qs.attempts = 0 OR qs.last_outcome = 'incorrect')`,
  );
  const baseCount: number[] = [];
  for (let i = 0; i < 24; i++) baseCount.push(await time(() => rawCountSql.pluck().get(...filters.packIds)));
  record('filtered count (questions available)', 'ms', count, 30, baseCount);

  const queries = ['chest pain', 'myocardial infarction', 'pregnant woman', 'antibiotic', 'renal failure', 'fever cough', 'diabetes', 'headache'];
  const search: number[] = [];
  const facets: number[] = [];
  for (let i = 0; i < 24; i++) {
    const query = queries[i % queries.length]!;
    search.push(await time(() => api.call('questions:search', { query, filters: { exams: ['step1'] }, pageSize: 25 })));
    facets.push(await time(() => api.call('questions:facets', { query: '', filters: { exams: ['step1'] } })));
  }
  const rawFts = db.prepare("SELECT f.rowid FROM questions_fts f WHERE questions_fts MATCH ? ORDER BY rank LIMIT 25");
  const rawCount = db.prepare('SELECT count(*) FROM questions_fts WHERE questions_fts MATCH ?');
  const baseSearch: number[] = [];
  for (let i = 0; i < 24; i++) {
    const q = queries[i % queries.length]!.split(' ').map((w) => `"${w}"`).join(' ');
    baseSearch.push(await time(() => (rawFts.all(q), rawCount.pluck().get(q))));
  }
  record('full-text search (page of 25 + total)', 'ms', search, 30, baseSearch);
  const rawGroup = db.prepare("SELECT system, count(*) FROM questions WHERE retired = 0 AND exam = 'step1' GROUP BY system");
  const baseFacets: number[] = [];
  for (let i = 0; i < 24; i++) baseFacets.push(await time(() => rawGroup.all()));
  record('facet counts, 5 dimensions (library/builder chips)', 'ms', facets, 30, baseFacets);
}

async function main(): Promise<void> {
  console.log(`Vignette benchmark — working in ${work}`);
  await benchImport();
  await benchContent(work, join(ROOT, 'question-packs'), record);
  await benchCsvImport();
  const click = await clickDuringImport(ROOT, work, syntheticMedqa(8, 'click').split('\n').slice(0, 10_000).join('\n'));
  record('click during a 10,000-question import (p95 budget)', 'ms', click.during, 50, click.idle);
  console.log(`  (${click.during.length} clicks while the import ran ${Math.round(click.importMs)} ms)`);
  const bank = await buildBigBank();
  await benchBank(bank.db, bank.api);
  await benchExamDay(bank.api, record, time);
  seedReviewHistory(bank.db, 5_000);
  await benchReview(bank.db, bank.api, record, time);
  await benchDeleteBlock(bank.db, bank.api, record, time);
  await benchSrs(bank.db, bank.api, record, time);
  await benchOptimiser(record);
  await benchAnkiImport(record);
  await benchDashboard(bank.db, bank.api, record);
  const renderer = await measureRenderer(bank.api, bank.db, join(ROOT, 'out', 'renderer'));
  if (renderer.samples.length) record('renderer: click Next → next item painted', 'ms', renderer.samples, 50);
  else console.log(`renderer row skipped: ${renderer.skipped}`);
  bank.db.close();

  const pad = (s: string, n: number) => s.padEnd(n);
  console.log('\n' + pad('operation', 48) + pad('median', 10) + pad('p95', 10) + pad('baseline', 10) + pad('ratio', 8) + 'budget');
  for (const r of rows) {
    const ok = r.budget === null ? '' : r.median <= r.budget ? ' ok' : ' OVER';
    console.log(
      pad(r.name, 48) + pad(`${r.median} ${r.unit}`, 10) + pad(`${r.p95}`, 10) + pad(r.baseline === null ? '—' : `${r.baseline}`, 10) + pad(r.ratio === null ? '—' : `${r.ratio}×`, 8) + (r.budget === null ? '—' : `${r.budget}${ok}`),
    );
  }
  writeFileSync(join(ROOT, 'bench-results.json'), JSON.stringify(rows, null, 2));
  console.log('\nWrote bench-results.json');
  if (existsSync(work)) rmSync(work, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
