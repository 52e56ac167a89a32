/** The notes domain: one owner of note writes, the Notebook's search/filters, delete with undo, and the export (app .zip and CLI folder). */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, openTestApi, REPO, type TestApi } from '../helpers/db';

let t: TestApi;
let questionIds: number[];
beforeEach(async () => {
  t = openTestApi();
  await t.api.call('packs:loadSamples', {});
  await t.api.call('packs:import', { paths: [join(FIXTURES, 'notes-vault')] });
  questionIds = t.db.prepare('SELECT id FROM questions ORDER BY id LIMIT 3').pluck().all() as number[];
});
afterEach(() => t.close());

describe('notes on questions', () => {
  it('saves one note per question from any screen, finds it by a word in its body, edits, deletes and undoes', async () => {
    const [q1, q2] = questionIds as [number, number];
    const saved = await t.api.call('notes:save', { questionId: q1, text: 'Remember **zanzibarite** with loop diuretics' });
    expect(saved.id).toBeGreaterThan(0);
    // The runner's note (blocks:note) writes the same note.
    const block = await t.api.call('blocks:create', { filters: { questionIds: [q2] }, size: 1, mode: 'timed', secondsPerQuestion: 90, order: 'random' });
    await t.api.call('blocks:note', { blockId: block.id, position: 0, text: 'Orthostatic zebra fact' });
    expect((await t.api.call('notes:question', { questionId: q2 })).text).toBe('Orthostatic zebra fact');

    const found = await t.api.call('notes:search', { query: 'zanzibarite' });
    expect(found.map((n) => n.id)).toEqual([saved.id]);
    expect(found[0]!.snippet).toContain('\u0001zanzibarite\u0002');
    expect(found[0]!.questionId).toBe(q1);
    expect((await t.api.call('notes:search', { query: '', origin: 'user' })).length).toBe(2);

    const edited = await t.api.call('notes:update', { id: saved.id!, text: 'Now about torsades instead' });
    expect(edited.bodyMd).toBe('Now about torsades instead');
    expect(await t.api.call('notes:search', { query: 'zanzibarite' })).toEqual([]);
    expect((await t.api.call('notes:search', { query: 'torsades' })).map((n) => n.id)).toEqual([saved.id]);

    await t.api.call('notes:delete', { id: saved.id! });
    expect(await t.api.call('notes:search', { query: 'torsades' })).toEqual([]);
    expect((await t.api.call('notes:question', { questionId: q1 })).text).toBe('');
    const restored = await t.api.call('notes:restore', { id: saved.id! });
    expect(restored.bodyMd).toBe('Now about torsades instead');
    expect((await t.api.call('notes:search', { query: 'torsades' })).map((n) => n.id)).toEqual([saved.id]);
  });

  it('refuses a note over the size limit naming the field, and changes nothing', async () => {
    const q = questionIds[0]!;
    await t.api.call('notes:save', { questionId: q, text: 'short' });
    const result = await t.api.invokeUnknown('notes:save', { questionId: q, text: 'x'.repeat(20_001) });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.details?.[0]?.field).toBe('text');
      expect(result.error.message).toMatch(/20,000 characters/);
    }
    expect((await t.api.call('notes:question', { questionId: q })).text).toBe('short');
  });

  it('filters the notebook by system and tag', async () => {
    const facets = await t.api.call('notes:facets', {});
    expect(facets.systems.length).toBeGreaterThan(0);
    const system = facets.systems[0]!;
    const bySystem = await t.api.call('notes:search', { query: '', system: system.value, limit: 200 });
    expect(bySystem).toHaveLength(system.count);
    expect(bySystem.every((n) => n.system?.toLowerCase() === system.value.toLowerCase())).toBe(true);
    const tag = facets.tags[0]!;
    const byTag = await t.api.call('notes:search', { query: '', tag: tag.value, limit: 200 });
    expect(byTag).toHaveLength(tag.count);
    expect(byTag.every((n) => n.tags.some((x) => x.toLowerCase() === tag.value.toLowerCase()))).toBe(true);
  });
});

describe('export', () => {
  it('the app exports a .zip with one Markdown file per note', async () => {
    await t.api.call('notes:save', { questionId: questionIds[0]!, text: 'Zip me' });
    const live = t.db.prepare('SELECT count(*) FROM notes WHERE deleted_at IS NULL').pluck().get() as number;
    const zip = await t.api.call('notes:export', {});
    const files = unzipSync(Buffer.from(zip.base64, 'base64'));
    expect(Object.keys(files)).toHaveLength(live);
    expect(zip.count).toBe(live);
    const mine = Object.values(files).map((f) => strFromU8(f)).find((c) => c.includes('Zip me'))!;
    expect(mine).toContain(`question: ${questionIds[0]}`);
  });

  it('`vignette notebook export <dir>` writes one Markdown file per note with its question link, read back here', async () => {
    const [q1, q2] = questionIds as [number, number];
    await t.api.call('notes:save', { questionId: q1, text: 'First note body' });
    await t.api.call('notes:save', { questionId: q2, text: 'Second note body' });
    const gone = await t.api.call('notes:save', { questionId: questionIds[2]!, text: 'Deleted note' });
    await t.api.call('notes:delete', { id: gone.id! });
    const live = t.db.prepare('SELECT count(*) FROM notes WHERE deleted_at IS NULL').pluck().get() as number;
    const out = join(t.dir, 'notebook');
    const run = spawnSync(process.execPath, [join(REPO, 'bin/vignette.mjs'), 'notebook', 'export', out, '--db', t.dbPath], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Wrote ${live} notes`);
    const names = readdirSync(out);
    expect(names).toHaveLength(live);
    expect(names.every((n) => n.endsWith('.md'))).toBe(true);
    const contents = names.map((n) => readFileSync(join(out, n), 'utf8'));
    const first = contents.find((c) => c.includes('First note body'))!;
    const stem = t.db.prepare('SELECT stem FROM questions_fts WHERE rowid = ?').pluck().get(q1) as string;
    const pack = t.db.prepare('SELECT p.title FROM questions q JOIN packs p ON p.id = q.pack_id WHERE q.id = ?').pluck().get(q1) as string;
    expect(first).toMatch(new RegExp(`^---\\nid: \\d+\\n`));
    expect(first).toContain(`question: ${q1}\nlink: "vignette://question/${q1}"`);
    expect(first).toContain(`pack: ${JSON.stringify(pack)}`);
    expect(first).toContain(`> ${stem.split('\n')[0]!.trim()}`);
    expect(contents.some((c) => c.includes('Deleted note'))).toBe(false);
    expect(contents.filter((c) => c.includes('origin: imported')).length).toBe(live - 2);
  });
});
