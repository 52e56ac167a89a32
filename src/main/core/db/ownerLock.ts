/**
 * One owner of a database file: the Electron app or `npm run serve`. The owner holds `<db>.lock`, a small JSON file
 * with its pid and a heartbeat it rewrites every few seconds. Another process reads it to decide whether an owner
 * runs: the pid must be alive *and* the heartbeat recent (a pid can be reused after a crash; a live process that stopped
 * beating is hung or gone). A lock left by a crash (kill -9, power loss) is stale and is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';

export interface OwnerRecord {
  pid: number;
  /** What holds it, for the refusal message: 'app' | 'serve' | 'cli'. */
  kind: string;
  startedAt: number;
  heartbeat: number;
}

export const HEARTBEAT_MS = 2_000;
/** A live pid whose heartbeat is older than this is treated as gone (hung, or the pid was reused). */
export const STALE_MS = 30_000;

export const lockPath = (dbPath: string): string => `${dbPath}.lock`;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it still counts as alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readRecord(file: string): OwnerRecord | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<OwnerRecord>;
    if (typeof parsed.pid !== 'number' || typeof parsed.heartbeat !== 'number') return null;
    return { pid: parsed.pid, kind: String(parsed.kind ?? 'app'), startedAt: Number(parsed.startedAt ?? 0), heartbeat: parsed.heartbeat };
  } catch {
    return null;
  }
}

/** The live owner of `dbPath`, or null when nobody owns it (no lock, or a stale one). */
export function currentOwner(dbPath: string, now = Date.now()): OwnerRecord | null {
  const record = readRecord(lockPath(dbPath));
  if (!record) return null;
  if (record.pid === process.pid) return record;
  if (!pidAlive(record.pid)) return null;
  if (now - record.heartbeat > STALE_MS) return null;
  return record;
}

/** "Vignette is running (pid N); <what to do>" — the one line every refusal prints. */
export class OwnerLockError extends Error {
  constructor(
    readonly owner: OwnerRecord,
    advice = 'close it first',
  ) {
    super(`Vignette is running (pid ${owner.pid}); ${advice}`);
    this.name = 'OwnerLockError';
  }
}

export interface OwnerLock {
  readonly record: OwnerRecord;
  /** Stops the heartbeat and removes the lock file if it is still ours. Safe to call twice. */
  release(): void;
}

/**
 * Takes the lock or throws OwnerLockError naming the live owner. A stale lock is replaced. The create is exclusive
 * (`wx`), so two processes starting at once cannot both win.
 */
export function acquireOwnerLock(dbPath: string, kind: string, options: { heartbeatMs?: number } = {}): OwnerLock {
  const file = lockPath(dbPath);
  const now = Date.now();
  const record: OwnerRecord = { pid: process.pid, kind, startedAt: now, heartbeat: now };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = currentOwner(dbPath);
      if (owner && owner.pid !== process.pid) throw new OwnerLockError(owner);
      // Stale (crashed owner) or unreadable half-written file: remove it and try the exclusive create again.
      rmSync(file, { force: true });
      continue;
    }
    try {
      writeSync(fd, JSON.stringify(record));
    } finally {
      closeSync(fd);
    }
    let released = false;
    const beat = setInterval(() => {
      record.heartbeat = Date.now();
      try {
        // Only rewrite a lock that is still ours: never resurrect a file someone else took over.
        if (readRecord(file)?.pid === process.pid) writeFileSync(file, JSON.stringify(record));
      } catch {
        /* the folder went away; the next owner will see a stale or missing lock */
      }
    }, options.heartbeatMs ?? HEARTBEAT_MS);
    beat.unref();
    return {
      record,
      release() {
        if (released) return;
        released = true;
        clearInterval(beat);
        if (readRecord(file)?.pid === process.pid) rmSync(file, { force: true });
      },
    };
  }
  throw new Error(`Could not take the lock ${file}; remove it if no Vignette is running.`);
}
