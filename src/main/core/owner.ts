/**
 * Opening a database as its one owner (the Electron app or `npm run serve`): take the lock, back up before a
 * migration, migrate, recover interrupted blocks (createApi), and make the daily backup. Everyone else is a reader.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createApi, type Api, type ApiOptions } from './api';
import { dailyBackupDue, writeBackup } from './db/backups';
import { SCHEMA_VERSION } from './db/migrations';
import { openDatabase } from './db/open';
import { acquireOwnerLock, type OwnerLock } from './db/ownerLock';
import { closeCheckpointed } from './db/restore';

export interface OwnedDatabase {
  api: Api;
  lock: OwnerLock;
  /** Checkpoints and closes the current connection (it may have been replaced by a restore) and releases the lock. */
  close(): void;
}

/** The schema version of an existing file, read without writing to it; null when there is no file yet. */
function existingVersion(dbPath: string, nativeBinding?: string): number | null {
  if (!existsSync(dbPath)) return null;
  const probe = new Database(dbPath, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    return probe.pragma('user_version', { simple: true }) as number;
  } finally {
    probe.close();
  }
}

export interface OwnedCore {
  api: Api;
  /** Checkpoints and closes the current connection (a restore may have replaced it). */
  close(): void;
}

/**
 * Everything the owner does at start-up except taking the lock: back up before a migration, migrate, recover
 * interrupted blocks (createApi), and make the daily backup. The lock is taken by the process (`openAsOwner`, or the
 * main thread when the core runs in a worker thread, so the heartbeat never waits behind long work).
 */
export async function openOwnedCore(options: ApiOptions & { dailyBackup?: boolean }): Promise<OwnedCore> {
  const { dbPath } = options;
  const openOptions = options.openOptions ?? {};
  const version = existingVersion(dbPath, openOptions.nativeBinding);
  if (version !== null && version > 0 && version < SCHEMA_VERSION) {
    const old = new Database(dbPath, { readonly: true, ...(openOptions.nativeBinding ? { nativeBinding: openOptions.nativeBinding } : {}) });
    try {
      await writeBackup(old, dbPath, 'pre-migration', (options.clock ?? Date).now());
    } finally {
      old.close();
    }
  }
  const db = openDatabase(dbPath, openOptions);
  const api = createApi(db, { ...options, readOnly: false });
  const now = api.context.clock.now();
  if (options.dailyBackup !== false && dailyBackupDue(dbPath, now)) {
    // A failed daily backup must not keep the student out of the app; it is retried at the next start.
    await writeBackup(db, dbPath, 'daily', now).catch((error: unknown) => console.error(`[vignette] daily backup failed: ${String(error)}`));
  }
  return { api, close: () => closeCheckpointed(api.context.db) };
}

export async function openAsOwner(options: ApiOptions & { kind: string; dailyBackup?: boolean }): Promise<OwnedDatabase> {
  mkdirSync(dirname(options.dbPath), { recursive: true });
  const lock = acquireOwnerLock(options.dbPath, options.kind);
  try {
    const core = await openOwnedCore(options);
    return {
      api: core.api,
      lock,
      close() {
        core.close();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
