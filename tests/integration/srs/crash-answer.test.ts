/** An answered card survives kill -9: browser mode in a child process answers, is SIGKILLed, the file holds card + log. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/core/db/open';
import { REPO, tempDir } from '../../helpers/db';

const TSX_LOADER = pathToFileURL(join(REPO, 'node_modules/tsx/dist/loader.mjs')).href;
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

it('an answer acknowledged over HTTP is on disk after SIGKILL (card and log, one transaction)', { timeout: 120_000 }, async () => {
  const { dir, cleanup } = tempDir('vignette-srs-crash-');
  const dbPath = join(dir, 'crash.db');
  const child = spawn(process.execPath, ['--import', TSX_LOADER, 'src/main/serve.ts', '--db', dbPath, '--port', '0', '--token', 't'], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, VIGNETTE_DB: '' },
  });
  cleanups.push(() => child.kill('SIGKILL'), cleanup);
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_c, signal) => resolve(signal)));
  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Vignette is running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(new URL(m[1]!).origin);
      }
    });
  });
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const res = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-vignette-token': 't' }, body: JSON.stringify(input) });
    const body = (await res.json()) as { ok: boolean; value: T };
    expect(body.ok).toBe(true);
    return body.value;
  };
  const { cardIds } = await call<{ cardIds: number[] }>('cards:create', { kind: 'basic', frontMd: 'Q', backMd: 'A' });
  const s = await call<{ next: { shownAt: number; previews: { due: number }[] } }>('cards:session', {});
  await call('cards:answer', { cardId: cardIds[0], rating: 3, shownAt: s.next.shownAt });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  const db = openDatabase(dbPath);
  try {
    expect(db.prepare('SELECT reps, due FROM cards WHERE id = ?').get(cardIds[0])).toEqual({ reps: 1, due: s.next.previews[2]!.due });
    expect(db.prepare('SELECT rating, new_due FROM review_log WHERE card_id = ?').all(cardIds[0])).toEqual([{ rating: 3, new_due: s.next.previews[2]!.due }]);
  } finally {
    db.close();
  }
});
