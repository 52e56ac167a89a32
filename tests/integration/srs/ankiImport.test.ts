/**
 * Anki packages end to end through `packs:import` on a real SQLite file: each layout, built in the test the way Anki
 * lays it out, imports with the right flashcards, cards, media and review history; re-importing changes nothing;
 * each malformed variant is refused with its message, naming the file, and leaves the database unchanged.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/main/core/db/open';
import { buildPackage, PNG, sampleDeck, T0, type Layout } from '../../helpers/ankiPackage';
import { openTestApi, type TestApi } from '../../helpers/db';

const TABLES = ['flashcards', 'flashcard_tags', 'tags', 'cards', 'review_log', 'card_media'];
const DAY = 86_400_000;

function snapshot(db: Db): string {
  const hash = createHash('sha256');
  for (const table of TABLES) hash.update(JSON.stringify(db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()));
  return hash.digest('hex');
}

let t: TestApi;
beforeEach(() => {
  t = openTestApi();
  t.clock.set(T0 + 30 * DAY);
});
afterEach(() => t.close());

function writePackage(name: string, bytes: Uint8Array): string {
  const path = join(t.dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe.each<Layout>(['legacy1', 'legacy2', 'latest'])('importing a %s package', (layout) => {
  it('creates flashcards, cards, media and the replayed review history; a re-import changes nothing', async () => {
    const path = writePackage('deck.apkg', buildPackage(layout, sampleDeck()));
    const report = await t.api.call('packs:import', { paths: [path] });
    const summary = report.anki![0]!;
    expect(summary).toMatchObject({
      file: 'deck.apkg',
      layout,
      notes: 4,
      flashcards: { added: 4, updated: 0, unchanged: 0 }, // basic 1 + reversed 2 + cloze 1
      cards: { added: 5, updated: 0, unchanged: 0 }, // basic 1 + reversed 2 + cloze c1, c2
      reviews: { added: 6, notReplayed: 0 },
      media: { added: 1, unchanged: 0 },
    });
    expect(summary.skipped).toEqual([{ reason: expect.stringMatching(/image occlusion/), count: 1 }]);

    const db = t.db;
    const basic = db.prepare("SELECT * FROM flashcards WHERE front_md LIKE 'What nerve%'").get() as { id: number; kind: string; back_md: string; origin: string };
    expect(basic).toMatchObject({ kind: 'basic', origin: 'anki' });
    expect(basic.back_md).toBe('Phrenic nerve (C3–C5)\n![](heart.png)');
    const tags = db.prepare('SELECT t.name FROM flashcard_tags ft JOIN tags t ON t.id = ft.tag_id WHERE ft.flashcard_id = ? ORDER BY t.name').pluck().all(basic.id);
    expect(tags).toEqual(['anatomy', 'high_yield', 'Step 1::Cardio']);

    const reversed = db.prepare("SELECT front_md, back_md FROM flashcards WHERE origin_key LIKE 'anki:guid12:%' ORDER BY origin_key").all();
    expect(reversed).toEqual([
      { front_md: 'ACE inhibitor cough', back_md: 'Bradykinin' },
      { front_md: 'Bradykinin', back_md: 'ACE inhibitor cough' },
    ]);
    const cloze = db.prepare("SELECT id, kind, front_md, back_md FROM flashcards WHERE origin_key = 'anki:guid13:13'").get() as { id: number; kind: string; front_md: string; back_md: string };
    expect(cloze).toMatchObject({ kind: 'cloze', front_md: '{{c1::Digoxin}} inhibits the {{c2::Na/K ATPase::pump}}', back_md: 'Narrow therapeutic index' });
    expect(db.prepare('SELECT ord FROM cards WHERE flashcard_id = ? ORDER BY ord').pluck().all(cloze.id)).toEqual([1, 2]);

    // The suspended reversed card stays suspended; the reviewed basic card ends in review state after its 3 answers.
    expect(db.prepare("SELECT c.suspended FROM cards c JOIN flashcards f ON f.id = c.flashcard_id WHERE f.origin_key = 'anki:guid12:12:1'").pluck().get()).toBe(1);
    const reviewed = db.prepare('SELECT * FROM cards WHERE flashcard_id = ?').get(basic.id) as { state: number; reps: number; last_review: number; due: number; stability: number };
    expect(reviewed).toMatchObject({ state: 2, reps: 3, last_review: T0 + DAY });
    expect(reviewed.stability).toBeGreaterThan(0);
    expect(reviewed.due).toBeGreaterThan(T0 + DAY);
    const logs = db.prepare("SELECT rating, review, state, new_state, source, duration_ms FROM review_log WHERE card_id = (SELECT id FROM cards WHERE flashcard_id = ?) ORDER BY review").all(basic.id);
    expect(logs).toEqual([
      { rating: 3, review: T0, state: 0, new_state: 1, source: 'anki', duration_ms: 8000 },
      { rating: 3, review: T0 + 600_000, state: 1, new_state: 2, source: 'anki', duration_ms: 6000 },
      { rating: 3, review: T0 + DAY, state: 2, new_state: 2, source: 'anki', duration_ms: 4000 },
    ]);
    // The cloze c1 card was still in its learning steps when it got Again (not a lapse in FSRS), then Good.
    const c1 = db.prepare('SELECT lapses, reps, last_review FROM cards WHERE flashcard_id = ? AND ord = 1').get(cloze.id);
    expect(c1).toEqual({ lapses: 0, reps: 3, last_review: T0 + 2 * DAY + 600_000 });
    expect(new Uint8Array(db.prepare("SELECT bytes FROM card_media WHERE name = 'heart.png'").pluck().get() as Buffer)).toEqual(PNG);

    const before = snapshot(db);
    const again = await t.api.call('packs:import', { paths: [path] });
    expect(again.anki![0]).toMatchObject({
      flashcards: { added: 0, updated: 0, unchanged: 4 },
      cards: { added: 0, updated: 0, unchanged: 5 },
      reviews: { added: 0 },
      media: { added: 0, unchanged: 1 },
    });
    expect(snapshot(db)).toBe(before);
  });
});

describe('re-importing a deck studied further in Anki', () => {
  it('adds the new history to a card never reviewed here, and leaves a card reviewed here alone with a warning', async () => {
    await t.api.call('packs:import', { paths: [writePackage('v1.apkg', buildPackage('legacy2', sampleDeck()))] });
    const later = sampleDeck();
    later.revlog.push({ id: T0 + 5 * DAY, cid: 101, ease: 3, type: 1, ivl: 10, lastIvl: 4 }, { id: T0 + 6 * DAY, cid: 104, ease: 4, type: 1, ivl: 5, lastIvl: 1 });
    // Card 104 (cloze c1) is answered in Vignette before the second import.
    const cloze = t.db.prepare("SELECT c.id FROM cards c JOIN flashcards f ON f.id = c.flashcard_id WHERE f.origin_key = 'anki:guid13:13' AND c.ord = 1").pluck().get() as number;
    t.db.prepare("INSERT INTO review_log (card_id, rating, review, state, due, stability, difficulty, scheduled_days, learning_steps, new_state, new_due, new_stability, new_difficulty, new_scheduled_days, new_learning_steps) VALUES (?, 3, ?, 2, 0, 1, 5, 1, 0, 2, 0, 2, 5, 2, 0)").run(cloze, T0 + 29 * DAY);

    const report = await t.api.call('packs:import', { paths: [writePackage('v2.apkg', buildPackage('legacy2', later))] });
    expect(report.anki![0]).toMatchObject({ cards: { added: 0, updated: 1, unchanged: 4 }, reviews: { added: 1 } });
    expect(report.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/reviews in Vignette since the last import/)]);
    const basic = t.db.prepare("SELECT c.reps, c.last_review FROM cards c JOIN flashcards f ON f.id = c.flashcard_id WHERE f.origin_key = 'anki:guid11:11:0'").get();
    expect(basic).toEqual({ reps: 4, last_review: T0 + 5 * DAY });
    expect(t.db.prepare("SELECT count(*) FROM review_log WHERE card_id = ? AND source = 'anki'").pluck().get(cloze)).toBe(3);
  });
});

describe('a database from before origin keys carried the Anki note id', () => {
  it('adopts its flashcards (same history or same text) instead of duplicating the deck, and a re-import changes nothing', async () => {
    const path = writePackage('deck.apkg', buildPackage('legacy2', sampleDeck()));
    await t.api.call('packs:import', { paths: [path] });
    // Turn the keys back into the old form (guid + ord), as an earlier version wrote them.
    t.db.prepare("UPDATE flashcards SET origin_key = replace(origin_key, 'anki:guid11:11:', 'anki:guid11:')").run();
    t.db.prepare("UPDATE flashcards SET origin_key = replace(origin_key, 'anki:guid12:12:', 'anki:guid12:')").run();
    t.db.prepare("UPDATE flashcards SET origin_key = 'anki:guid13' WHERE origin_key = 'anki:guid13:13'").run();
    t.db.prepare("UPDATE review_log SET source_key = replace(replace(source_key, 'anki:guid11:11:', 'anki:guid11:'), 'anki:guid13:13:', 'anki:guid13:')").run();
    const cards = t.db.prepare('SELECT count(*) FROM cards').pluck().get();
    const again = await t.api.call('packs:import', { paths: [path] });
    expect(again.anki![0]).toMatchObject({ deckCards: 6, cards: { added: 0, updated: 0, unchanged: 5 }, reviews: { added: 0 } });
    expect(t.db.prepare('SELECT count(*) FROM cards').pluck().get()).toBe(cards);
    expect(t.db.prepare("SELECT count(*) FROM review_log WHERE source_key LIKE 'anki:guid11:11:0:%'").pluck().get()).toBe(3);
  });
});

describe('images', () => {
  /** The sample deck with its image under an awkward name, its notes shifted to new ids (so new guids). */
  function deckWithImage(name: string, bytes: Uint8Array, shift: number) {
    const deck = sampleDeck();
    deck.media = [{ name, bytes }];
    deck.notes = deck.notes.map((n) => ({ ...n, id: n.id + shift, fields: n.fields.map((f) => f.replaceAll('heart.png', name)) }));
    deck.cards = deck.cards.map((c) => ({ ...c, id: c.id + shift, nid: c.nid + shift }));
    deck.revlog = deck.revlog.map((r) => ({ ...r, cid: r.cid + shift }));
    return deck;
  }

  it('get Markdown-safe names, and a different image under a taken name gets a hash suffix (two packages at once)', async () => {
    const other = new Uint8Array([...PNG, 0]);
    const a = writePackage('a.apkg', buildPackage('legacy2', deckWithImage('heart image (1).png', PNG, 0)));
    const b = writePackage('b.apkg', buildPackage('latest', deckWithImage('heart image (1).png', other, 1000)));
    const report = await t.api.call('packs:import', { paths: [a, b] });
    expect(report.anki!.map((x) => x.media.added)).toEqual([1, 1]);
    const names = (t.db.prepare('SELECT name FROM card_media').pluck().all() as string[]).sort((x, y) => x.length - y.length);
    expect(names).toHaveLength(2);
    expect(names[0]).toBe('heart_image__1_.png');
    expect(names[1]).toMatch(/^heart_image__1_-[0-9a-f]{8}\.png$/);
    const backs = t.db.prepare("SELECT back_md FROM flashcards WHERE front_md LIKE 'What nerve%' ORDER BY id").pluck().all();
    expect(backs).toEqual([`Phrenic nerve (C3–C5)\n![](${names[0]})`, `Phrenic nerve (C3–C5)\n![](${names[1]})`]);
    // The card view (the Flashcards screen) finds the image by that name.
    const cardId = t.db.prepare("SELECT c.id FROM cards c JOIN flashcards f ON f.id = c.flashcard_id WHERE f.back_md LIKE ?").pluck().get(`%${names[1]}%`) as number;
    const view = await t.api.call('cards:get', { cardId });
    expect(view.backHtml).toBe(`<p>Phrenic nerve (C3–C5)<br><img src="data:image/png;base64,${Buffer.from(other).toString('base64')}" alt=""></p>\n`);
  });
});

