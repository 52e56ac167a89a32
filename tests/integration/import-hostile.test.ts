/**
 * Hostile and malformed imports, end to end through `packs:import` on a real SQLite file.
 *
 * Rejecting fixtures: the import fails with IMPORT_INVALID, the problem names the file and (where there is one) the
 * line or item and the field, and the database — which already holds one valid pack — is byte-for-byte unchanged.
 * Sanitising fixtures: the import succeeds and the stored HTML / SVG holds none of the dangerous constructs.
 *
 * The binary fixtures come from tests/fixtures/hostile/make-fixtures.mjs; the >10 MB image is built here in a temp dir.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/main/core/bank/sanitize';
import { LIMITS } from '../../src/shared/pack';
import type { Problem } from '../../src/shared/result';
import type { ImportReport } from '../../src/shared/types';
import type { Db } from '../../src/main/core/db/open';
import { FIXTURES, openTestApi, tempDir, type TestApi } from '../helpers/db';

const HOSTILE = join(FIXTURES, 'hostile');
const BASE_PACK = join(FIXTURES, 'packs/mini-v1.json');

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** Every table an import may touch (and the progress tables it must never touch). */
const TABLES = [
  'packs',
  'questions',
  'question_revisions',
  'choices',
  'tags',
  'question_tags',
  'media',
  'question_media',
  'questions_fts',
  'notes',
  'note_tags',
  'note_media',
  'notes_fts',
  'blocks',
  'block_items',
  'question_stats',
  'cards',
  'settings',
] as const;

/** Row counts of every user table plus a hash of their full contents. */
function digest(db: Db): { counts: Record<string, number>; sha256: string } {
  const counts: Record<string, number> = {};
  const hash = createHash('sha256');
  for (const table of TABLES) {
    counts[table] = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const rows = db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).raw().all();
    hash.update(`${table}\n${JSON.stringify(rows)}\n`);
  }
  return { counts, sha256: hash.digest('hex') };
}

interface ExpectedProblem {
  file: string;
  line?: number;
  item?: number;
  field?: string;
  message: string | RegExp;
}

/** A matcher for one problem: exactly these location keys (an absent line/item/field must be absent). */
function problemLike(p: ExpectedProblem) {
  return {
    file: p.file,
    ...(p.line !== undefined ? { line: p.line } : {}),
    ...(p.item !== undefined ? { item: p.item } : {}),
    ...(p.field !== undefined ? { field: p.field } : {}),
    message: typeof p.message === 'string' ? p.message : expect.stringMatching(p.message),
  };
}

/** All stored HTML of one pack: stems, explanations, choices and choice explanations. */
function storedHtml(db: Db, packKey: string): string[] {
  const questions = db
    .prepare('SELECT q.stem_html, q.explanation_html FROM questions q JOIN packs p ON p.id = q.pack_id WHERE p.key = ?')
    .raw()
    .all(packKey) as string[][];
  const choices = db
    .prepare('SELECT c.text_html, c.explanation_html FROM choices c JOIN questions q ON q.id = c.question_id JOIN packs p ON p.id = q.pack_id WHERE p.key = ?')
    .raw()
    .all(packKey) as string[][];
  return [...questions.flat(), ...choices.flat()];
}

function questionRow(db: Db, packKey: string, sourceId: string) {
  return db
    .prepare('SELECT q.* FROM questions q JOIN packs p ON p.id = q.pack_id WHERE p.key = ? AND q.source_id = ?')
    .get(packKey, sourceId) as { id: number; stem_html: string; explanation_html: string; system: string | null; retired: number } | undefined;
}

function choiceHtml(db: Db, questionId: number): string[] {
  return db.prepare('SELECT text_html FROM choices WHERE question_id = ? ORDER BY idx').pluck().all(questionId) as string[];
}

function tagsOf(db: Db, questionId: number): string[] {
  return db.prepare('SELECT t.name FROM question_tags qt JOIN tags t ON t.id = qt.tag_id WHERE qt.question_id = ? ORDER BY t.name').pluck().all(questionId) as string[];
}

