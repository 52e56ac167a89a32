/**
 * One owner of the database: `serve` runs a timed block as the owner; the CLI next to it only reads, writing commands
 * and a second serve are refused, and after kill -9 the stale lock is taken over and the block resumes.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/open';
import { lockPath } from '../../src/main/core/db/ownerLock';
import { FIXTURES, MEDQA, tempDir } from '../helpers/db';
import { vignetteAsync as vignette } from '../helpers/cli';
import { call, serveRefusal, startServe } from '../helpers/serve';

const running: ChildProcess[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('one owner of the database', () => {
  it('the CLI reads next to a running block without suspending it; writes and a second serve are refused', { timeout: 180_000 }, async () => {
    const { dir, cleanup } = tempDir('vignette-owner-');
    cleanups.push(cleanup);
    const dbPath = join(dir, 'owner.db');
    const server = await startServe(dbPath);
    running.push(server.child);
    const lock = JSON.parse(readFileSync(lockPath(dbPath), 'utf8')) as { pid: number; kind: string };
    expect(lock).toMatchObject({ pid: server.child.pid, kind: 'serve' });

    expect((await call(server, 'packs:loadSamples', {})).ok).toBe(true);
    const block = await call(server, 'blocks:create', { filters: {}, size: 5, mode: 'timed', secondsPerQuestion: 90, order: 'random', seed: 3 });
    const blockId = (block.value as { id: number }).id;
    expect(await call(server, 'blocks:select', { blockId, position: 0, choice: 1 })).toMatchObject({ ok: true });
    const before = (await call(server, 'app:info', {})).value as { counts: Record<string, number> };

    // Reading commands work while the owner runs …
    const info = await vignette(['info', '--json', '--db', dbPath]);
    expect(info.stderr).toBe('');
    expect(info.code).toBe(0);
    expect((JSON.parse(info.stdout) as { counts: { questions: number } }).counts.questions).toBe(before.counts.questions);
    const copy = join(dir, 'copy.db');
    const backup = await vignette(['backup', copy, '--db', dbPath]);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(existsSync(copy)).toBe(true);
    expect((await vignette(['packs', '--db', dbPath])).code).toBe(0);

    // … and the block is still running: the next answer is accepted (a recovering reader would have suspended it).
    const next = await call(server, 'blocks:select', { blockId, position: 1, choice: 0 });
    expect(next).toMatchObject({ ok: true, value: { status: 'in_progress' } });

    // Writing commands are refused with one line and exit 1; nothing changes.
    const imported = await vignette(['import', MEDQA, '--db', dbPath]);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toBe(`vignette: Vignette is running (pid ${server.child.pid}); close it or import from the app\n`);
    const restored = await vignette(['restore', copy, '--db', dbPath]);
    expect(restored.code).toBe(1);
    expect(restored.stderr).toBe(`vignette: Vignette is running (pid ${server.child.pid}); close it or restore from Settings → Backups in the app\n`);
    const after = (await call(server, 'app:info', {})).value as { counts: Record<string, number> };
    expect(after.counts).toEqual(before.counts);
    expect(await call(server, 'blocks:select', { blockId, position: 2, choice: 2 })).toMatchObject({ ok: true, value: { status: 'in_progress' } });

    // A second serve on the same file refuses to start.
    const second = await serveRefusal(dbPath);
    expect(second.code).toBe(1);
    expect(second.stderr).toBe(`vignette serve: Vignette is already running on ${dbPath} (pid ${server.child.pid}); use that one or close it first\n`);

    // kill -9 the owner: its lock stays behind, stale; the next serve takes it over and the block resumes.
    server.child.kill('SIGKILL');
    await server.exited;
    expect(existsSync(lockPath(dbPath))).toBe(true);
    // With nothing running the CLI may write (the stale lock does not stop it), but it never recovers blocks: that is
    // the app's job at its next start.
    const offline = await vignette(['import', join(FIXTURES, 'packs/mini-v1.json'), '--db', dbPath]);
    expect(offline.stderr).toBe('');
    expect(offline.code).toBe(0);
    const peek = openDatabase(dbPath, { readonly: true });
    try {
      expect(peek.prepare('SELECT status FROM blocks WHERE id = ?').get(blockId)).toEqual({ status: 'in_progress' });
    } finally {
      peek.close();
    }
    const again = await startServe(dbPath);
    running.push(again.child);
    expect((JSON.parse(readFileSync(lockPath(dbPath), 'utf8')) as { pid: number }).pid).toBe(again.child.pid);
    const suspended = (await call(again, 'blocks:get', { blockId })).value as { status: string; items: { selected: number | null }[] };
    expect(suspended.status).toBe('suspended');
    expect(suspended.items.slice(0, 3).map((i) => i.selected)).toEqual([1, 0, 2]);
    expect(await call(again, 'blocks:resume', { blockId })).toMatchObject({ ok: true, value: { status: 'in_progress' } });
    expect(await call(again, 'blocks:select', { blockId, position: 3, choice: 1 })).toMatchObject({ ok: true });

    // A clean stop releases the lock; with nothing running the CLI may write again.
    again.child.kill('SIGTERM');
    expect((await again.exited).code).toBe(0);
    expect(existsSync(lockPath(dbPath))).toBe(false);
    const db = openDatabase(dbPath, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) AS n FROM block_items WHERE block_id = ? AND selected IS NOT NULL').get(blockId)).toEqual({ n: 4 });
    } finally {
      db.close();
    }
  });
});
