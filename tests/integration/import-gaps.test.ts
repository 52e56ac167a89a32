/**
 * Importer gaps found with real public files and malformed packs (issue 10, part 3), end to end through `packs:import`
 * (and the CLI for the exact `--map` command) on real SQLite files. Each gap has its own fixture under
 * tests/fixtures/import-gaps, written in the spirit of the public files that exposed it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/shared/result';
import type { ImportReport } from '../../src/shared/types';
import { FIXTURES, REPO, openTestApi, type TestApi } from '../helpers/db';

const GAPS = join(FIXTURES, 'import-gaps');
const BIN = join(REPO, 'bin/vignette.mjs');

let t: TestApi;
beforeEach(() => {
  t = openTestApi();
});
afterEach(() => t.close());

type ImportInput = { paths: string[]; map?: Record<string, string>; skipInvalid?: boolean; format?: 'csv' };

async function importOk(input: ImportInput): Promise<ImportReport> {
  const result = await t.api.invoke('packs:import', input);
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.error, null, 2)}`);
  return result.value;
}

/** The import must fail, write nothing, and report exactly these problems. */
async function importFails(input: ImportInput): Promise<{ message: string; details: Problem[] }> {
  const before = t.db.prepare('SELECT (SELECT count(*) FROM packs) || \'/\' || (SELECT count(*) FROM questions)').pluck().get();
  const result = await t.api.invoke('packs:import', input);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.code).toBe('IMPORT_INVALID');
  expect(t.db.prepare('SELECT (SELECT count(*) FROM packs) || \'/\' || (SELECT count(*) FROM questions)').pluck().get()).toBe(before);
  return { message: result.error.message, details: result.error.details ?? [] };
}

interface StoredQuestion {
  source_id: string;
  stem_html: string;
  explanation_html: string;
  answer_index: number;
  choice_count: number;
  difficulty: number | null;
  pack: string;
}
const stored = (): StoredQuestion[] =>
  t.db
    .prepare(
      `SELECT q.source_id, q.stem_html, q.explanation_html, q.answer_index, q.choice_count, q.difficulty, p.key AS pack
       FROM questions q JOIN packs p ON p.id = q.pack_id ORDER BY p.key, q.id`,
    )
    .all() as StoredQuestion[];

const choiceTexts = (sourceId: string): string[] =>
  t.db.prepare('SELECT c.text_html FROM choices c JOIN questions q ON q.id = c.question_id WHERE q.source_id = ? ORDER BY c.idx').pluck().all(sourceId) as string[];

// ---------------------------------------------------------------------------------------------------------------

