/**
 * The core in a worker thread: SQLite, jsdom, unzip and imports run here, so the thread that serves HTTP (browser
 * mode) or the window (Electron) stays responsive. One call at a time per message, answered by id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openOwnedCore, type OwnedCore } from '../core/owner';
import type { CoreWorkerOptions, FromWorker, ToWorker } from './protocol';

const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);
const options = workerData as CoreWorkerOptions;

let core: OwnedCore | undefined;

port.on('message', (message: ToWorker) => {
  if (message.type === 'close') {
    core?.close();
    core = undefined;
    post({ type: 'closed' });
    return;
  }
  if (!core) {
    post({ type: 'result', id: message.id, result: { ok: false, error: { code: 'INTERNAL', message: 'The core is not open' } } });
    return;
  }
  void core.api.invokeUnknown(message.method, message.input).then((result) => post({ type: 'result', id: message.id, result }));
});

openOwnedCore({ ...options, onEvent: (event) => post({ type: 'event', event }) }).then(
  (opened) => {
    core = opened;
    post({ type: 'ready' });
  },
  (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error), code: (error as { code?: string }).code }),
);
