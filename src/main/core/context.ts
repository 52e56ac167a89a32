import type { ProgressEvent } from '../../shared/contract';
import type { Db, OpenOptions } from './db/open';

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
  /** A reader (the CLI while an owner may run) never recovers blocks, migrates, backs up automatically or restores. */
  readOnly: boolean;
  /** How to reopen the file (Electron passes its own better-sqlite3 binding), used after a restore. */
  openOptions: OpenOptions;
  /**
   * Write big imports of new packs in short transactions, hidden until one final publish, so other writers (the
   * window's answers) get the database between chunks. Set where the import runs beside the interactive core.
   */
  stagedImports: false | { betweenChunks: () => Promise<void> };
  /** Swaps in a freshly opened connection (after a restore) and rebuilds every handler's prepared statements. */
  replaceDatabase(next: Db): void;
}
