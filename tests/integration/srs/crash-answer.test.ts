/** An answered card survives kill -9: browser mode in a child process answers, is SIGKILLed, the file holds card + log. */
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/core/db/open';
import { tempDir } from '../../helpers/db';
import { callOk, startServe } from '../../helpers/serve';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

it('an answer acknowledged over HTTP is on disk after SIGKILL (card and log, one transaction)', { timeout: 120_000 }, async () => {
  const { dir, cleanup } = tempDir('vignette-srs-crash-');
  const dbPath = join(dir, 'crash.db');
  const server = await startServe(dbPath);
  const { child } = server;
  cleanups.push(() => child.kill('SIGKILL'), cleanup);
  const call = <T>(method: string, input: unknown) => callOk<T>(server, method, input);
  const { cardIds } = await call<{ cardIds: number[] }>('cards:create', { kind: 'basic', frontMd: 'Q', backMd: 'A' });
  const s = await call<{ next: { shownAt: number; previews: { due: number }[] } }>('cards:session', {});
  await call('cards:answer', { cardId: cardIds[0], rating: 3, shownAt: s.next.shownAt });
  child.kill('SIGKILL');
  expect((await server.exited).signal).toBe('SIGKILL');

  const db = openDatabase(dbPath);
  try {
    expect(db.prepare('SELECT reps, due FROM cards WHERE id = ?').get(cardIds[0])).toEqual({ reps: 1, due: s.next.previews[2]!.due });
    expect(db.prepare('SELECT rating, new_due FROM review_log WHERE card_id = ?').all(cardIds[0])).toEqual([{ rating: 3, new_due: s.next.previews[2]!.due }]);
  } finally {
    db.close();
  }
});
