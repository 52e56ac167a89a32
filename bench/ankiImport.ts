/** Bench row "import an Anki deck (10,000 notes, ~85,000 reviews)": read, convert, replay with FSRS and write. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApi } from '../src/main/core/api';
import { openDatabase } from '../src/main/core/db/open';
import { buildPackage, deckWithHistory } from '../tests/helpers/ankiPackage';
import { simulateHistories } from '../tests/helpers/simulateReviews';

type Record = (name: string, unit: string, samples: number[], budget: number | null) => void;

export async function benchAnkiImport(record: Record): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vignette-anki-bench-'));
  try {
    const histories = simulateHistories(10_000, 730);
    const file = join(dir, 'deck.apkg');
    writeFileSync(file, buildPackage('latest', deckWithHistory(histories)));
    const samples: number[] = [];
    let reviews = 0;
    for (let run = 0; run < 2; run++) {
      const dbPath = join(dir, `anki-${run}.db`);
      const db = openDatabase(dbPath);
      const api = createApi(db, { dbPath, samplesDir: resolve(__dirname, '../question-packs') });
      const t0 = performance.now();
      const report = await api.call('packs:import', { paths: [file] });
      samples.push(performance.now() - t0);
      reviews = report.anki![0]!.reviews.added;
      db.close();
    }
    console.log(`  anki import: 10,000 notes, ${reviews.toLocaleString('en-US')} reviews replayed`);
    record('import an Anki deck (10,000 notes + history)', 'ms', samples, null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('ankiImport.ts')) {
  void benchAnkiImport((name, unit, samples) => console.log(`${name}: ${samples.map((s) => Math.round(s)).join(', ')} ${unit}`));
}