describe('Anki imports through the upload door', () => {
  it('accepts an uploaded .colpkg (browser mode) and a dry run writes nothing', async () => {
    const bytes = buildPackage('latest', sampleDeck());
    const base64 = Buffer.from(bytes).toString('base64');
    const before = snapshot(t.db);
    const dry = await t.api.call('packs:import', { files: [{ path: 'collection.colpkg', base64 }], dryRun: true });
    expect(dry.anki![0]!.flashcards.added).toBe(4);
    expect(snapshot(t.db)).toBe(before);
    const real = await t.api.call('packs:import', { files: [{ path: 'collection.colpkg', base64 }] });
    expect(real.anki![0]!.cards.added).toBe(5);
  });

  it('refuses Anki packages mixed with other files', async () => {
    const result = await t.api.invoke('packs:import', { files: [{ path: 'a.apkg', base64: 'UEsDBA==' }, { path: 'b.csv', base64: '' }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/b\.csv: import Anki packages .* on their own/);
  });
});

describe('malformed packages are refused and change nothing', () => {
  const deck = sampleDeck();
  const variants: [string, () => Uint8Array, RegExp][] = [
    ['zip slip', () => buildPackage('legacy2', deck, { members: { '../evil': new Uint8Array([1]) } }), /bad\.apkg \(\.\.\/evil\): zip entry escapes the package/],
    ['not SQLite', () => buildPackage('legacy2', deck, { members: { 'collection.anki21': new Uint8Array(300).fill(65) } }), /bad\.apkg \(collection\.anki21\): is not an SQLite database/],
    ['missing media', () => buildPackage('latest', deck, { members: { '0': null } }), /bad\.apkg \(0\): media file "heart\.png" \(zip member 0\) is missing/],
    ['media path traversal', () => buildPackage('legacy1', deck, { members: { media: new TextEncoder().encode('{"0":"../x.png"}') } }), /is not a plain file name/],
    ['truncated zip', () => buildPackage('legacy2', deck).subarray(0, 200), /bad\.apkg: is not a readable zip archive/],
  ];
  it.each(variants)('%s', async (_name, make, message) => {
    // One good import first, so "no change" is checked against a database that has content.
    await t.api.call('packs:import', { paths: [writePackage('good.apkg', buildPackage('legacy2', deck))] });
    const before = snapshot(t.db);
    const result = await t.api.invoke('packs:import', { paths: [writePackage('bad.apkg', make())] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('IMPORT_INVALID');
    expect(result.error.message).toMatch(message);
    expect(result.error.details?.[0]?.file).toBe('bad.apkg');
    expect(snapshot(t.db)).toBe(before);
  });
});
