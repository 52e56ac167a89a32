/**
 * Browser mode: `npm run serve` — the whole app in any browser on this machine, no Electron needed.
 * Flags: --db <file>, --port <n> (default 0 = any free port), --token <t> (tests pass their own).
 */
import { OwnerLockError } from './core/db/ownerLock';
import { openAsOwner } from './core/owner';
import { startHttpDoor, type HttpDoor } from './doors/http';
import { rendererDir, resolveDbPath, samplesDir } from './paths';
import { version } from '../../package.json';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const dbPath = resolveDbPath(flag('db'));
  let door: HttpDoor | undefined;
  // The one owner of the file: a second serve (or the app) on the same database is refused here.
  const owned = await openAsOwner({ dbPath, kind: 'serve', samplesDir: samplesDir(), appVersion: version, onEvent: (e) => door?.broadcast(e) });
  const { api } = owned;
  const port = flag('port');
  door = await startHttpDoor({ api, rendererDir: rendererDir(), ...(port ? { port: Number(port) } : {}), ...(flag('token') ? { token: flag('token')! } : {}) });
  // Tests read this exact line to find the URL.
  console.log(`Vignette is running at ${door.url}`);
  console.log(`Database: ${dbPath}`);
  const stop = () => {
    void door!.close().then(() => {
      owned.close();
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
