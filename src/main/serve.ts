/**
 * Browser mode: `npm run serve` — the whole app in any browser on this machine, no Electron needed.
 * Flags: --db <file>, --port <n> (default 0 = any free port), --token <t> (tests pass their own).
 * VIGNETTE_CLOCK_OFFSET_MS shifts the core's clock (tests and demos of spaced repetition only).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createApi } from './core/api';
import { openDatabase } from './core/db/open';
import { startHttpDoor, type HttpDoor } from './doors/http';
import { rendererDir, resolveDbPath, samplesDir } from './paths';
import { version } from '../../package.json';
import { clockFromEnv } from './fileClock';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const dbPath = resolveDbPath(flag('db'));
  mkdirSync(dirname(dbPath), { recursive: true });
  const db = openDatabase(dbPath);
  let door: HttpDoor | undefined;
  // VIGNETTE_CLOCK_OFFSET_MS moves the core's clock (e2e tests jump to "tomorrow" to see cards come due);
  // VIGNETTE_CLOCK_FILE sets it from a file the test rewrites (the dashboard e2e simulates study days).
  const offset = Number(process.env.VIGNETTE_CLOCK_OFFSET_MS ?? 0) || 0;
  const clock = offset ? { now: () => Date.now() + offset } : clockFromEnv();
  const api = createApi(db, { dbPath, samplesDir: samplesDir(), appVersion: version, clock, onEvent: (e) => door?.broadcast(e) });
  const port = flag('port');
  door = await startHttpDoor({ api, rendererDir: rendererDir(), ...(port ? { port: Number(port) } : {}), ...(flag('token') ? { token: flag('token')! } : {}) });
  // Tests read this exact line to find the URL.
  console.log(`Vignette is running at ${door.url}`);
  console.log(`Database: ${dbPath}`);
  const stop = () => {
    void door!.close().then(() => {
      db.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`vignette serve: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