describe('CSV with other column names, mapped with --map', () => {
  const STEP2 = join(GAPS, 'step2-questions.csv');

  it('the exact command from the issue imports a Step 2-style CSV with opa…ope, answer_idx and multi-line explanations', () => {
    const dbPath = join(t.dir, 'cli.db');
    const run = spawnSync(
      process.execPath,
      [BIN, 'import', STEP2, '--db', dbPath, '--json', '--map', 'stem=question', '--map', 'choices=opa,opb,opc,opd,ope', '--map', 'answer=answer_idx', '--map', 'explanation=explanation'],
      { cwd: REPO, encoding: 'utf8', timeout: 60_000, env: { ...process.env, VIGNETTE_DB: undefined } },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as ImportReport;
    expect(report.packs.map((p) => [p.format, p.added, p.total])).toEqual([['csv', 4, 4]]);
    // subject_name is neither mapped nor a known column: said so, not silently dropped.
    expect(report.warnings).toEqual([{ file: 'step2-questions.csv', field: 'subject_name', message: 'is not a known column; ignored' }]);
  });

  it('reads every field from the mapped columns, keeping the explanation’s line breaks', async () => {
    await importOk({ paths: [STEP2], map: { stem: 'question', choices: 'opa,opb,opc,opd,ope', answer: 'answer_idx', explanation: 'explanation' } });
    const rows = stored();
    expect(rows.map((r) => [r.source_id, r.answer_index, r.choice_count])).toEqual([
      ['s2-001', 1, 5],
      ['s2-002', 1, 5],
      ['s2-003', 2, 5],
      ['s2-004', 1, 5],
    ]);
    expect(choiceTexts('s2-001')).toEqual(['Aspirin', 'Intravenous alteplase', 'Intravenous heparin', 'MRI of the brain', 'Lower the blood pressure below 140/90 mm Hg']);
    expect(rows[0]!.explanation_html).toContain('thrombolysis is indicated.</p>\n<p>Aspirin is started');
    expect(rows[0]!.explanation_html).toContain('<br>Heparin has no role');
  });

  it('without a mapping, says which columns it found and how to map them', async () => {
    const { details } = await importFails({ paths: [STEP2] });
    expect(details).toEqual([
      {
        file: 'step2-questions.csv',
        field: 'choices',
        message:
          'needs at least two choice columns (A, B, … or choice_a, choice_b, …), or a mapping that names them (choices=opa,opb,…); found 0 among id, question, opa, opb, opc, opd, ope, answer_idx, explanation, subject_name',
      },
      { file: 'step2-questions.csv', field: 'answer', message: "no answer column: name one 'answer', or map one (answer=<column>)" },
    ]);
  });

  it('a MedMCQA-style file: numeric answers counting from 1 (cop), explanations and subjects from other columns', async () => {
    const report = await importOk({
      paths: [join(GAPS, 'medmcqa-cop.csv')],
      map: { choices: 'opa,opb,opc,opd', answer: 'cop', explanation: 'exp', discipline: 'subject_name', topic: 'topic_name' },
    });
    expect(report.packs.map((p) => p.added)).toEqual([4]);
    // cop 2, 1, 4, 1 with a 4 present → 1-based.
    expect(stored().map((r) => r.answer_index)).toEqual([1, 0, 3, 0]);
    expect(t.db.prepare('SELECT discipline FROM questions ORDER BY id').pluck().all()).toEqual(['Anatomy', 'Pharmacology', 'Pathology', 'Medicine']);
  });

  it('a mapping naming a column the file lacks is refused with the columns it has and a suggestion', async () => {
    const { details } = await importFails({ paths: [STEP2], map: { stem: 'question', choices: 'opa,opb,opc,opd,opf', answer: 'answer_idx' } });
    expect(details).toEqual([
      {
        file: 'step2-questions.csv',
        field: 'map',
        message:
          "choices=opa,opb,opc,opd,opf: no column 'opf' (did you mean 'opa'?); the columns are id, question, opa, opb, opc, opd, ope, answer_idx, explanation, subject_name",
      },
    ]);
  });
});

describe('MedMCQA-style JSON Lines with a mapping', () => {
  const DEV = join(GAPS, 'medmcqa-dev.json');
  const MAP = { id: 'id', stem: 'question', choices: 'opa,opb,opc,opd', answer: 'cop', explanation: 'exp', discipline: 'subject_name', topic: 'topic_name' };

  it('reads one object a line, takes the choices from a list of keys, and counts cop from 1', async () => {
    const report = await importOk({ paths: [DEV], map: MAP });
    expect(report.packs.map((p) => [p.format, p.added])).toEqual([['json-map', 3]]);
    expect(report.warnings).toEqual([]);
    // cop 3, 4, 1 with a 4 among four choices → 1-based.
    expect(stored().map((r) => [r.source_id, r.answer_index])).toEqual([
      ['a1b2c3d4-0001', 2],
      ['a1b2c3d4-0002', 3],
      ['a1b2c3d4-0003', 0],
    ]);
    expect(choiceTexts('a1b2c3d4-0002')).toEqual(['Thiamine', 'Riboflavin', 'Pyridoxine', 'Niacin']);
  });

  it('the same lines named .jsonl are mapped JSON when a mapping is given (MedQA without one)', async () => {
    const { copyFileSync } = await import('node:fs');
    const jsonl = join(t.dir, 'medmcqa-dev.jsonl');
    copyFileSync(DEV, jsonl);
    const report = await importOk({ paths: [jsonl], map: MAP });
    expect(report.packs.map((p) => [p.format, p.added])).toEqual([['json-map', 3]]);
  });

  it('without a mapping asks for one (instead of a JSON syntax error on line 2)', async () => {
    const { details } = await importFails({ paths: [DEV] });
    expect(details).toEqual([{ file: 'medmcqa-dev.json', field: 'map', message: expect.stringMatching(/^the mapping needs stem, choices and answer/) }]);
  });

  it('names the one key of a list that no item has', async () => {
    const { details } = await importFails({ paths: [DEV], map: { ...MAP, choices: 'opa,opb,opc,ope' } });
    expect(details).toEqual([{ file: 'medmcqa-dev.json', field: 'map', message: "choices=opa,opb,opc,ope: no item has a value at 'ope' (did you mean 'opa'?)" }]);
  });
});

describe('stems that repeat the choices', () => {
  it('strips a trailing "Answer Choices: (A) … (B) …" list only when it is exactly the options', async () => {
    await importOk({ paths: [join(GAPS, 'medqa-answer-choices.jsonl')] });
    const stems = stored().map((r) => r.stem_html);
    expect(stems).toHaveLength(4);
    expect(stems[0]).toMatch(/Which of the following is the most likely cause\?<\/p>\s*$/);
    expect(stems[1]).toMatch(/Which of the following serum findings is most likely\?<\/p>\s*$/);
    for (const stem of stems.slice(0, 2)) expect(stem).not.toMatch(/Answer Choices|\(A\)/);
    // The list names Dabigatran where the options have Heparin: not a copy of the options, so the stem is kept whole.
    expect(stems[2]).toContain('Answer Choices: (A) Aspirin (B) Clopidogrel (C) Warfarin (D) Dabigatran');
    // "treatment options" in the vignette is not a list.
    expect(stems[3]).toContain('discusses treatment options with his physician. Which of the following is most appropriate?');
  });
});

describe('silently accepted mistakes are refused or reported', () => {
  it('refuses two identical choices in one question (case and a final full stop do not count)', async () => {
    const { details } = await importFails({ paths: [join(GAPS, 'duplicate-choices.json')] });
    expect(details).toEqual([
      { file: 'duplicate-choices.json', item: 1, field: 'choices[2].text', message: "repeats choice A ('stable angina.'); every choice must differ" },
    ]);
  });

  it('refuses a misspelled question key with "did you mean", and only warns about a key that is merely extra', async () => {
    const file = join(GAPS, 'misspelled-key.json');
    const { details } = await importFails({ paths: [file] });
    expect(details).toEqual([{ file: 'misspelled-key.json', item: 1, field: 'explanaton', message: "unknown key 'explanaton'; did you mean 'explanation'?" }]);
    const report = await importOk({ paths: [file], skipInvalid: true });
    expect(report.packs.map((p) => p.added)).toEqual([2]);
    expect(report.warnings).toEqual([{ file: 'misspelled-key.json', item: 2, field: 'source_url', message: "unknown key 'source_url'; ignored" }]);
  });

  it('refuses a misspelled key inside a choice, naming the choice', async () => {
    const { details } = await importFails({ paths: [join(GAPS, 'misspelled-choice-key.json')] });
    expect(details).toEqual([
      { file: 'misspelled-choice-key.json', item: 0, field: 'choices[1].explantion', message: "unknown key 'explantion'; did you mean 'explanation'?" },
    ]);
  });

  it('refuses a JSON mapping whose path matches no item, suggesting the key it meant', async () => {
    const { details } = await importFails({
      paths: [join(GAPS, 'jsonmap-export.json')],
      map: { stem: 'question_text', choices: 'answers', answer: 'correct', explanation: 'explanaton' },
    });
    expect(details).toEqual([{ file: 'jsonmap-export.json', field: 'map', message: "explanation=explanaton: no item has a value at 'explanaton' (did you mean 'explanation'?)" }]);
  });

  it('warns about a key of the items that names a field the mapping leaves out', async () => {
    const report = await importOk({ paths: [join(GAPS, 'jsonmap-export.json')], map: { stem: 'question_text', choices: 'answers', answer: 'correct' } });
    expect(report.warnings).toEqual([
      { file: 'jsonmap-export.json', field: 'explanation', message: 'is not mapped, so it is not imported; map it with explanation=explanation' },
    ]);
  });
});

describe('precise messages for a broken pack envelope', () => {
  it.each([
    ['format-unknown.json', 'format', '"anki-json" is not a Vignette pack format; must be "vignette-pack/1"'],
    [
      'pack-id-missing.json',
      'pack.id',
      'is missing; give the pack a stable id such as "cardio-basics" (lower-case letters, digits, dot, dash or underscore), so a new version replaces this one',
    ],
    ['pack-key-typo.json', 'pack.titel', "unknown key 'titel'; did you mean 'title'?"],
    ['questions-text.json', 'questions', 'must be a list (JSON array) of questions; found a string'],
  ])('%s → %s', async (fixture, field, message) => {
    const result = await importFails({ paths: [join(GAPS, fixture)] });
    expect(result.details).toEqual([{ file: fixture, field, message }]);
    // The headline names the field and the finding, not only "not a valid Vignette pack".
    expect(result.message).toBe(`not a valid Vignette pack: ${fixture} · ${field}: ${message}`);
  });
});

describe('small conveniences', () => {
  it('difficulty written as easy / medium / hard becomes 1 / 3 / 5, in CSV and in mapped JSON', async () => {
    await importOk({ paths: [join(GAPS, 'two-files/ward-a/questions.csv')] });
    await importOk({ paths: [join(GAPS, 'jsonmap-export.json')], map: { stem: 'question_text', choices: 'answers', answer: 'correct', difficulty: 'level' } });
    expect(stored().map((r) => [r.pack, r.difficulty])).toEqual([
      ['jsonmap-export', 3],
      ['jsonmap-export', 5],
      ['questions', 1],
      ['questions', 3],
    ]);
  });

  it('two different questions.csv files do not replace each other: the second becomes a new pack, and the report says so', async () => {
    const a = join(GAPS, 'two-files/ward-a/questions.csv');
    const b = join(GAPS, 'two-files/ward-b/questions.csv');
    await importOk({ paths: [a] });
    const second = await importOk({ paths: [b] });
    expect(second.packs.map((p) => [p.key, p.title, p.added, p.retired])).toEqual([['questions-2', 'questions (2)', 1, 0]]);
    expect(second.warnings).toEqual([
      {
        file: 'questions.csv',
        message: "has the same name as the pack 'questions' imported before, but no question in common, so it becomes a new pack 'questions (2)' instead of replacing it",
      },
    ]);
    // Each file, imported again, finds its own pack unchanged: nothing retired on either side.
    const again = await importOk({ paths: [a, b] });
    expect(again.packs.map((p) => [p.key, p.unchanged, p.retired])).toEqual([
      ['questions', 2, 0],
      ['questions-2', 1, 0],
    ]);
    expect(again.warnings.map((w) => w.message)).toEqual(["updates the pack 'questions (2)', not 'questions' (a different file of the same name)"]);
    expect(t.db.prepare('SELECT count(*) FROM questions WHERE retired = 0').pluck().get()).toBe(3);
  });

  it('two files of the same name picked together become two packs', async () => {
    const report = await importOk({ paths: [join(GAPS, 'two-files/ward-a/questions.csv'), join(GAPS, 'two-files/ward-b/questions.csv')] });
    expect(report.packs.map((p) => [p.key, p.added])).toEqual([
      ['questions', 2],
      ['questions-2', 1],
    ]);
    expect(report.warnings.map((w) => w.message)).toEqual(["has the same name as another file in this import, so it becomes a new pack 'questions (2)' instead of replacing it"]);
  });

  it('an edited version of the same file still updates its pack', async () => {
    const a = join(GAPS, 'two-files/ward-a/questions.csv');
    await importOk({ paths: [a] });
    // Same file name, one question's choice changed (its stem, hence its id, kept), one untouched: the same source.
    const edited = join(t.dir, 'questions.csv');
    const { readFileSync, writeFileSync } = await import('node:fs');
    writeFileSync(edited, readFileSync(a, 'utf8').replace('Cobalamin', 'Pyridoxine'));
    const report = await importOk({ paths: [edited] });
    expect(report.packs.map((p) => [p.key, p.added, p.updated, p.unchanged])).toEqual([['questions', 0, 1, 1]]);
    expect(report.warnings).toEqual([]);
  });

  it.each(['medqa-array.json', 'medqa-lines.json'])('a MedQA-shaped %s is detected without --format', async (fixture) => {
    const report = await importOk({ paths: [join(GAPS, fixture)] });
    expect(report.packs.map((p) => [p.format, p.added])).toEqual([['medqa', 2]]);
    expect(t.db.prepare("SELECT count(*) FROM question_tags qt JOIN tags t ON t.id = qt.tag_id WHERE t.name LIKE 'medqa:%'").pluck().get()).toBe(2);
  });
});
