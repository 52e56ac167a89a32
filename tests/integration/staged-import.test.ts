/**
 * Staged import (the jobs thread's way): a new pack is written in short transactions while hidden, then published at
 * once. Between chunks nothing of it is visible; the result equals a one-transaction import of the same file.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src/main/core/api';
import { openDatabase, type Db } from '../../src/main/core/db/open';
import { MEDQA, SAMPLES_DIR, tempDir } from '../helpers/db';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function open(staged: false | { betweenChunks: () => Promise<void> }) {
  const { dir, cleanup } = tempDir('vignette-staged-');
  const dbPath = join(dir, 'v.db');
  const db = openDatabase(dbPath);
  cleanups.push(() => {
    db.close();
    cleanup();
  });
  return { db, api: createApi(db, { dbPath, samplesDir: SAMPLES_DIR, stagedImports: staged }) };
}

const snapshot = (db: Db) => ({
  questions: db.prepare('SELECT source_id, hash, exam, answer_index, retired FROM questions ORDER BY source_id').all(),
  choices: (db.prepare('SELECT count(*) AS n FROM choices').get() as { n: number }).n,
  fts: (db.prepare('SELECT count(*) AS n FROM questions_fts').get() as { n: number }).n,
  packs: db.prepare('SELECT key, removed_at FROM packs').all(),
});

describe('staged import', () => {
  it('hides the new pack until it is complete, then matches a one-transaction import exactly', { timeout: 60_000 }, async () => {
    const seenBetweenChunks: { available: number; searched: number; packs: number }[] = [];
    const staged = open({
      betweenChunks: async () => {
        seenBetweenChunks.push({
          available: (await staged.api.call('blocks:count', { filters: {} })).available,
          searched: (await staged.api.call('questions:search', { query: 'patient' })).total,
          packs: (await staged.api.call('packs:list', {})).length,
        });
      },
    });
    const report = await staged.api.call('packs:import', { paths: [MEDQA] });
    expect(report.packs[0]).toMatchObject({ added: 1273, updated: 0, retired: 0 });
    // 1,273 questions in chunks of 25: 50 pauses, and the pack was invisible at every one of them.
    expect(seenBetweenChunks).toHaveLength(50);
    expect(seenBetweenChunks.every((s) => s.available === 0 && s.searched === 0 && s.packs === 0)).toBe(true);

    const plain = open(false);
    await plain.api.call('packs:import', { paths: [MEDQA] });
    expect(snapshot(staged.db)).toEqual(snapshot(plain.db));
    expect((await staged.api.call('blocks:count', { filters: {} })).available).toBe(1273);
  });

  it('re-importing the same file is not staged and finds everything unchanged', { timeout: 60_000 }, async () => {
    let pauses = 0;
    const staged = open({ betweenChunks: async () => void pauses++ });
    await staged.api.call('packs:import', { paths: [MEDQA] });
    const first = pauses;
    const again = await staged.api.call('packs:import', { paths: [MEDQA] });
    expect(again.packs[0]).toMatchObject({ added: 0, unchanged: 1273 });
    expect(pauses).toBe(first);
  });
});

describe('preview, then commit the staged result', () => {
  it('commits what the preview checked without the files, once; a stale or mismatched stage is refused', { timeout: 60_000 }, async () => {
    const { api } = open(false);
    const preview = await api.call('packs:import', { paths: [MEDQA], dryRun: true });
    expect(preview.stageId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await api.call('app:info', {})).counts.questions).toBe(0);
    // Different options than the preview was made with: that stage does not apply, and there are no files to parse.
    expect(await api.invoke('packs:import', { stageId: preview.stageId!, skipInvalid: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const report = await api.call('packs:import', { stageId: preview.stageId! });
    expect(report.dryRun).toBe(false);
    expect(report.packs[0]).toMatchObject({ added: 1273 });
    expect((await api.call('app:info', {})).counts.questions).toBe(1273);
    // A stage is used once.
    expect(await api.invoke('packs:import', { stageId: preview.stageId! })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: /pick the files again/ } });
  });
});