/** Constructs that must never reach stored HTML, whatever the input. */
const DANGEROUS: RegExp[] = [
  /<script/i,
  /alert\(/i,
  /document\.cookie/i,
  /\son\w+\s*=/i, // onerror=, onload=, onmouseover=, onclick=
  /javascript:/i,
  /data:/i,
  /<img/i,
  /<svg/i,
  /<iframe/i,
  /<link/i,
  /<style/i,
  /style\s*=/i,
  /evil\.example/i,
  /src\s*=/i,
];

function expectSafe(html: string[]): void {
  expect(html.length).toBeGreaterThan(0);
  for (const fragment of html) for (const pattern of DANGEROUS) expect(fragment, `${pattern} in ${fragment}`).not.toMatch(pattern);
}

let t: TestApi;

async function importOk(paths: string[], options: { skipInvalid?: boolean; dryRun?: boolean } = {}): Promise<ImportReport> {
  const result = await t.api.invoke('packs:import', { paths, ...options });
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.error, null, 2)}`);
  return result.value;
}

// ---------------------------------------------------------------------------------------------------------------
// Rejecting fixtures

interface RejectCase {
  /** Path under tests/fixtures/hostile. */
  fixture: string;
  /** The problems the import must report — exactly these, no more. */
  problems: ExpectedProblem[];
}

const REJECT: RejectCase[] = [
  // Text encoding and syntax
  { fixture: 'invalid-json.json', problems: [{ file: 'invalid-json.json', line: 10, message: /^invalid JSON: / }] },
  { fixture: 'bad-utf8.json', problems: [{ file: 'bad-utf8.json', line: 9, message: 'not valid UTF-8 (byte 257); save the file as UTF-8' }] },
  { fixture: 'bad-utf8.csv', problems: [{ file: 'bad-utf8.csv', line: 3, message: /^not valid UTF-8 \(byte 12[34]\); save the file as UTF-8$/ }] },
  { fixture: 'unknown-format.dat', problems: [{ file: 'unknown-format.dat', message: /^unknown format: expected a Vignette pack/ }] },

  // The pack envelope
  { fixture: 'missing-format.json', problems: [{ file: 'missing-format.json', field: 'format', message: 'is missing; must be "vignette-pack/1"' }] },
  {
    fixture: 'wrong-format.json',
    problems: [
      {
        file: 'wrong-format.json',
        field: 'format',
        message: '"vignette-pack/2" is a newer pack format than this version of Vignette reads ("vignette-pack/1"); update Vignette to import it',
      },
    ],
  },
  { fixture: 'bad-pack-id.json', problems: [{ file: 'bad-pack-id.json', field: 'pack.id', message: 'must be lower-case letters, digits, dot, dash or underscore' }] },
  { fixture: 'questions-not-array.json', problems: [{ file: 'questions-not-array.json', field: 'questions', message: 'must be a list (JSON array) of questions; found an object' }] },
  { fixture: 'empty-questions.json', problems: [{ file: 'empty-questions.json', message: 'contains no questions' }] },

  // One bad question among good ones
  { fixture: 'missing-answer.json', problems: [{ file: 'missing-answer.json', item: 1, field: 'answer', message: 'is missing' }] },
  { fixture: 'answer-not-a-choice.json', problems: [{ file: 'answer-not-a-choice.json', item: 0, field: 'answer', message: "'F' is not one of A–E" }] },
  { fixture: 'duplicate-ids.json', problems: [{ file: 'duplicate-ids.json', item: 2, field: 'id', message: "duplicate id 'h-001' (also at item 1)" }] },
  {
    fixture: 'script-only-stem.json',
    problems: [
      { file: 'script-only-stem.json', item: 0, field: 'stem', message: 'has no text left once unsafe HTML is removed' },
      { file: 'script-only-stem.json', item: 0, field: 'choices[1].text', message: 'has no text left once unsafe HTML is removed' },
    ],
  },
  { fixture: 'one-choice.json', problems: [{ file: 'one-choice.json', item: 1, field: 'choices', message: 'needs at least 2 choices' }] },
  { fixture: 'choices-27.json', problems: [{ file: 'choices-27.json', item: 1, field: 'choices', message: 'may have at most 26 choices' }] },
  { fixture: 'stem-too-long.json', problems: [{ file: 'stem-too-long.json', item: 1, field: 'stem', message: 'must be at most 20,000 characters' }] },
  { fixture: 'empty-stem.json', problems: [{ file: 'empty-stem.json', item: 0, field: 'stem', message: 'must not be empty' }] },
  { fixture: 'empty-choice-text.json', problems: [{ file: 'empty-choice-text.json', item: 0, field: 'choices[1].text', message: 'must not be empty' }] },
  { fixture: 'difficulty-9.json', problems: [{ file: 'difficulty-9.json', item: 1, field: 'difficulty', message: /<=\s?5/ }] },
  { fixture: 'unknown-exam.json', problems: [{ file: 'unknown-exam.json', item: 0, field: 'exam', message: /"step1"\|"step2ck"\|"step3"/ }] },
  { fixture: 'image-no-alt.json', problems: [{ file: 'image-no-alt.json', item: 0, field: 'images[0].alt', message: 'is missing' }] },

  // Images
  {
    fixture: 'missing-image',
    problems: [{ file: 'missing-image/pack.json', item: 0, field: 'images', message: "image 'media/absent.png' is not in the pack" }],
  },
  {
    fixture: 'image-exe',
    problems: [{ file: 'image-exe/pack.json', field: 'media/payload.exe', message: 'image type .exe is not allowed (png, jpeg, gif, webp or svg)' }],
  },
  {
    fixture: 'fake-png',
    problems: [{ file: 'fake-png/pack.json', field: 'media/tracing.png', message: 'file is not a real PNG image (its contents do not match the extension)' }],
  },
  { fixture: 'svg-not-svg', problems: [{ file: 'svg-not-svg/pack.json', field: 'media/chart.svg', message: 'not an SVG image' }] },

  // Archives
  { fixture: 'zip-traversal.zip', problems: [{ file: 'zip-traversal.zip', field: '../evil.json', message: 'zip entry escapes the pack (absolute path or "..")' }] },
  {
    fixture: 'zip-backslash.zip',
    problems: [{ file: 'zip-backslash.zip', field: 'media\\..\\..\\evil.json', message: 'zip entry escapes the pack (absolute path or "..")' }],
  },
  { fixture: 'zip-absolute.zip', problems: [{ file: 'zip-absolute.zip', field: '/etc/evil.json', message: 'zip entry escapes the pack (absolute path or "..")' }] },
  {
    fixture: 'zip-bomb.zip',
    problems: [{ file: 'zip-bomb.zip', field: 'media/padding.png', message: 'uncompressed size exceeds the 200 MB pack limit (zip bomb?)' }],
  },
  { fixture: 'not-a-zip.zip', problems: [{ file: 'not-a-zip.zip', message: /^not a readable zip archive/ }] },

  // MedQA JSONL
  { fixture: 'medqa-answer-f.jsonl', problems: [{ file: 'medqa-answer-f.jsonl', line: 3, field: 'answer_idx', message: "'F' is not one of A–E" }] },
  { fixture: 'medqa-not-json.jsonl', problems: [{ file: 'medqa-not-json.jsonl', line: 2, message: /^invalid JSON/ }] },
  { fixture: 'medqa-missing-options.jsonl', problems: [{ file: 'medqa-missing-options.jsonl', line: 2, field: 'options', message: /^must be an object/ }] },

  // CSV
  { fixture: 'csv-unbalanced-quote.csv', problems: [{ file: 'csv-unbalanced-quote.csv', line: 3, message: /unclosed quote/ }] },
  { fixture: 'csv-missing-answer.csv', problems: [{ file: 'csv-missing-answer.csv', field: 'answer', message: /no answer column/ }] },
  {
    fixture: 'csv-too-many-fields.csv',
    problems: [{ file: 'csv-too-many-fields.csv', line: 3, message: 'has 6 fields but the header has 5 columns; put a field that contains a comma in double quotes' }],
  },
  { fixture: 'csv-bad-separator.csv', problems: [{ file: 'csv-bad-separator.csv', line: 1, field: '#separator', message: /not comma, semicolon, tab, pipe/ }] },

  // JSON with a field mapping
  { fixture: 'jsonmap-no-mapping.json', problems: [{ file: 'jsonmap-no-mapping.json', field: 'map', message: /^the mapping needs stem, choices and answer/ }] },
];

describe('rejecting hostile input: nothing is written', () => {
  let baseline: ReturnType<typeof digest>;

  beforeAll(async () => {
    t = openTestApi();
    const report = await importOk([BASE_PACK]);
    expect(report.packs.map((p) => [p.key, p.added])).toEqual([['vignette-test-mini', 3]]);
    baseline = digest(t.db);
  });
  afterAll(() => t.close());

  it('starts from a database holding one valid pack', () => {
    expect(baseline.counts).toMatchObject({ packs: 1, questions: 3, choices: 14, questions_fts: 3, media: 0, notes: 0 });
  });

  it.each(REJECT)('$fixture', async ({ fixture, problems }) => {
    const result = await t.api.invoke('packs:import', { paths: [join(HOSTILE, fixture)] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('IMPORT_INVALID');
    const details: Problem[] = result.error.details ?? [];
    // Exactly the expected problems: a hostile file must not also produce a cascade of unrelated messages.
    expect(details).toHaveLength(problems.length);
    for (const p of problems) expect(details).toContainEqual(problemLike(p));
    // The message summarises the first problem, naming the file.
    expect(result.error.message).toContain(problems[0]!.file.split('/')[0]!);
    expect(digest(t.db)).toEqual(baseline);
  });

  it('rejects an image over 10 MB, built at test time', async () => {
    const tmp = tempDir('vignette-big-image-');
    try {
      const folder = join(tmp.dir, 'big-image');
      mkdirSync(join(folder, 'media'), { recursive: true });
      const png = new Uint8Array(LIMITS.imageBytes + 1);
      png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      writeFileSync(join(folder, 'media/huge.png'), png);
      writeFileSync(
        join(folder, 'pack.json'),
        JSON.stringify({
          format: 'vignette-pack/1',
          pack: { id: 'hostile-big-image', title: 'Big image', version: '1' },
          questions: [
            { id: 'h-001', stem: 'Which finding is shown?', choices: [{ text: 'A' }, { text: 'B' }], answer: 'A', images: [{ file: 'media/huge.png', alt: 'Huge' }] },
          ],
        }),
      );
      const result = await t.api.invoke('packs:import', { paths: [folder] });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('IMPORT_INVALID');
      expect(result.error.details).toEqual([{ file: 'big-image/pack.json', field: 'media/huge.png', message: 'image is 10.0 MB; the limit is 10 MB' }]);
      expect(digest(t.db)).toEqual(baseline);
    } finally {
      tmp.cleanup();
    }
  });

  it('is all-or-nothing across files: one bad file keeps the good one out too', async () => {
    const result = await t.api.invoke('packs:import', { paths: [join(HOSTILE, 'bom-crlf.json'), join(HOSTILE, 'answer-not-a-choice.json')] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.details).toEqual([{ file: 'answer-not-a-choice.json', item: 0, field: 'answer', message: "'F' is not one of A–E" }]);
    expect(digest(t.db)).toEqual(baseline);
  });

  it('reports every problem of a file, not just the first', async () => {
    const result = await t.api.invoke('packs:import', { paths: [join(HOSTILE, 'answer-not-a-choice.json'), join(HOSTILE, 'medqa-answer-f.jsonl')] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/^2 problems found; nothing was imported\. First: answer-not-a-choice\.json · item 1 · answer: 'F' is not one of A–E$/);
    expect(result.error.details).toEqual([
      { file: 'answer-not-a-choice.json', item: 0, field: 'answer', message: "'F' is not one of A–E" },
      { file: 'medqa-answer-f.jsonl', line: 3, field: 'answer_idx', message: "'F' is not one of A–E" },
    ]);
    expect(digest(t.db)).toEqual(baseline);
  });

  it('the digest notices a real write (so the checks above can fail)', async () => {
    const scratch = openTestApi();
    try {
      await scratch.api.call('packs:import', { paths: [BASE_PACK] });
      const before = digest(scratch.db);
      await scratch.api.call('packs:import', { paths: [join(HOSTILE, 'bom-crlf.json')] });
      expect(digest(scratch.db)).not.toEqual(before);
    } finally {
      scratch.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Sanitising fixtures

describe('sanitising hostile content: imports, with the dangerous parts gone', () => {
  beforeAll(async () => {
    t = openTestApi();
    await importOk([BASE_PACK]);
  });
  afterAll(() => t.close());

  it('<script> in stem, choices and explanations is removed, the text kept', async () => {
    const report = await importOk([join(HOSTILE, 'stem-script.json')]);
    expect(report.packs.map((p) => [p.key, p.added])).toEqual([['hostile-stem-script', 1]]);
    expectSafe(storedHtml(t.db, 'hostile-stem-script'));
    const q = questionRow(t.db, 'hostile-stem-script', 'h-001')!;
    expect(htmlToText(q.stem_html)).toBe('A 30-year-old woman has palpitations. Which of the following is the most likely diagnosis?');
    expect(htmlToText(q.explanation_html)).toBe('Heat intolerance and weight loss point to hyperthyroidism.');
    expect(choiceHtml(t.db, q.id).map(htmlToText)).toEqual(['Graves disease', 'Panic disorder', 'Pheochromocytoma']);
    // The search text is built from the sanitised HTML too.
    const fts = t.db.prepare('SELECT stem, choices, explanation FROM questions_fts WHERE rowid = ?').get(q.id) as Record<string, string>;
    expect(Object.values(fts).join('\n')).not.toMatch(/alert|script|cookie/i);
  });

  it('<img onerror> and other event handlers are removed', async () => {
    await importOk([join(HOSTILE, 'img-onerror.json')]);
    expectSafe(storedHtml(t.db, 'hostile-img-onerror'));
    const q = questionRow(t.db, 'hostile-img-onerror', 'h-001')!;
    expect(htmlToText(q.stem_html)).toBe('A 50-year-old man has jaundice. Which of the following is the most likely cause?');
    expect(choiceHtml(t.db, q.id)).toContain('<b>Pancreatic cancer</b>');
  });

  it('javascript: and data: links lose their href; an https link opens outside the app', async () => {
    await importOk([join(HOSTILE, 'javascript-link.json')]);
    expectSafe(storedHtml(t.db, 'hostile-javascript-link'));
    const q = questionRow(t.db, 'hostile-javascript-link', 'h-001')!;
    expect(q.stem_html).not.toMatch(/href/);
    expect(htmlToText(q.stem_html)).toBe('See the guideline and this and data. Which drug lowers LDL most?');
    expect(q.explanation_html).toContain('<a href="https://www.ahajournals.org/" target="_blank" rel="noopener noreferrer">AHA</a>');
    expect(choiceHtml(t.db, q.id)[0]).not.toMatch(/href/);
  });

  it('remote images (Markdown and <img>) are dropped, not linked; a Markdown image keeps its alt text', async () => {
    await importOk([join(HOSTILE, 'remote-image.json')]);
    expectSafe(storedHtml(t.db, 'hostile-remote-image'));
    const q = questionRow(t.db, 'hostile-remote-image', 'h-001')!;
    expect(htmlToText(q.stem_html)).toMatch(/^x A chest radiograph is shown\.\s+Which of the following is the most likely diagnosis\?$/);
    expect(q.stem_html).not.toMatch(/https?:/);
    expect(t.db.prepare('SELECT count(*) FROM question_media WHERE question_id = ?').pluck().get(q.id)).toBe(0);
    expect(t.db.prepare('SELECT count(*) FROM media m JOIN packs p ON p.id = m.pack_id WHERE p.key = ?').pluck().get('hostile-remote-image')).toBe(0);
  });

  it('<style> elements, style= attributes and <link> are removed', async () => {
    await importOk([join(HOSTILE, 'style.json')]);
    expectSafe(storedHtml(t.db, 'hostile-style'));
    const q = questionRow(t.db, 'hostile-style', 'h-001')!;
    expect(htmlToText(q.stem_html)).toBe('Click me A 20-year-old has a rash. Which of the following is the most likely diagnosis?');
    expect(q.stem_html).not.toContain('display');
    expect(htmlToText(q.explanation_html)).toBe('Koplik spots');
  });

  it('the same hostile HTML in a CSV is sanitised the same way', async () => {
    await importOk([join(HOSTILE, 'csv-script.csv')]);
    expectSafe(storedHtml(t.db, 'csv-script'));
    const q = questionRow(t.db, 'csv-script', 'c1')!;
    expect(htmlToText(q.stem_html)).toBe('Which vitamin deficiency causes scurvy?');
    expect(choiceHtml(t.db, q.id).map(htmlToText)).toEqual(['Vitamin A', 'Vitamin C', 'Vitamin D']);
    // The remote Markdown image in the explanation leaves its alt text ('t'), never its URL.
    expect(htmlToText(q.explanation_html)).toBe('Collagen hydroxylation needs vitamin C. t');
    expect(q.explanation_html).not.toMatch(/https?:/);
  });

  it('an SVG with <script>, handlers, foreignObject and external references is stored sanitised, not rejected', async () => {
    const report = await importOk([join(HOSTILE, 'svg-script')]);
    expect(report.packs.map((p) => [p.key, p.added])).toEqual([['hostile-svg-script', 2]]);
    const media = t.db
      .prepare('SELECT m.id, m.name, m.mime, m.bytes FROM media m JOIN packs p ON p.id = m.pack_id WHERE p.key = ?')
      .all('hostile-svg-script') as { id: number; name: string; mime: string; bytes: Buffer }[];
    expect(media.map((m) => [m.name, m.mime])).toEqual([['media/evil.svg', 'image/svg+xml']]);
    const svg = Buffer.from(media[0]!.bytes).toString('utf8');
    expect(svg).toMatch(/^<svg[^>]*\sxmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('<title>Left ventricular and aortic pressure</title>');
    expect(svg).toContain('<polyline points="10,90 50,20 90,90"');
    for (const pattern of [/<script/i, /\son\w+\s*=/i, /foreignObject/i, /<iframe/i, /javascript:/i, /evil\.example/i, /<style/i, /<image/i, /<use/i, /<animate/i, /<set/i, /href/i, /alert/i]) {
      expect(svg).not.toMatch(pattern);
    }
    // The API serves the same sanitised bytes.
    const served = await t.api.call('media:get', { id: media[0]!.id });
    expect(Buffer.from(served.base64, 'base64').toString('utf8')).toBe(svg);
    // One image record per use: by the images list (stem) and by Markdown in an explanation.
    const links = t.db
      .prepare(
        `SELECT q.source_id, qm.placement, qm.alt, qm.media_id FROM question_media qm JOIN questions q ON q.id = qm.question_id
         JOIN packs p ON p.id = q.pack_id WHERE p.key = ? ORDER BY q.source_id`,
      )
      .raw()
      .all('hostile-svg-script');
    expect(links).toEqual([
      ['h-001', 'stem', 'Pressure tracing', media[0]!.id],
      ['h-002', 'explanation', 'Pressure tracing again', media[0]!.id],
    ]);
    expectSafe(storedHtml(t.db, 'hostile-svg-script'));
    expect(storedHtml(t.db, 'hostile-svg-script').join('\n')).not.toContain('media/evil.svg');
  });

  it('SVGs as editors write them (DOCTYPE with entities, no xmlns after a blank line) are stored as well-formed SVG images', async () => {
    // Shown through <img>, an SVG must parse as XML with an <svg> root in the SVG namespace, or the browser shows nothing.
    const report = await importOk([join(HOSTILE, 'svg-illustrator')]);
    expect(report.packs.map((p) => [p.key, p.added])).toEqual([['hostile-svg-illustrator', 2]]);
    const media = t.db
      .prepare('SELECT m.name, m.bytes FROM media m JOIN packs p ON p.id = m.pack_id WHERE p.key = ? ORDER BY m.name')
      .all('hostile-svg-illustrator') as { name: string; bytes: Buffer }[];
    expect(media.map((m) => m.name)).toEqual(['media/figure.svg', 'media/hand-written.svg']);
    const { DOMParser } = new JSDOM('').window;
    for (const m of media) {
      const svg = Buffer.from(m.bytes).toString('utf8');
      expect(svg, m.name).not.toMatch(/ENTITY|&gt;\s*<svg/);
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      expect([doc.documentElement.nodeName, doc.documentElement.namespaceURI], `${m.name}: ${svg.slice(0, 80)}`).toEqual(['svg', 'http://www.w3.org/2000/svg']);
    }
  });

  it('a BOM and CRLF line ends do not matter', async () => {
    const report = await importOk([join(HOSTILE, 'bom-crlf.json')]);
    expect(report.packs).toEqual([expect.objectContaining({ key: 'hostile-bom-crlf', format: 'native', added: 2, total: 2 })]);
    expect(report.warnings).toEqual([]);
    const q = questionRow(t.db, 'hostile-bom-crlf', 'h-001')!;
    expect(q.explanation_html).toBe('<p>Line one.<br>Line two.</p>\n');
    expect(storedHtml(t.db, 'hostile-bom-crlf').join('')).not.toMatch(/\r|\uFEFF/);
  });

  it('an unknown system imports with a warning and is kept as a tag; a known one in other spelling is canonicalised', async () => {
    const report = await importOk([join(HOSTILE, 'unknown-system.json')]);
    expect(report.packs.map((p) => p.added)).toEqual([2]);
    expect(report.warnings).toEqual([{ file: 'unknown-system.json', item: 0, field: 'system', message: "'Cardiac Stuff' is not a USMLE system; kept as a tag" }]);
    const q1 = questionRow(t.db, 'hostile-unknown-system', 'h-001')!;
    expect(q1.system).toBeNull();
    expect(tagsOf(t.db, q1.id)).toEqual(['Cardiac Stuff']);
    const q2 = questionRow(t.db, 'hostile-unknown-system', 'h-002')!;
    expect(q2.system).toBe('Cardiovascular');
    expect(tagsOf(t.db, q2.id)).toEqual([]);
  });

  it('__proto__ and constructor keys neither pollute prototypes nor reach the database', async () => {
    await importOk([join(HOSTILE, 'proto-pollution.json')]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const q = questionRow(t.db, 'hostile-proto-pollution', 'h-001')!;
    expect(JSON.stringify(q)).not.toContain('polluted');
  });

  it('a valid pack whose "format" key comes after a long "pack" block is still a pack', async () => {
    // JSON key order carries no meaning; detection must not depend on the format string being in the first 2,000 bytes.
    const report = await importOk([join(HOSTILE, 'format-key-last.json')]);
    expect(report.packs).toEqual([expect.objectContaining({ key: 'hostile-format-key-last', format: 'native', added: 1 })]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// skipInvalid and dryRun

describe('skipInvalid and dryRun', () => {
  beforeAll(async () => {
    t = openTestApi();
    await importOk([BASE_PACK]);
  });
  afterAll(() => t.close());

  const sourceIds = (key: string) =>
    t.db.prepare('SELECT q.source_id FROM questions q JOIN packs p ON p.id = q.pack_id WHERE p.key = ? ORDER BY q.source_id').pluck().all(key);

  it('skipInvalid imports the valid items and lists the invalid ones in report.rejected', async () => {
    const report = await importOk([join(HOSTILE, 'answer-not-a-choice.json'), join(HOSTILE, 'medqa-answer-f.jsonl'), join(HOSTILE, 'csv-too-many-fields.csv')], {
      skipInvalid: true,
    });
    expect(report.dryRun).toBe(false);
    expect(report.packs.map((p) => [p.key, p.format, p.added, p.total])).toEqual([
      ['hostile-answer-not-a-choice', 'native', 2, 2],
      ['medqa-answer-f', 'medqa', 2, 2],
      ['csv-too-many-fields', 'csv', 2, 2],
    ]);
    expect(report.rejected).toEqual([
      { file: 'answer-not-a-choice.json', item: 0, field: 'answer', message: "'F' is not one of A–E" },
      { file: 'medqa-answer-f.jsonl', line: 3, field: 'answer_idx', message: "'F' is not one of A–E" },
      { file: 'csv-too-many-fields.csv', line: 3, message: 'has 6 fields but the header has 5 columns; put a field that contains a comma in double quotes' },
    ]);
    expect(sourceIds('hostile-answer-not-a-choice')).toEqual(['h-002', 'h-003']);
    expect(sourceIds('csv-too-many-fields')).toEqual(['c1', 'c3']);
    expect(sourceIds('medqa-answer-f')).toHaveLength(2);
  });

  it('skipInvalid drops the question whose image is bad and keeps the rest', async () => {
    const report = await importOk([join(HOSTILE, 'fake-png')], { skipInvalid: true });
    expect(report.packs.map((p) => [p.key, p.added])).toEqual([['hostile-fake-png', 1]]);
    expect(report.rejected).toEqual([
      { file: 'fake-png/pack.json', field: 'media/tracing.png', message: 'file is not a real PNG image (its contents do not match the extension)' },
    ]);
    expect(sourceIds('hostile-fake-png')).toEqual(['h-002']);
    expect(t.db.prepare('SELECT count(*) FROM media m JOIN packs p ON p.id = m.pack_id WHERE p.key = ?').pluck().get('hostile-fake-png')).toBe(0);
  });

  it('skipInvalid does not retire a question that is still in the file, only invalid now', async () => {
    // mini-002 gets an answer that is not a choice: it is rejected, and its imported version must stay as it was.
    const tmp = tempDir('vignette-skip-');
    try {
      const pack = JSON.parse(readFileSync(BASE_PACK, 'utf8')) as { questions: { id: string; answer: string }[] };
      pack.questions[1]!.answer = 'Z';
      const path = join(tmp.dir, 'mini-typo.json');
      writeFileSync(path, JSON.stringify(pack));
      const before = digest(t.db);
      const report = await importOk([path], { skipInvalid: true });
      expect(report.rejected).toEqual([{ file: 'mini-typo.json', item: 1, field: 'answer', message: "'Z' is not one of A–D" }]);
      expect(report.packs.map((p) => [p.key, p.added, p.updated, p.unchanged, p.retired])).toEqual([['vignette-test-mini', 0, 0, 2, 0]]);
      expect(t.db.prepare("SELECT source_id, retired FROM questions q JOIN packs p ON p.id = q.pack_id WHERE p.key = 'vignette-test-mini' ORDER BY source_id").raw().all()).toEqual([
        ['mini-001', 0],
        ['mini-002', 0],
        ['mini-003', 0],
      ]);
      expect(digest(t.db).counts).toEqual(before.counts);
    } finally {
      tmp.cleanup();
    }
  });

  it('dryRun writes nothing but reports exact counts, rejections and a preview', async () => {
    const before = digest(t.db);
    const report = await importOk([join(HOSTILE, 'missing-answer.json')], { skipInvalid: true, dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.packs.map((p) => [p.key, p.added, p.updated, p.unchanged, p.retired, p.total])).toEqual([['hostile-missing-answer', 2, 0, 0, 0, 2]]);
    expect(report.rejected).toEqual([{ file: 'missing-answer.json', item: 1, field: 'answer', message: 'is missing' }]);
    expect(report.preview.map((p) => [p.sourceId, p.choiceCount, p.exam, p.system])).toEqual([
      ['h-001', 5, 'step1', 'Cardiovascular'],
      ['h-003', 5, 'step1', 'Cardiovascular'],
    ]);
    expect(report.preview[0]!.stem).toBe('Question 1: a 40-year-old man has crushing chest pain for 2 hours. Which of the following is the most likely diagnosis?');
    expect(digest(t.db)).toEqual(before);
  });

  it('dryRun of a new version reports added / updated / unchanged / retired without writing', async () => {
    const before = digest(t.db);
    const report = await importOk([join(FIXTURES, 'packs/mini-v2.json')], { dryRun: true });
    expect(report.packs.map((p) => [p.key, p.added, p.updated, p.unchanged, p.retired, p.total])).toEqual([['vignette-test-mini', 1, 1, 1, 1, 3]]);
    expect(report.rejected).toEqual([]);
    expect(digest(t.db)).toEqual(before);
    // And a real import afterwards gives the same counts: the dry run left nothing behind.
    const real = await importOk([join(FIXTURES, 'packs/mini-v2.json')]);
    expect(real.packs.map((p) => [p.added, p.updated, p.unchanged, p.retired])).toEqual([[1, 1, 1, 1]]);
    expect(digest(t.db)).not.toEqual(before);
  });
});
