/**
 * The core in a worker thread: SQLite, jsdom, unzip and imports run here, so the thread that serves HTTP (browser
 * mode) or the window (Electron) stays responsive. Calls are answered by id. See protocol.ts for the two roles.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ProgressEvent } from '../../shared/contract';
import { createApi } from '../core/api';
import { openDatabase } from '../core/db/open';
import { closeCheckpointed } from '../core/db/restore';
import { openOwnedCore, type OwnedCore } from '../core/owner';
import type { CoreWorkerOptions, FromWorker, ToWorker } from './protocol';
import { clockFromEnv } from '../fileClock';

const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);
// Functions cannot cross to a worker: the test clock (if any) is rebuilt here from the environment.
const options = { ...(workerData as CoreWorkerOptions), clock: clockFromEnv() };
const onEvent = (event: ProgressEvent) => post({ type: 'event', event });

/** The jobs connection: no migration, recovery or start-up backup (the owner core did those). */
function openJobs(): OwnedCore {
  const db = openDatabase(options.dbPath, options.openOptions ?? {});
  const busy = options.busy ? new Int32Array(options.busy) : null;
  /** Between two chunks of a staged import: give the lock to the core while it answers a click (at most 1 s). */
  const betweenChunks = async () => {
    const until = Date.now() + 1000;
    do await new Promise((resolve) => setTimeout(resolve, 1));
    while (busy && Atomics.load(busy, 0) > 0 && Date.now() < until);
  };
  const api = createApi(db, { ...options, onEvent, recoverBlocks: false, stagedImports: { betweenChunks } });
  return { api, close: () => closeCheckpointed(api.context.db) };
}

let core: OwnedCore | undefined;

port.on('message', (message: ToWorker) => {
  if (message.type === 'close') {
    core?.close();
    core = undefined;
    post({ type: 'closed' });
    return;
  }
  if (message.type === 'reopen') {
    // After a restore replaced the file: drop the connection to the old one and open the new one.
    if (core) {
      closeCheckpointed(core.api.context.db);
      core.api.context.replaceDatabase(openDatabase(options.dbPath, options.openOptions ?? {}));
    }
    post({ type: 'reopened' });
    return;
  }
  if (!core) {
    post({ type: 'result', id: message.id, result: { ok: false, error: { code: 'INTERNAL', message: 'The core is not open' } } });
    return;
  }
  void core.api.invokeUnknown(message.method, message.input).then((result) => post({ type: 'result', id: message.id, result }));
});

(options.role === 'jobs' ? Promise.resolve().then(openJobs) : openOwnedCore({ ...options, onEvent })).then(
  (opened) => {
    core = opened;
    post({ type: 'ready' });
  },
  (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error), code: (error as { code?: string }).code }),
);
