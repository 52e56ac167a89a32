/** Notes end to end on a real SQLite file: vault on disk → parse → write in a transaction → search, get, related. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupsFromPaths } from '../../src/main/core/bank/sources';
import { openDatabase, type Db } from '../../src/main/core/db/open';
import { parseNotes, writeNotes } from '../../src/main/core/notes/importNotes';
import { getNote, matchExpression, noteMedia, relatedNotes, searchNotes } from '../../src/main/core/notes/queries';

// A local temp-dir helper: tests/helpers/db.ts also builds the whole API, which these tests do not need.
const VAULT = resolve(__dirname, '../fixtures/notes-vault');
const T0 = Date.UTC(2026, 10, 1, 9, 0, 0);

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vignette-notes-'));
  db = openDatabase(join(dir, 'vignette.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function importVault(path: string, now: number) {
  const [group] = groupsFromPaths([path]);
  const parsed = parseNotes(group!);
  expect(parsed.problems).toEqual([]);
  return db.transaction(() => writeNotes(db, parsed.notes, now))();
}

const idOf = (title: string) => (db.prepare('SELECT id FROM notes WHERE title = ?').pluck().get(title) as number | undefined) ?? -1;
const titles = (notes: { title: string }[]) => notes.map((n) => n.title);

describe('importing a vault', () => {
  it('writes every note with its tags, system, media and search text', () => {
    expect(importVault(VAULT, T0)).toEqual({ added: 4, updated: 0, unchanged: 0 });

    const as = getNote(db, idOf('Aortic stenosis'));
    expect(as).toMatchObject({
      origin: 'imported',
      title: 'Aortic stenosis',
      tags: ['Cardiology', 'murmurs', 'valve-replacement', 'Valves'],
      system: 'Cardiovascular',
      questionId: null,
      updatedAt: T0,
    });
    expect(as.bodyMd).not.toContain('![');
    expect(as.bodyHtml).toContain('<li>Classic triad: syncope, angina, dyspnea on exertion.</li>');
    expect(as.snippet.startsWith('Crescendo-decrescendo systolic ejection murmur')).toBe(true);
    const media = noteMedia(db, as.id);
    expect(media.map((m) => [m.name, m.mime])).toEqual([['Cardiology/Valves/img/as-gradient.svg', 'image/svg+xml']]);
    // The note as the Notes screen receives it carries its images.
    expect(as.images.map((m) => m.name)).toEqual(['Cardiology/Valves/img/as-gradient.svg']);
    expect(Buffer.from(media[0]!.base64, 'base64').toString('utf8')).toContain('<title>Left ventricular and aortic pressure in aortic stenosis</title>');

    const hf = getNote(db, idOf('Heart failure with reduced ejection fraction'));
    expect(hf.tags).toEqual(['Cardiology', 'heart-failure', 'hfref', 'pharmacology']);
    // "## Therapy" is demoted to h4: the app's HTML keeps h3–h5 only.
    expect(hf.bodyHtml).toContain('<h4>Therapy that lowers mortality</h4>');
    expect(hf.bodyHtml).toContain('see Loop diuretics.');

    const nephrotic = getNote(db, idOf('Nephrotic syndrome: overview'));
    expect(nephrotic).toMatchObject({ tags: ['kidney', 'proteinuria', 'Renal'], system: 'Renal & Urinary' });
    expect(nephrotic.bodyHtml).toContain('<td>Membranous nephropathy</td>');
    expect(getNote(db, idOf('Loop diuretics'))).toMatchObject({ tags: ['Renal'], system: null });

    const discipline = db.prepare('SELECT discipline FROM notes WHERE title = ?').pluck().get('Aortic stenosis');
    expect(discipline).toBe('Pathology');
    expect(db.prepare('SELECT count(*) FROM notes_fts').pluck().get()).toBe(4);
  });

  it('counts an identical re-import as unchanged and an edited note as updated', () => {
    importVault(VAULT, T0);
    expect(importVault(VAULT, T0 + 1000)).toEqual({ added: 0, updated: 0, unchanged: 4 });

    const copy = join(dir, 'notes-vault');
    cpSync(VAULT, copy, { recursive: true });
    const hfPath = join(copy, 'Cardiology/Heart failure.md');
    writeFileSync(hfPath, readFileSync(hfPath, 'utf8').replace('40% or less', '40% or below; digoxin eases symptoms').replace('  - heart-failure\n', ''));
    expect(importVault(copy, T0 + 2000)).toEqual({ added: 0, updated: 1, unchanged: 3 });
    // A changed image alone makes its note updated.
    const svgPath = join(copy, 'Cardiology/Valves/img/as-gradient.svg');
    writeFileSync(svgPath, readFileSync(svgPath, 'utf8').replace('#c0392b', '#8e44ad'));
    expect(importVault(copy, T0 + 2000)).toEqual({ added: 0, updated: 1, unchanged: 3 });
    const svg = Buffer.from(noteMedia(db, idOf('Aortic stenosis'))[0]!.base64, 'base64').toString('utf8');
    expect(svg).toContain('stroke="#8e44ad"');

    const hf = getNote(db, idOf('Heart failure with reduced ejection fraction'));
    expect(hf.updatedAt).toBe(T0 + 2000);
    expect(hf.tags).toEqual(['Cardiology', 'hfref', 'pharmacology']);
    expect(getNote(db, idOf('Loop diuretics')).updatedAt).toBe(T0);
    // The search index follows the edit: the new word is found, the old one is gone, and there is still one row per note.
    expect(titles(searchNotes(db, 'digoxin', 10))).toEqual(['Heart failure with reduced ejection fraction']);
    expect(searchNotes(db, 'less', 10)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM notes_fts').pluck().get()).toBe(4);
  });

  it('rolls back with the caller when the transaction fails', () => {
    const [group] = groupsFromPaths([VAULT]);
    const { notes } = parseNotes(group!);
    const failing = db.transaction(() => {
      writeNotes(db, notes, T0);
      throw new Error('dry run');
    });
    expect(failing).toThrow('dry run');
    expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);
  });
});

describe('searchNotes', () => {
  beforeEach(() => void importVault(VAULT, T0));

  it('finds a prefix of the last word and marks matches with \\u0001 … \\u0002', () => {
    const hits = searchNotes(db, 'calcif', 10);
    expect(titles(hits)).toEqual(['Aortic stenosis']);
    expect(hits[0]!.snippet).toContain('age-related \u0001calcification\u0002 (usually after 70)');
    expect(hits[0]!.tags).toEqual(['Cardiology', 'murmurs', 'valve-replacement', 'Valves']);
  });

  it('requires every word and ranks a title match first', () => {
    expect(titles(searchNotes(db, 'loop diuretics', 10))).toEqual(['Loop diuretics', 'Heart failure with reduced ejection fraction']);
    expect(titles(searchNotes(db, 'loop nephrotic', 10))).toEqual([]);
    expect(titles(searchNotes(db, 'loop diuretics', 1))).toEqual(['Loop diuretics']);
  });

  it('treats quotes and operators as text, never as FTS syntax', () => {
    expect(titles(searchNotes(db, '"antithrombin OR (NEAR', 10))).toEqual(['Nephrotic syndrome: overview']);
    expect(titles(searchNotes(db, 'Na-K-2Cl', 10))).toEqual(['Loop diuretics']);
  });

  it('lists the most recently updated notes with a plain-text preview for an empty query', () => {
    db.prepare('UPDATE notes SET updated_at = ? WHERE title = ?').run(T0 + 5000, 'Aortic stenosis');
    const recent = searchNotes(db, '  ', 2);
    expect(titles(recent)).toEqual(['Aortic stenosis', 'Nephrotic syndrome: overview']);
    // The first 200 characters of the note's text: list markers and markup gone, paragraphs kept apart.
    expect(recent[0]!.snippet).toBe(
      'Crescendo-decrescendo systolic ejection murmur at the right upper sternal border, radiating to the carotids.\n\nCauses: age-related calcification (usually after 70), bicuspid valve (earlier), rheumatic ',
    );
    expect(recent[0]!.snippet).toHaveLength(200);
  });

  it('builds safe MATCH expressions', () => {
    expect(matchExpression('heart  fail')).toBe('"heart" "fail"*');
    expect(matchExpression('"x" AND y*')).toBe('"x" "y"*');
    expect(matchExpression(' - * ')).toBeNull();
  });
});

describe('getNote', () => {
  it('throws NOT_FOUND for a missing note', () => {
    expect(() => getNote(db, 999)).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: 'Note 999 not found' }));
  });
});

describe('relatedNotes', () => {
  it('puts the user note on the question first, then tag and topic matches, then same-system notes', () => {
    importVault(VAULT, T0);
    const pack = db
      .prepare(`INSERT INTO packs (key, title, version, source_format, source_name, imported_at, updated_at) VALUES ('t', 'Test', '1', 'native', 't.json', ?, ?)`)
      .run(T0, T0).lastInsertRowid;
    const question = Number(
      db
        .prepare(
          `INSERT INTO questions (pack_id, source_id, hash, system, topic, stem_html, answer_index, choice_count, created_at, updated_at)
           VALUES (?, 'q1', 'h', 'Cardiovascular', 'aortic stenosis', '<p>A 78-year-old man faints while climbing stairs.</p>', 0, 4, ?, ?)`,
        )
        .run(pack, T0, T0).lastInsertRowid,
    );
    const murmurs = db.prepare('SELECT id FROM tags WHERE name = ?').pluck().get('murmurs');
    db.prepare('INSERT INTO question_tags (question_id, tag_id) VALUES (?, ?)').run(question, murmurs);
    db.prepare(
      `INSERT INTO notes (origin, question_id, title, body_md, body_html, created_at, updated_at) VALUES ('user', ?, 'My note', 'Check carotids', '<p>Check carotids</p>', ?, ?)`,
    ).run(question, T0, T0);

    const related = relatedNotes(db, question);
    expect(titles(related)).toEqual(['My note', 'Aortic stenosis', 'Heart failure with reduced ejection fraction']);
    expect(related[0]).toMatchObject({ origin: 'user', questionId: question, tags: [], snippet: '' });
    expect(titles(relatedNotes(db, question, 2))).toEqual(['My note', 'Aortic stenosis']);
    expect(relatedNotes(db, 12345)).toEqual([]);
  });
});
