/** Messages between a door (main thread) and the core in its worker thread. Plain data: structured-clone safe. */
import type { ProgressEvent } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { OpenOptions } from '../core/db/open';

/** What the worker needs to open the core as the owner (the lock is already held by the main thread). */
export interface CoreWorkerOptions {
  dbPath: string;
  samplesDir: string;
  appVersion: string;
  openOptions?: OpenOptions;
}

export type ToWorker = { type: 'call'; id: number; method: string; input: unknown } | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string; code?: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: ProgressEvent }
  | { type: 'closed' };
