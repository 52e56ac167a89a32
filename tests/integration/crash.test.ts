/**
 * Durability: a write acknowledged over HTTP is on disk. Browser mode runs as a real child process, takes writes,
 * and is killed with SIGKILL (no shutdown handler runs); the database file, reopened here, must hold every write.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/open';
import { SCHEMA_VERSION } from '../../src/main/core/db/migrations';
import { tempDir } from '../helpers/db';
import { call, startServe, TOKEN } from '../helpers/serve';

const running: ChildProcess[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('a SIGKILLed server loses no acknowledged write', () => {
  it('keeps settings, imported questions and a block after kill -9', { timeout: 120_000 }, async () => {
    const { dir, cleanup } = tempDir('vignette-crash-');
    cleanups.push(cleanup);
    const dbPath = join(dir, 'crash.db');
    const server = await startServe(dbPath);
    running.push(server.child);
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/\\?token=${TOKEN}$`));

    expect(await call(server, 'settings:set', { examDate: '2027-03-01' })).toMatchObject({ ok: true, value: { examDate: '2027-03-01' } });
    expect(await call(server, 'settings:set', { theme: 'dark', targetScore: 245 })).toMatchObject({ ok: true, value: { theme: 'dark' } });
    const loaded = await call(server, 'packs:loadSamples', {});
    expect(loaded.ok).toBe(true);
    const info = (await call(server, 'app:info', {})).value as { counts: { questions: number; packs: number } };
    expect(info.counts.questions).toBeGreaterThan(0);
    const block = await call(server, 'blocks:create', { filters: {}, size: 5, mode: 'tutor', secondsPerQuestion: null, order: 'random', seed: 7 });
    expect(block.ok).toBe(true);
    const blockId = (block.value as { id: number }).id;
    expect(await call(server, 'blocks:select', { blockId, position: 0, choice: 1 })).toMatchObject({ ok: true });

    const pid = server.child.pid!;
    server.child.kill('SIGKILL');
    expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });
    // The process that held the database is really gone (no orphaned grandchild still serving).
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
    const stillUp = await fetch(server.origin).then(
      () => true,
      () => false,
    );
    expect(stillUp).toBe(false);

    const db = openDatabase(dbPath);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const settings = Object.fromEntries(
        (db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]).map((r) => [r.key, JSON.parse(r.value) as unknown]),
      );
      expect(settings).toMatchObject({ examDate: '2027-03-01', theme: 'dark', targetScore: 245 });
      expect((db.prepare('SELECT count(*) AS n FROM questions WHERE retired = 0').get() as { n: number }).n).toBe(info.counts.questions);
      expect((db.prepare('SELECT count(*) AS n FROM packs WHERE removed_at IS NULL').get() as { n: number }).n).toBe(info.counts.packs);
      expect(db.prepare('SELECT item_count FROM blocks WHERE id = ?').get(blockId)).toEqual({ item_count: 5 });
      expect(db.prepare('SELECT selected FROM block_items WHERE block_id = ? AND position = 0').get(blockId)).toEqual({ selected: 1 });
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('a second server on the same file after the crash sees the same data', { timeout: 120_000 }, async () => {
    const { dir, cleanup } = tempDir('vignette-crash-');
    cleanups.push(cleanup);
    const dbPath = join(dir, 'crash.db');
    const first = await startServe(dbPath);
    running.push(first.child);
    await call(first, 'settings:set', { examDate: '2027-03-01' });
    first.child.kill('SIGKILL');
    await first.exited;

    const second = await startServe(dbPath);
    running.push(second.child);
    expect(await call(second, 'settings:get', {})).toMatchObject({ ok: true, value: { examDate: '2027-03-01' } });
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  });
});
