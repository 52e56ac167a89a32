/**
 * A reason tag, a note edit, a note deletion and a question note are on disk the moment the server answers: browser
 * mode runs as a real child process, takes those writes, and is killed with SIGKILL; the reopened file holds them.
 */
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/open';
import { tempDir } from '../helpers/db';
import { callOk, startServe } from '../helpers/serve';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

it('keeps reasons and notes after kill -9', { timeout: 120_000 }, async () => {
  const { dir, cleanup } = tempDir('vignette-review-crash-');
  const dbPath = join(dir, 'crash.db');
  const server = await startServe(dbPath);
  const { child } = server;
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    cleanup();
  });
  const call = <T>(method: string, input: unknown) => callOk<T>(server, method, input);

  await call('packs:loadSamples', {});
  const block = await call<{ id: number; items: { questionId: number }[] }>('blocks:create', { filters: {}, size: 2, mode: 'timed', secondsPerQuestion: 90, order: 'random', seed: 2 });
  await call('blocks:end', { blockId: block.id, keepUnanswered: true });
  await call('review:tag', { blockId: block.id, position: 0, reason: 'time' });
  const kept = await call<{ id: number }>('notes:save', { questionId: block.items[0]!.questionId, text: 'first draft' });
  await call('notes:update', { id: kept.id, text: 'final text' });
  const gone = await call<{ id: number }>('notes:save', { questionId: block.items[1]!.questionId, text: 'to delete' });
  await call('notes:delete', { id: gone.id });

  child.kill('SIGKILL');
  expect((await server.exited).signal).toBe('SIGKILL');
  const db = openDatabase(dbPath);
  try {
    expect(db.prepare('SELECT reason FROM block_items WHERE block_id = ? AND position = 0').pluck().get(block.id)).toBe('time');
    expect(db.prepare('SELECT last_reason FROM question_stats WHERE question_id = ?').pluck().get(block.items[0]!.questionId)).toBe('time');
    expect(db.prepare('SELECT body_md FROM notes WHERE id = ?').pluck().get(kept.id)).toBe('final text');
    expect(db.prepare('SELECT deleted_at IS NOT NULL FROM notes WHERE id = ?').pluck().get(gone.id)).toBe(1);
  } finally {
    db.close();
  }
});
