/**
 * Bench rows for the sample content and the lab panel (issue 10): loading the three sample packs into a fresh
 * database, and one keystroke of the lab-values search the runner's panel runs on every key.
 */
import { join } from 'node:path';
import { createApi } from '../src/main/core/api';
import { openDatabase } from '../src/main/core/db/open';
import { searchLabValues } from '../src/shared/labValues';

type Record = (name: string, unit: string, samples: number[], budget: number | null) => void;

export async function benchContent(work: string, samplesDir: string, record: Record): Promise<void> {
  const load: number[] = [];
  let questions = 0;
  for (let run = 0; run < 3; run++) {
    const file = join(work, `samples-${run}.db`);
    const db = openDatabase(file);
    const api = createApi(db, { dbPath: file, samplesDir });
    const t0 = performance.now();
    const report = await api.call('packs:loadSamples', {});
    load.push(performance.now() - t0);
    questions = report.packs.reduce((n, p) => n + p.added, 0);
    db.close();
  }
  record(`load the sample packs (${questions} questions, fresh db)`, 'ms', load, null);

  // What a student types, letter by letter, into the panel's search box.
  const typed = ['s', 'so', 'sod', 'sodium', 't', 'ts', 'tsh', 'f', 'ferr', 'ferr fem', 'p', 'paco2', 'a1c', ''];
  const search: number[] = [];
  for (let i = 0; i < 700; i++) {
    const query = typed[i % typed.length]!;
    const t0 = performance.now();
    searchLabValues(query);
    search.push(performance.now() - t0);
  }
  record('lab panel search, one keystroke', 'ms', search, 5);
}
