/**
 * Public question files that were refused (issue 14, "Real files that fail"), end to end through `packs:import` and
 * the CLI on real SQLite files: a Medbullets-style CSV (no id column, multi-line quoted cells, a repeated row, two
 * short stems shared by different questions) and MedXpertQA-shaped JSON Lines (ten options as a Python-dict string).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/shared/result';
import type { ImportReport } from '../../src/shared/types';
import { FIXTURES, REPO, openTestApi, type TestApi } from '../helpers/db';

const GAPS = join(FIXTURES, 'import-gaps');
const BIN = join(REPO, 'bin/vignette.mjs');
const MEDBULLETS = join(GAPS, 'medbullets-style.csv');
const MEDBULLETS_MAP = { stem: 'question', choices: 'opa,opb,opc,opd,ope', answer: 'answer_idx', explanation: 'explanation' };

let t: TestApi;
beforeEach(() => {
  t = openTestApi();
});
afterEach(() => t.close());

type ImportInput = { paths: string[]; map?: Record<string, string>; skipInvalid?: boolean };

async function importOk(input: ImportInput): Promise<ImportReport> {
  const result = await t.api.invoke('packs:import', input);
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.error, null, 2)}`);
  return result.value;
}

async function importFails(input: ImportInput): Promise<Problem[]> {
  const result = await t.api.invoke('packs:import', input);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(t.db.prepare('SELECT count(*) FROM questions').pluck().get()).toBe(0);
  return result.error.details ?? [];
}

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000, env: { ...process.env, VIGNETTE_DB: undefined } });
}

const mapArgs = (map: Record<string, string>) => Object.entries(map).flatMap(([k, v]) => ['--map', `${k}=${v}`]);

/** A small CSV in the test's folder, for answer forms the fixture does not need. */
function csvFile(name: string, rows: string[]): string {
  const path = join(t.dir, name);
  writeFileSync(path, ['question,opa,opb,opc,opd,answer_idx', ...rows].join('\n'));
  return path;
}

