/** Messages between a door (main thread) and the core in its worker thread. Plain data: structured-clone safe. */
import type { ProgressEvent } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { OpenOptions } from '../core/db/open';

/** What the worker needs to open the core as the owner (the lock is already held by the main thread). */
export interface CoreWorkerOptions {
  /**
   * 'core' opens the database as the owner (migrations, recovery, backups) and answers every call; 'jobs' opens a
   * second connection for long imports, written in short staged transactions so the core's writes stay instant.
   */
  role?: 'core' | 'jobs';
  dbPath: string;
  samplesDir: string;
  appVersion: string;
  openOptions?: OpenOptions;
  /** Shared with the host: how many calls the core thread is answering; the jobs thread waits while it is not 0. */
  busy?: SharedArrayBuffer;
}

export type ToWorker = { type: 'call'; id: number; method: string; input: unknown } | { type: 'close' } | { type: 'reopen' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string; code?: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: ProgressEvent }
  | { type: 'closed' }
  | { type: 'reopened' };
