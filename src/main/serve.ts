/**
 * Browser mode: `npm run serve` — the whole app in any browser on this machine, no Electron needed.
 * Flags: --db <file>, --port <n> (default 0 = any free port), --token <t> (tests pass their own).
 *
 * This thread owns the database (the lock and its heartbeat) and serves HTTP; the core runs in a worker thread, so a
 * 10,000-question import never stops the server from answering.
 * VIGNETTE_CLOCK_OFFSET_MS / VIGNETTE_CLOCK_FILE shift the core's clock (tests and demos only; read in the core worker).
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { acquireOwnerLock, OwnerLockError } from './core/db/ownerLock';
import { startCoreWorker } from './coreWorker/host';
import { startHttpDoor, type HttpDoor } from './doors/http';
import { rendererDir, resolveDbPath, samplesDir } from './paths';
import { version } from '../../package.json';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const dbPath = resolveDbPath(flag('db'));
  mkdirSync(dirname(dbPath), { recursive: true });
  let door: HttpDoor | undefined;
  // The one owner of the file: a second serve (or the app) on the same database is refused here.
  const lock = acquireOwnerLock(dbPath, 'serve');
  const core = await startCoreWorker(
    join(__dirname, 'coreWorker', 'worker.ts'),
    { dbPath, samplesDir: samplesDir(), appVersion: version },
    (e) => door?.broadcast(e),
    (error) => {
      // Without its core the server can only fail every call: stop, so the next start recovers cleanly.
      console.error(`vignette serve: ${error.message}; stopping`);
      process.exit(2);
    },
  ).catch((error: unknown) => {
    lock.release();
    throw error;
  });
  const port = flag('port');
  door = await startHttpDoor({ api: core, rendererDir: rendererDir(), ...(port ? { port: Number(port) } : {}), ...(flag('token') ? { token: flag('token')! } : {}) });
  // Tests read this exact line to find the URL.
  console.log(`Vignette is running at ${door.url}`);
  console.log(`Database: ${dbPath}`);
  const stop = () => {
    void door!
      .close()
      .then(() => core.close())
      .then(() => {
        lock.release();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof OwnerLockError) error.message = `Vignette is already running on ${resolveDbPath(flag('db'))} (pid ${error.owner.pid}); use that one or close it first`;
  console.error(`vignette serve: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