describe('A Medbullets-style CSV without an id column', () => {
  it('imports through the CLI: distinct ids for rows sharing a stem, the repeated row named as a duplicate of its line', () => {
    const dbPath = join(t.dir, 'cli.db');
    const run = cli(['import', MEDBULLETS, '--db', dbPath, '--json', ...mapArgs(MEDBULLETS_MAP)]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as ImportReport;
    // 34 rows: one is an exact copy of the row at line 18, imported once.
    expect(report.packs.map((p) => [p.format, p.added, p.total])).toEqual([['csv', 33, 33]]);
    expect(report.warnings).toEqual([{ file: 'medbullets-style.csv', line: 44, message: 'duplicate of line 18 (the same question, choices and answer); imported once' }]);
    // Re-importing the same file is a no-op.
    const again = JSON.parse(cli(['import', MEDBULLETS, '--db', dbPath, '--json', ...mapArgs(MEDBULLETS_MAP)]).stdout) as ImportReport;
    expect(again.packs.map((p) => [p.added, p.updated, p.unchanged, p.retired])).toEqual([[0, 0, 33, 0]]);
  });

  it('keeps multi-line cells, commas and doubled quotes, and the two questions that share a short stem apart', async () => {
    await importOk({ paths: [MEDBULLETS], map: MEDBULLETS_MAP });
    const shared = t.db
      .prepare("SELECT source_id, answer_index FROM questions WHERE stem_html LIKE '%mechanism of action of the drug most likely prescribed%' ORDER BY id")
      .all() as { source_id: string; answer_index: number }[];
    expect(shared).toHaveLength(2);
    expect(new Set(shared.map((r) => r.source_id)).size).toBe(2);
    const choices = t.db
      .prepare("SELECT c.text_html FROM choices c JOIN questions q ON q.id = c.question_id WHERE q.source_id = ? AND c.idx = 0")
      .pluck();
    expect(shared.map((r) => choices.get(r.source_id))).toEqual(['Inhibits HMG-CoA reductase', 'Inhibits thyroid peroxidase']);
    const first = t.db.prepare('SELECT stem_html, explanation_html FROM questions ORDER BY id LIMIT 1').get() as { stem_html: string; explanation_html: string };
    expect(first.stem_html).toContain('ST elevation in leads II, III and aVF.');
    expect(first.stem_html).toContain('<p>Which of the following is the most appropriate next step?</p>');
    expect(first.explanation_html).toContain('</p>\n<p>A stress test');
    const graves = t.db.prepare("SELECT explanation_html FROM questions WHERE stem_html LIKE '%diffuse, non-tender goiter%'").pluck().get() as string;
    expect(graves).toContain('&quot;hyperthyroid&quot; symptoms');
  });

  it('the first of two rows sharing a stem keeps the id it had before (stem hash), so an earlier import still matches', async () => {
    await importOk({ paths: [MEDBULLETS], map: MEDBULLETS_MAP });
    const ids = t.db.prepare("SELECT source_id FROM questions WHERE stem_html LIKE '%mechanism of action%' ORDER BY id").pluck().all() as string[];
    expect(ids[0]).toMatch(/^csv-[0-9a-f]{16}$/);
    expect(ids[1]).toMatch(new RegExp(`^${ids[0]}-[0-9a-f]{8}$`));
  });

  it('a row repeating an earlier question and choices with a different answer is refused, naming both lines', async () => {
    const path = csvFile('conflict.csv', ['"Which vitamin deficiency causes scurvy?",A,B12,C,D,C', '"Which vitamin deficiency causes scurvy?",A,B12,C,D,D']);
    const problems = await importFails({ paths: [path] , map: { choices: 'opa,opb,opc,opd', answer: 'answer_idx' } });
    expect(problems).toEqual([
      { file: 'conflict.csv', line: 3, field: 'answer_idx', message: 'repeats the question and choices of line 2 with a different answer (D here, C there); keep the right one' },
    ]);
  });

  it.each([
    ['letters in any case and with brackets or a full stop', ['c', '(B)', 'D.', 'a)'], [2, 1, 3, 0]],
    ['0-based numbers', ['0', '3', '1', '2'], [0, 3, 1, 2]],
    ['1-based numbers (the last choice is 4)', ['4', '1', '2', '3'], [3, 0, 1, 2]],
    ['numbers written by pandas as floats', ['2.0', '0.0', '3.0', '1.0'], [2, 0, 3, 1]],
  ])('answer_idx as %s', async (_label, answers, expected) => {
    const rows = answers.map((a, i) => `"Question number ${i + 1}?",first ${i},second ${i},third ${i},fourth ${i},${a}`);
    await importOk({ paths: [csvFile('answers.csv', rows)], map: { choices: 'opa,opb,opc,opd', answer: 'answer_idx' } });
    expect(t.db.prepare('SELECT answer_index FROM questions ORDER BY id').pluck().all()).toEqual(expected);
  });

  it('an answer_idx that names no choice is refused with the line, the column and what is allowed', async () => {
    const path = csvFile('bad-answer.csv', ['"First question?",p,q,r,s,B', '"Second question?",p,q,r,s,F', '"Third question?",p,q,r,s,answer C']);
    const problems = await importFails({ paths: [path], map: { choices: 'opa,opb,opc,opd', answer: 'answer_idx' } });
    expect(problems).toEqual([
      { file: 'bad-answer.csv', line: 4, field: 'answer_idx', message: "'answer C' is not a choice: give its letter (A–D), its number or its exact text" },
      { file: 'bad-answer.csv', line: 3, field: 'answer_idx', message: "'F' is not one of A–D" },
    ]);
  });
});

describe('MedXpertQA-shaped JSON Lines (ten options as a Python-dict string)', () => {
  const MXQA = join(GAPS, 'medxpertqa-style.jsonl');
  /** The mapping FORMAT.md documents for MedXpertQA. */
  const MXQA_MAP = { id: 'id', stem: 'question', choices: 'options', answer: 'label', system: 'body_system', tags: 'medical_task,question_type' };

  interface Row {
    source_id: string;
    stem_html: string;
    answer_index: number;
    choice_count: number;
    system: string | null;
  }
  const rows = () => t.db.prepare('SELECT source_id, stem_html, answer_index, choice_count, system FROM questions ORDER BY id').all() as Row[];

  it('imports through the CLI with the documented --map: ids, ten choices, the answer from label, systems mapped', () => {
    const dbPath = join(t.dir, 'cli.db');
    const run = cli(['import', MXQA, '--db', dbPath, '--json', ...mapArgs(MXQA_MAP)]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as ImportReport;
    expect(report.packs.map((p) => [p.format, p.added, p.total])).toEqual([['json-map', 6, 6]]);
    // "Other / NA" means no system: no warning, no tag.
    expect(report.warnings).toEqual([]);
  });

  it('parses the dict strings exactly (both quote styles, escapes), strips the repeated choices and maps body_system', async () => {
    await importOk({ paths: [MXQA], map: MXQA_MAP });
    expect(rows().map((r) => [r.source_id, r.answer_index, r.choice_count, r.system])).toEqual([
      ['Text-101', 2, 10, 'Nervous System & Special Senses'],
      ['Text-102', 0, 10, 'Cardiovascular'],
      ['Text-103', 2, 10, 'Respiratory'],
      ['Text-104', 1, 10, 'Gastrointestinal'],
      ['Text-105', 2, 10, null],
      ['Text-106', 1, 10, 'Renal & Urinary'],
    ]);
    for (const r of rows()) expect(r.stem_html).not.toContain('Answer Choices');
    expect(rows()[0]!.stem_html).toMatch(/Which of the following is the most likely diagnosis\?<\/p>\n?$/);
    const choice = (id: string, idx: number) =>
      t.db.prepare('SELECT c.text_html FROM choices c JOIN questions q ON q.id = c.question_id WHERE q.source_id = ? AND c.idx = ?').pluck().get(id, idx);
    expect(choice('Text-101', 2)).toBe('Ménière&#39;s disease');
    expect(choice('Text-104', 7)).toBe('Percutaneous drainage for &quot;all&quot; patients, even if they&#39;re fit');
    expect(choice('Text-101', 9)).toBe('Superior canal dehiscence');
    const tags = t.db
      .prepare("SELECT group_concat(t.name, '|') FROM question_tags qt JOIN tags t ON t.id = qt.tag_id JOIN questions q ON q.id = qt.question_id WHERE q.source_id = 'Text-101'")
      .pluck()
      .get() as string;
    expect(tags.split('|').sort()).toEqual(['Diagnosis', 'Reasoning']);
  });

  it('without a mapping is refused with one message that gives the exact mapping', async () => {
    const problems = await importFails({ paths: [MXQA] });
    expect(problems).toEqual([
      {
        file: 'medxpertqa-style.jsonl',
        field: 'map',
        message:
          "looks like MedXpertQA (options as a text {'A': …}, the answer in 'label'), which needs a field mapping: --map id=id --map stem=question --map choices=options --map answer=label --map system=body_system --map tags=medical_task,question_type (in the app: JSON array + field mapping)",
      },
    ]);
  });

  it('a dict string that is not a plain literal is refused on its line, never evaluated', async () => {
    const path = join(t.dir, 'evil.jsonl');
    writeFileSync(
      path,
      [
        JSON.stringify({ id: 'x1', question: 'Fine question?', options: "{'A': 'yes', 'B': 'no'}", label: 'A' }),
        JSON.stringify({ id: 'x2', question: 'Evil question?', options: "{'A': __import__('os').system('touch pwned'), 'B': 'no'}", label: 'A' }),
        JSON.stringify({ id: 'x3', question: 'Broken question?', options: "{'A': 'yes', 'B': 'no'", label: 'A' }),
      ].join('\n'),
    );
    const problems = await importFails({ paths: [path], map: { id: 'id', stem: 'question', choices: 'options', answer: 'label' } });
    expect(problems).toEqual([
      { file: 'evil.jsonl', line: 2, field: 'options', message: "is not a list of options like {'A': '…', 'B': '…'}: expected a quoted text at character 7" },
      { file: 'evil.jsonl', line: 3, field: 'options', message: "is not a list of options like {'A': '…', 'B': '…'}: the text ends before its closing }" },
    ]);
  });
});
