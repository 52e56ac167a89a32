/** Bench row "optimise 10,000 cards": simulated two-year histories, fitted by the worker-thread optimiser. */
import { optimise } from '../src/main/core/srs/optimizer';
import { buildTrainingSet } from '../src/main/core/srs/trainingItems';
import { simulateHistories, utcDay } from '../tests/helpers/simulateReviews';

type Record = (name: string, unit: string, samples: number[], budget: number | null) => void;

export async function benchOptimiser(record: Record): Promise<void> {
  const set = buildTrainingSet(simulateHistories(10_000, 730), utcDay);
  const samples: number[] = [];
  let last = '';
  for (let run = 0; run < 2; run++) {
    const t0 = performance.now();
    const result = await optimise(set);
    samples.push(performance.now() - t0);
    last = result.message;
  }
  console.log(`  optimiser: ${set.cards} cards, ${set.reviews} reviews, ${set.items} items — ${last}`);
  record('optimise 10,000 cards (worker thread)', 'ms', samples, null);
}

if (process.argv[1]?.endsWith('optimizer.ts')) {
  void benchOptimiser((name, unit, samples) => console.log(`${name}: ${samples.map((s) => Math.round(s)).join(', ')} ${unit}`));
}
