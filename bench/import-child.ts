/**
 * One import in a fresh process, so its time and peak memory are its own (not the benchmark's other work).
 * Usage: tsx bench/import-child.ts <file> <db>  → prints {"ms": …, "peakMb": …}
 */
import { join, resolve } from 'node:path';
import { createApi } from '../src/main/core/api';
import { openDatabase } from '../src/main/core/db/open';

async function main(): Promise<void> {
  const [file, dbPath] = process.argv.slice(2);
  if (!file || !dbPath) throw new Error('usage: import-child <file> <db>');
  const db = openDatabase(dbPath);
  const api = createApi(db, { dbPath, samplesDir: join(resolve(__dirname, '..'), 'question-packs') });
  const t0 = performance.now();
  await api.call('packs:import', { paths: [file] });
  const ms = performance.now() - t0;
  db.close();
  // maxRSS is the process's peak resident memory in kilobytes.
  process.stdout.write(JSON.stringify({ ms, peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
