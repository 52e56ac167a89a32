import type { ProgressEvent } from '../../shared/contract';
import type { Db } from './db/open';

/** Time comes from outside so tests can move it; the renderer never measures time itself. */
export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

export interface CoreContext {
  db: Db;
  clock: Clock;
  dbPath: string;
  /** Folder holding the sample packs shipped with the app. */
  samplesDir: string;
  appVersion: string;
  emit(event: ProgressEvent): void;
}
