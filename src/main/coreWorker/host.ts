/**
 * The door side of the core worker: the same `invokeUnknown(method, input)` the doors already call, sent to the
 * worker thread and answered by id. Progress events come back as messages and go to `onEvent`.
 */
import { Worker } from 'node:worker_threads';
import type { ProgressEvent } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { DatabaseError } from '../core/db/open';
import type { CoreWorkerOptions, FromWorker, ToWorker } from './protocol';

export interface CoreHost {
  invokeUnknown(method: string, input: unknown): Promise<Result<unknown>>;
  /** Closes the database in the worker (checkpointing it), then ends the thread. */
  close(): Promise<void>;
}

export function startCoreWorker(entry: string, options: CoreWorkerOptions, onEvent: (event: ProgressEvent) => void = () => undefined): Promise<CoreHost> {
  // From source (npm run serve, tests) the entry is TypeScript: the thread registers tsx itself, since loader hooks given
  // to the main thread with --import do not reach worker threads on Node 20. The built app passes a .js entry.
  const worker = entry.endsWith('.ts')
    ? new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`, { eval: true, workerData: options })
    : new Worker(entry, { workerData: options });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;
  let closed: (() => void) | undefined;
  const send = (message: ToWorker) => worker.postMessage(message);

  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'INTERNAL', message } });
    pending.clear();
  };

  return new Promise((resolveHost, rejectHost) => {
    worker.on('error', (error) => {
      failAll(`The core stopped: ${error.message}`);
      rejectHost(error);
    });
    worker.on('exit', () => {
      failAll('The core has stopped');
      closed?.();
    });
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          resolveHost({
            invokeUnknown(method, input) {
              const id = nextId++;
              return new Promise((resolve) => {
                pending.set(id, resolve);
                send({ type: 'call', id, method, input });
              });
            },
            close: () =>
              new Promise<void>((resolve) => {
                closed = resolve;
                send({ type: 'close' });
              }),
          });
          break;
        case 'failed': {
          const code = message.code as DatabaseError['code'] | undefined;
          rejectHost(code && code.startsWith('DB_') ? new DatabaseError(code, message.message) : new Error(message.message));
          void worker.terminate();
          break;
        }
        case 'result':
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
          break;
        case 'event':
          onEvent(message.event);
          break;
        case 'closed':
          void worker.terminate();
          break;
      }
    });
  });
}
