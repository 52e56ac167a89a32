/**
 * A server clock the test moves (VIGNETTE_CLOCK_FILE, read by browser mode in the core worker), and answering a whole
 * block through the API on that clock. Call `useMovedClock()` at the top of a spec file, before its first test.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { test, type VignetteServer } from './fixtures';
import { api } from './helpers';

export interface MovedClock {
  set(ms: number): void;
}

export function useMovedClock(start: number): MovedClock {
  const dir = mkdtempSync(join(tmpdir(), 'vignette-clock-'));
  const file = join(dir, 'now');
  const clock = { set: (ms: number) => writeFileSync(file, String(ms)) };
  test.beforeAll(() => {
    clock.set(start);
    process.env.VIGNETTE_CLOCK_FILE = file; // read by the server this file's fixture starts
  });
  test.afterAll(() => {
    delete process.env.VIGNETTE_CLOCK_FILE;
    rmSync(dir, { recursive: true, force: true });
  });
  return clock;
}

/** Answers a block through the API from `start`, a minute per item: right unless `wrong(i)` says otherwise (i: 0, 1, … in the block's order). */
export async function answerBlock(
  request: APIRequestContext,
  server: VignetteServer,
  clock: MovedClock,
  opts: { start: number; size: number; filters?: object; mode?: 'timed' | 'tutor'; wrong?: (index: number) => boolean },
): Promise<{ blockId: number; finishedAt: number }> {
  const mode = opts.mode ?? 'timed';
  let now = opts.start;
  clock.set(now);
  const block = await api<{ id: number; items: { position: number; questionId: number }[] }>(request, server, 'blocks:create', {
    filters: opts.filters ?? {},
    size: opts.size,
    mode,
    secondsPerQuestion: mode === 'timed' ? 90 : null,
    order: 'random',
  });
  for (const [index, item] of block.items.entries()) {
    const q = await api<{ answerIndex: number; choices: unknown[] }>(request, server, 'questions:get', { id: item.questionId });
    await api(request, server, 'blocks:goto', { blockId: block.id, position: item.position });
    now += 60_000;
    clock.set(now);
    const choice = opts.wrong?.(index) ? (q.answerIndex + 1) % q.choices.length : q.answerIndex;
    await api(request, server, 'blocks:select', { blockId: block.id, position: item.position, choice });
    if (mode === 'tutor') await api(request, server, 'blocks:submit', { blockId: block.id, position: item.position });
  }
  await api(request, server, 'blocks:end', { blockId: block.id });
  return { blockId: block.id, finishedAt: now };
}
