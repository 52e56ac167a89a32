/**
 * The door side of the core: the same `invokeUnknown(method, input)` the doors already call, sent to worker threads
 * and answered by id. Two threads: the core (every call) and jobs (imports), so a 10,000-question import never makes
 * an answer wait. Progress events come back as messages and go to `onEvent`.
 */
import { Worker } from 'node:worker_threads';
import type { ProgressEvent } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { DatabaseError } from '../core/db/open';
import type { CoreWorkerOptions, FromWorker, ToWorker } from './protocol';

export interface CoreHost {
  invokeUnknown(method: string, input: unknown): Promise<Result<unknown>>;
  /** Closes the database in both threads (checkpointing it), then ends them. */
  close(): Promise<void>;
}

/** Long work that runs on the jobs thread. */
const JOB_METHODS = new Set(['packs:import', 'packs:loadSamples', 'packs:inferSystems']);

interface Thread {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  send(message: ToWorker, until: FromWorker['type']): Promise<void>;
  pending(): number;
}

function startThread(entry: string, options: CoreWorkerOptions, onEvent: (event: ProgressEvent) => void, onCrash: (error: Error) => void): Promise<Thread> {
  // From source (npm run serve, tests) the entry is TypeScript: the thread registers tsx itself, since loader hooks given
  // to the main thread with --import do not reach worker threads on Node 20. The built app passes a .js entry.
  const worker = entry.endsWith('.ts')
    ? new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`, { eval: true, workerData: options })
    : new Worker(entry, { workerData: options });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const waiting = new Map<string, () => void>();
  let nextId = 1;
  let started = false;
  let closing = false;

  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'INTERNAL', message } });
    pending.clear();
  };

  return new Promise((resolveThread, rejectThread) => {
    worker.on('error', (error) => {
      failAll(`The core stopped: ${error.message}`);
      rejectThread(error);
    });
    worker.on('exit', (code) => {
      failAll('The core has stopped');
      waiting.get('closed')?.();
      // A thread that dies on its own (not closed by us) leaves the app without its database: say so, loudly.
      if (started && !closing) onCrash(new Error(`The ${options.role ?? 'core'} thread stopped (exit code ${code})`));
    });
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          started = true;
          resolveThread({
            call(method, input) {
              const id = nextId++;
              return new Promise((resolve) => {
                pending.set(id, resolve);
                worker.postMessage({ type: 'call', id, method, input } satisfies ToWorker);
              });
            },
            send: (msg, until) =>
              new Promise<void>((resolve) => {
                if (msg.type === 'close') closing = true;
                waiting.set(until, resolve);
                worker.postMessage(msg);
              }),
            pending: () => pending.size,
          });
          break;
        case 'failed': {
          const code = message.code as DatabaseError['code'] | undefined;
          rejectThread(code && code.startsWith('DB_') ? new DatabaseError(code, message.message) : new Error(message.message));
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
        case 'reopened':
          waiting.get('reopened')?.();
          break;
        case 'closed':
          // 'exit' resolves the close once the thread is really gone.
          void worker.terminate();
          break;
      }
    });
  });
}

export async function startCoreWorker(
  entry: string,
  options: CoreWorkerOptions,
  onEvent: (event: ProgressEvent) => void = () => undefined,
  /** A thread died without being closed (a native crash, out of memory): the door should stop, leaving a stale lock. */
  onCrash: (error: Error) => void = (error) => console.error(`[vignette] ${error.message}`),
): Promise<CoreHost> {
  // The core first: it migrates and recovers; the jobs connection opens the file only after that.
  const busy = new SharedArrayBuffer(4);
  const inFlight = new Int32Array(busy);
  const core = await startThread(entry, { ...options, role: 'core' }, onEvent, onCrash);
  let jobs: Thread;
  try {
    jobs = await startThread(entry, { ...options, role: 'jobs', busy }, onEvent, onCrash);
  } catch (error) {
    await core.send({ type: 'close' }, 'closed');
    throw error;
  }
  let restoring = false;
  return {
    async invokeUnknown(method, input) {
      if (JOB_METHODS.has(method)) {
        if (restoring) return { ok: false, error: { code: 'CONFLICT', message: 'A restore is running; import once it has finished.' } };
        return jobs.call(method, input);
      }
      if (method !== 'backups:restore') {
        // While the core answers, the jobs thread holds back between chunks, so the click never waits behind an import.
        Atomics.add(inFlight, 0, 1);
        try {
          return await core.call(method, input);
        } finally {
          Atomics.sub(inFlight, 0, 1);
        }
      }
      // A restore replaces the file: never under a running import, and the jobs connection moves to the new file.
      if (jobs.pending() > 0) return { ok: false, error: { code: 'CONFLICT', message: 'An import is running; restore once it has finished.' } };
      restoring = true;
      try {
        const result = await core.call(method, input);
        if (result.ok) await jobs.send({ type: 'reopen' }, 'reopened');
        return result;
      } finally {
        restoring = false;
      }
    },
    async close() {
      await jobs.send({ type: 'close' }, 'closed');
      await core.send({ type: 'close' }, 'closed');
    },
  };
}
