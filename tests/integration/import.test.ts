/**
 * Imports end to end through the api on a real SQLite file: the MedQA data set, a native pack across two versions
 * with history in between, the sample packs, and the same pack as a .json file, a folder and a .zip.
 */
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/main/core/bank/sanitize';
import { CHOICE_LABELS, DISCIPLINES, SYSTEMS } from '../../src/shared/pack';
import type { ImportReport } from '../../src/shared/types';
import type { Db } from '../../src/main/core/db/open';
import { FIXTURES, MEDQA, SAMPLES_DIR, openTestApi, tempDir, type TestApi } from '../helpers/db';

const PACKS = join(FIXTURES, 'packs');
const MINI_V1 = join(PACKS, 'mini-v1.json');
const MINI_V2 = join(PACKS, 'mini-v2.json');

let t: TestApi;

async function importOk(input: { paths: string[]; skipInvalid?: boolean; dryRun?: boolean }): Promise<ImportReport> {
  const result = await t.api.invoke('packs:import', input);
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.error, null, 2)}`);
  return result.value;
}

const counts = (report: ImportReport) => report.packs.map((p) => ({ key: p.key, added: p.added, updated: p.updated, unchanged: p.unchanged, retired: p.retired, total: p.total }));

function questionBySource(db: Db, packKey: string, sourceId: string) {
  return db
    .prepare('SELECT q.* FROM questions q JOIN packs p ON p.id = q.pack_id WHERE p.key = ? AND q.source_id = ?')
    .get(packKey, sourceId) as
    | { id: number; pack_id: number; revision: number; retired: number; stem_html: string; answer_index: number; choice_count: number; exam: string | null }
    | undefined;
}

function choiceTexts(db: Db, questionId: number): string[] {
  return (db.prepare('SELECT text_html FROM choices WHERE question_id = ? ORDER BY idx').pluck().all(questionId) as string[]).map(htmlToText);
}

/** Everything a pack's import wrote, without row ids, timestamps or the file name it came from. */
function packContent(db: Db, packKey: string) {
  const pack = db.prepare('SELECT key, title, version, description, license, author, source_format FROM packs WHERE key = ?').get(packKey);
  const questions = db
    .prepare(
      `SELECT q.source_id, q.hash, q.revision, q.exam, q.discipline, q.system, q.topic, q.difficulty, q.stem_html, q.explanation_html, q.objective,
         q.references_json, q.answer_index, q.choice_count, q.retired,
         (SELECT json_group_array(json_array(c.idx, c.text_html, c.explanation_html)) FROM (SELECT * FROM choices WHERE question_id = q.id ORDER BY idx) c) AS choices,
         (SELECT json_group_array(t.name) FROM (SELECT t.name FROM question_tags qt JOIN tags t ON t.id = qt.tag_id WHERE qt.question_id = q.id ORDER BY t.name) t) AS tags,
         (SELECT json_group_array(json_array(x.position, x.placement, x.alt, x.name, x.sha256))
            FROM (SELECT qm.position, qm.placement, qm.alt, m.name, m.sha256 FROM question_media qm JOIN media m ON m.id = qm.media_id
                  WHERE qm.question_id = q.id ORDER BY qm.position) x) AS images,
         (SELECT stem || '|' || choices || '|' || explanation FROM questions_fts WHERE rowid = q.id) AS search
       FROM questions q JOIN packs p ON p.id = q.pack_id WHERE p.key = ? ORDER BY q.source_id`,
    )
    .all(packKey);
  const media = db.prepare('SELECT m.name, m.mime, m.sha256, length(m.bytes) AS size FROM media m JOIN packs p ON p.id = m.pack_id WHERE p.key = ? ORDER BY m.name').all(packKey);
  return { pack, questions, media };
}

/** A folder on disk as zip entries, optionally under one top folder (as most zip tools write it). */
function zipFolder(dir: string, top?: string): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else entries[(top ? `${top}/` : '') + relative(dir, full).split('\\').join('/')] = readFileSync(full);
    }
  };
  walk(dir);
  return zipSync(entries, { mtime: new Date(Date.UTC(2026, 0, 1)) });
}

// ---------------------------------------------------------------------------------------------------------------

describe('MedQA (US, 5 options, test split)', () => {
  const lines = readFileSync(MEDQA, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { question: string; answer: string; options: Record<string, string>; answer_idx: string; meta_info: string });
  const KEY = 'medqa-us-test-5options';
  const idOf = (question: string) => `mq-${createHash('sha1').update(question).digest('hex').slice(0, 16)}`;
  let first: ImportReport;

  beforeAll(async () => {
    t = openTestApi();
    first = await importOk({ paths: [MEDQA] });
  });
  afterAll(() => t.close());

  it('imports all 1,273 questions with no problems', () => {
    expect(lines).toHaveLength(1273);
    expect(counts(first)).toEqual([{ key: KEY, added: 1273, updated: 0, unchanged: 0, retired: 0, total: 1273 }]);
    expect(first.packs[0]).toMatchObject({ format: 'medqa', file: 'medqa_us_test_5options.jsonl' });
    expect(first.rejected).toEqual([]);
    expect(first.warnings).toEqual([]);
    expect(t.db.prepare('SELECT count(*) FROM questions WHERE choice_count = 5 AND retired = 0').pluck().get()).toBe(1273);
    expect(t.db.prepare('SELECT count(*) FROM choices').pluck().get()).toBe(1273 * 5);
    expect(t.db.prepare('SELECT count(*) FROM questions_fts').pluck().get()).toBe(1273);
  });

  it('maps meta_info to exams: 679 step1, 594 step2ck, and keeps it as a tag', () => {
    const exams = t.db.prepare('SELECT exam, count(*) AS n FROM questions GROUP BY exam ORDER BY exam').raw().all();
    expect(exams).toEqual([
      ['step1', 679],
      ['step2ck', 594],
    ]);
    const tags = t.db.prepare('SELECT t.name, count(*) FROM question_tags qt JOIN tags t ON t.id = qt.tag_id GROUP BY t.name ORDER BY t.name').raw().all();
    expect(tags).toEqual([
      ['medqa:step1', 679],
      ['medqa:step2&3', 594],
    ]);
  });

  it('gets the answer key right: the first line', () => {
    const line = lines[0]!;
    expect(line.answer_idx).toBe('C');
    const q = questionBySource(t.db, KEY, idOf(line.question))!;
    expect(q).toMatchObject({ answer_index: 2, choice_count: 5, exam: 'step1' });
    const choices = choiceTexts(t.db, q.id);
    expect(choices[q.answer_index]).toBe('Tell the attending that he cannot fail to disclose this mistake');
    expect(choices[q.answer_index]).toBe(line.answer);
    expect(htmlToText(q.stem_html)).toBe(line.question.trim());
  });

  it.each([1, 2, 100, 636, 1000, 1272])('gets the answer key right: line %i', (index) => {
    const line = lines[index]!;
    const q = questionBySource(t.db, KEY, idOf(line.question))!;
    expect(q).toBeDefined();
    expect(CHOICE_LABELS[q.answer_index]).toBe(line.answer_idx);
    const choices = choiceTexts(t.db, q.id);
    expect(choices).toEqual(['A', 'B', 'C', 'D', 'E'].map((l) => line.options[l]!.trim()));
    expect(choices[q.answer_index]).toBe(line.answer.trim());
    expect(q.exam).toBe(line.meta_info === 'step1' ? 'step1' : 'step2ck');
  });

  it('importing the same file again adds nothing: 1,273 unchanged', async () => {
    const before = t.db.prepare('SELECT id, hash, revision FROM questions ORDER BY id').raw().all();
    const again = await importOk({ paths: [MEDQA] });
    expect(counts(again)).toEqual([{ key: KEY, added: 0, updated: 0, unchanged: 1273, retired: 0, total: 1273 }]);
    expect(t.db.prepare('SELECT id, hash, revision FROM questions ORDER BY id').raw().all()).toEqual(before);
    expect(t.db.prepare('SELECT count(*) FROM packs').pluck().get()).toBe(1);
    expect(t.db.prepare('SELECT count(*) FROM question_revisions').pluck().get()).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('a native pack across versions, with history in between', () => {
  const KEY = 'vignette-test-mini';
  let packId: number;

  beforeAll(async () => {
    t = openTestApi();
  });
  afterAll(() => t.close());

  it('v1 adds 3 questions', async () => {
    const report = await importOk({ paths: [MINI_V1] });
    expect(counts(report)).toEqual([{ key: KEY, added: 3, updated: 0, unchanged: 0, retired: 0, total: 3 }]);
    expect(report.packs[0]).toMatchObject({ title: 'Vignette Test Mini', format: 'native', file: 'mini-v1.json' });
    const packs = await t.api.call('packs:list', {});
    expect(packs.map((p) => [p.key, p.version, p.questionCount, p.retiredCount])).toEqual([[KEY, '1.0.0', 3, 0]]);
    packId = packs[0]!.id;
    const q1 = questionBySource(t.db, KEY, 'mini-001')!;
    expect(q1).toMatchObject({ answer_index: 1, choice_count: 5, revision: 1, retired: 0 });
    expect(t.db.prepare('SELECT discipline, system, topic, difficulty, objective FROM questions WHERE id = ?').get(q1.id)).toEqual({
      discipline: 'Pharmacology',
      system: 'Renal & Urinary',
      topic: 'Loop diuretics',
      difficulty: 2,
      objective: 'Know the site of action of loop diuretics.',
    });
  });

  let blockId: number;
  let changedId: number;
  let droppedId: number;
  let positionOf: Map<number, number>;

  it('a finished block holds every v1 question', async () => {
    expect(await t.api.call('blocks:count', { filters: { packIds: [packId] } })).toEqual({ available: 3 });
    const block = await t.api.call('blocks:create', {
      filters: { packIds: [packId] },
      size: 3,
      mode: 'timed',
      secondsPerQuestion: 90,
      order: 'random',
      seed: 7,
    });
    blockId = block.id;
    changedId = questionBySource(t.db, KEY, 'mini-002')!.id;
    droppedId = questionBySource(t.db, KEY, 'mini-003')!.id;
    positionOf = new Map(block.items.map((i) => [i.questionId, i.position]));
    expect([...positionOf.keys()].sort()).toEqual([questionBySource(t.db, KEY, 'mini-001')!.id, changedId, droppedId].sort());
    // Answer mini-002 correctly (A) and mini-003 wrongly (A; the key is B); leave mini-001 unanswered.
    await t.api.call('blocks:select', { blockId, position: positionOf.get(changedId)!, choice: 0 });
    await t.api.call('blocks:select', { blockId, position: positionOf.get(droppedId)!, choice: 0 });
    const ended = await t.api.call('blocks:end', { blockId });
    expect(ended.status).toBe('finished');
    expect(ended.correctCount).toBe(1);
  });

  it('v2 reports 1 updated, 1 unchanged, 1 added, 1 retired', async () => {
    const report = await importOk({ paths: [MINI_V2] });
    expect(counts(report)).toEqual([{ key: KEY, added: 1, updated: 1, unchanged: 1, retired: 1, total: 3 }]);
    const packs = await t.api.call('packs:list', {});
    expect(packs.map((p) => [p.id, p.key, p.version, p.questionCount, p.retiredCount])).toEqual([[packId, KEY, '2.0.0', 3, 1]]);
    expect(questionBySource(t.db, KEY, 'mini-001')).toMatchObject({ revision: 1, retired: 0 });
    expect(questionBySource(t.db, KEY, 'mini-004')).toMatchObject({ revision: 1, retired: 0, answer_index: 0 });
    expect(questionBySource(t.db, KEY, 'mini-003')).toMatchObject({ id: droppedId, retired: 1 });
  });

  it('the changed question keeps its id, its block item and its old revision', () => {
    const changed = questionBySource(t.db, KEY, 'mini-002')!;
    expect(changed).toMatchObject({ id: changedId, revision: 2, retired: 0 });
    expect(htmlToText(changed.stem_html)).toBe(
      'A healthy 25-year-old man stands up quickly after lying supine for 20 minutes. Which of the following changes occurs first?',
    );
    const item = t.db.prepare('SELECT question_id, selected, outcome FROM block_items WHERE block_id = ? AND position = ?').get(blockId, positionOf.get(changedId)!);
    expect(item).toEqual({ question_id: changedId, selected: 0, outcome: 'correct' });
    const revisions = t.db.prepare('SELECT revision, hash, content FROM question_revisions WHERE question_id = ?').all(changedId) as {
      revision: number;
      hash: string;
      content: string;
    }[];
    expect(revisions).toHaveLength(1);
    expect(revisions[0]!.revision).toBe(1);
    expect(revisions[0]!.hash).not.toBe(t.db.prepare('SELECT hash FROM questions WHERE id = ?').pluck().get(changedId));
    const old = JSON.parse(revisions[0]!.content) as { stem: string; answer: number; choices: { text: string }[] };
    expect(htmlToText(old.stem)).toBe('A healthy 25-year-old man stands up quickly from a supine position. Which of the following changes occurs first?');
    expect(old.answer).toBe(0);
    expect(old.choices.map((c) => htmlToText(c.text))).toEqual([
      'Decreased venous return',
      'Increased baroreceptor firing',
      'Increased parasympathetic outflow',
      'Increased stroke volume',
    ]);
    expect(t.db.prepare('SELECT count(*) FROM question_revisions').pluck().get()).toBe(1);
  });

  it('the retired question leaves new blocks but stays in its finished block’s review', async () => {
    expect(await t.api.call('blocks:count', { filters: { packIds: [packId] } })).toEqual({ available: 3 });
    // mini-003 is the pack's only Respiratory question.
    expect(await t.api.call('blocks:count', { filters: { packIds: [packId], systems: ['Respiratory'] } })).toEqual({ available: 0 });
    const view = await t.api.call('blocks:item', { blockId, position: positionOf.get(droppedId)! });
    expect(view.question).toMatchObject({ id: droppedId, sourceId: 'mini-003', retired: true, answerIndex: 1 });
    expect(view.item).toMatchObject({ questionId: droppedId, selected: 0, outcome: 'incorrect' });
    expect(view.question.choices.map((c) => htmlToText(c.html))[1]).toBe('CT pulmonary angiography');
    const state = await t.api.call('blocks:get', { blockId });
    expect(state.items.map((i) => i.questionId).sort()).toEqual([...positionOf.keys()].sort());
  });

  it('re-importing v2 changes nothing', async () => {
    const report = await importOk({ paths: [MINI_V2] });
    expect(counts(report)).toEqual([{ key: KEY, added: 0, updated: 0, unchanged: 3, retired: 0, total: 3 }]);
  });

  it('packs:remove retires the rest and keeps the history', async () => {
    expect(await t.api.call('packs:remove', { packId })).toEqual({ retired: 3 });
    expect(await t.api.call('packs:list', {})).toEqual([]);
    expect(t.db.prepare('SELECT count(*) FROM questions WHERE pack_id = ? AND retired = 0').pluck().get(packId)).toBe(0);
    expect(t.db.prepare('SELECT count(*) FROM questions WHERE pack_id = ?').pluck().get(packId)).toBe(4);
    expect(await t.api.call('blocks:count', { filters: { packIds: [packId] } })).toEqual({ available: 0 });
    expect(t.db.prepare('SELECT count(*) FROM block_items WHERE block_id = ?').pluck().get(blockId)).toBe(3);
    expect(t.db.prepare('SELECT count(*) FROM question_revisions').pluck().get()).toBe(1);
    expect(t.db.prepare('SELECT count(*) FROM question_stats').pluck().get()).toBe(3);
    const view = await t.api.call('blocks:item', { blockId, position: positionOf.get(changedId)! });
    expect(view.question).toMatchObject({ id: changedId, retired: true, answerIndex: 0 });
    const removedAgain = await t.api.invoke('packs:remove', { packId });
    expect(removedAgain.ok).toBe(false);
    if (!removedAgain.ok) expect(removedAgain.error.code).toBe('NOT_FOUND');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('the sample packs in question-packs/', () => {
  let report: ImportReport;

  beforeAll(async () => {
    t = openTestApi();
    const result = await t.api.invoke('packs:loadSamples', {});
    if (!result.ok) throw new Error(JSON.stringify(result.error, null, 2));
    report = result.value;
  });
  afterAll(() => t.close());

  it('validate and import with no problems or warnings', () => {
    const folders = readdirSync(SAMPLES_DIR, { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(report.packs).toHaveLength(folders.length);
    expect(report.packs.every((p) => p.format === 'native' && p.added === p.total && p.updated === 0 && p.retired === 0)).toBe(true);
    expect(report.rejected).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  it('cover the outline: ≥ 60 questions, ≥ 10 systems, ≥ 6 disciplines, ≥ 5 questions with images', () => {
    const total = t.db.prepare('SELECT count(*) FROM questions WHERE retired = 0').pluck().get() as number;
    expect(total).toBeGreaterThanOrEqual(60);
    expect(report.packs.reduce((n, p) => n + p.added, 0)).toBe(total);
    const systems = t.db.prepare('SELECT DISTINCT system FROM questions WHERE system IS NOT NULL').pluck().all() as string[];
    const disciplines = t.db.prepare('SELECT DISTINCT discipline FROM questions WHERE discipline IS NOT NULL').pluck().all() as string[];
    expect(systems.length).toBeGreaterThanOrEqual(10);
    expect(disciplines.length).toBeGreaterThanOrEqual(6);
    // Every question carries outline values the app knows (an unknown value would have become a tag, with a warning).
    for (const s of systems) expect(SYSTEMS as readonly string[]).toContain(s);
    for (const d of disciplines) expect(DISCIPLINES as readonly string[]).toContain(d);
    expect(t.db.prepare('SELECT count(*) FROM questions WHERE system IS NULL OR discipline IS NULL OR exam IS NULL').pluck().get()).toBe(0);
    const withImages = t.db.prepare('SELECT count(DISTINCT question_id) FROM question_media').pluck().get() as number;
    expect(withImages).toBeGreaterThanOrEqual(5);
  });

  it('store their images as sanitised SVG, each used by a question', () => {
    const media = t.db.prepare('SELECT id, name, mime, bytes FROM media ORDER BY id').all() as { id: number; name: string; mime: string; bytes: Buffer }[];
    expect(media.length).toBeGreaterThanOrEqual(5);
    for (const m of media) {
      expect(m.mime, m.name).toBe('image/svg+xml');
      const svg = Buffer.from(m.bytes).toString('utf8');
      expect(svg, m.name).toMatch(/^<svg[^>]*\sxmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(svg, m.name).not.toMatch(/<script/i);
      expect(svg, m.name).not.toMatch(/\son\w+\s*=/i);
    }
    const unused = t.db.prepare('SELECT count(*) FROM media WHERE id NOT IN (SELECT media_id FROM question_media)').pluck().get();
    expect(unused).toBe(0);
  });

  it('loading them again changes nothing', async () => {
    const again = await t.api.call('packs:loadSamples', {});
    expect(again.packs.every((p) => p.added === 0 && p.updated === 0 && p.retired === 0 && p.unchanged === p.total)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('the same pack as a .json file, a folder and a .zip', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir('vignette-zip-');
  });
  afterEach(() => tmp.cleanup());

  async function contentOf(path: string, key: string) {
    const api = openTestApi();
    const previous = t;
    t = api;
    try {
      const report = await importOk({ paths: [path] });
      return { report, content: packContent(api.db, key) };
    } finally {
      t = previous;
      api.close();
    }
  }

  it('the folder fixture holds the very same pack.json as the .json fixture', () => {
    expect(readFileSync(join(PACKS, 'mini-v1/pack.json'), 'utf8')).toBe(readFileSync(MINI_V1, 'utf8'));
  });

  it('mini: .json, folder and .zip (wrapped in a top folder) import the same questions', async () => {
    const zipPath = join(tmp.dir, 'mini-v1.zip');
    writeFileSync(zipPath, zipFolder(join(PACKS, 'mini-v1'), 'mini-v1'));
    const fromJson = await contentOf(MINI_V1, 'vignette-test-mini');
    const fromFolder = await contentOf(join(PACKS, 'mini-v1'), 'vignette-test-mini');
    const fromZip = await contentOf(zipPath, 'vignette-test-mini');
    expect(fromJson.content.questions).toHaveLength(3);
    expect(fromFolder.content).toEqual(fromJson.content);
    expect(fromZip.content).toEqual(fromJson.content);
    expect(fromJson.report.packs[0]!.file).toBe('mini-v1.json');
    expect(fromFolder.report.packs[0]!.file).toBe('mini-v1/pack.json');
    expect(fromZip.report.packs[0]!.file).toBe('mini-v1.zip/mini-v1/pack.json');
  });

  it('mini: after the .json, the folder and the zip are unchanged re-imports', async () => {
    const zipPath = join(tmp.dir, 'mini-v1.zip');
    writeFileSync(zipPath, zipFolder(join(PACKS, 'mini-v1')));
    t = openTestApi();
    try {
      await importOk({ paths: [MINI_V1] });
      for (const path of [join(PACKS, 'mini-v1'), zipPath]) {
        const again = await importOk({ paths: [path] });
        expect(counts(again)).toEqual([{ key: 'vignette-test-mini', added: 0, updated: 0, unchanged: 3, retired: 0, total: 3 }]);
      }
    } finally {
      t.close();
    }
  });

  it('imaging: the folder and the .zip store the same images and links', async () => {
    const zipPath = join(tmp.dir, 'imaging.zip');
    writeFileSync(zipPath, zipFolder(join(PACKS, 'imaging')));
    const fromFolder = await contentOf(join(PACKS, 'imaging'), 'vignette-test-imaging');
    const fromZip = await contentOf(zipPath, 'vignette-test-imaging');
    expect(fromZip.content).toEqual(fromFolder.content);
    expect(counts(fromZip.report)).toEqual([{ key: 'vignette-test-imaging', added: 2, updated: 0, unchanged: 0, retired: 0, total: 2 }]);
    const { media, questions } = fromFolder.content as {
      media: { name: string; mime: string; size: number }[];
      questions: { source_id: string; images: string; explanation_html: string }[];
    };
    expect(media.map((m) => [m.name, m.mime])).toEqual([
      ['media/axis.svg', 'image/svg+xml'],
      ['media/dot.png', 'image/png'],
    ]);
    expect(media[1]!.size).toBe(readFileSync(join(PACKS, 'imaging/media/dot.png')).length);
    expect(questions.map((q) => [q.source_id, (JSON.parse(q.images) as unknown[][]).map((i) => i.slice(0, 4))])).toEqual([
      ['img-001', [[0, 'stem', 'Left ventricular pressure-volume loop', 'media/axis.svg']]],
      ['img-002', [[0, 'explanation', 'A grey dot', 'media/dot.png']]],
    ]);
    // The Markdown image left the explanation: it is shown by media id, never by a path in the HTML.
    expect(questions[1]!.explanation_html).not.toMatch(/<img|media\/dot\.png/);
    expect(htmlToText(questions[1]!.explanation_html)).toBe('Microcytic, hypochromic cells.\n\nIron studies confirm the diagnosis.');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('a changed image is a changed question', () => {
  let tmp: ReturnType<typeof tempDir>;
  let folder: string;
  /** A different real 1×1 PNG (RGBA), same name as media/dot.png. */
  const OTHER_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64');

  beforeEach(async () => {
    tmp = tempDir('vignette-media-change-');
    folder = join(tmp.dir, 'imaging');
    cpSync(join(PACKS, 'imaging'), folder, { recursive: true });
    t = openTestApi();
    await importOk({ paths: [folder] });
  });
  afterEach(() => {
    t.close();
    tmp.cleanup();
  });

  it('an image in the images list: new bytes update the question and keep the old revision', async () => {
    writeFileSync(join(folder, 'media/axis.svg'), readFileSync(join(folder, 'media/axis.svg'), 'utf8').replace('#333', '#c00'));
    const report = await importOk({ paths: [folder] });
    expect(counts(report)).toEqual([{ key: 'vignette-test-imaging', added: 0, updated: 1, unchanged: 1, retired: 0, total: 2 }]);
    expect(questionBySource(t.db, 'vignette-test-imaging', 'img-001')!.revision).toBe(2);
  });

  it('an image embedded with Markdown: new bytes update the question too', async () => {
    // questionHash covers the bytes of images[] only, so a new dot.png (used via ![…](media/dot.png) in the explanation)
    // counts as unchanged while the media row is overwritten in place: the question shows a different image with no
    // new revision and no "updated" in the report.
    writeFileSync(join(folder, 'media/dot.png'), OTHER_PNG);
    const report = await importOk({ paths: [folder] });
    expect(counts(report)).toEqual([{ key: 'vignette-test-imaging', added: 0, updated: 1, unchanged: 1, retired: 0, total: 2 }]);
    expect(questionBySource(t.db, 'vignette-test-imaging', 'img-002')!.revision).toBe(2);
  });
});
