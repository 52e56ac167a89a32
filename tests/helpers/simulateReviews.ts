/**
 * Generates review histories for optimiser tests and the bench: each card is reviewed by a ts-fsrs scheduler, and
 * whether the student remembers is drawn from the forgetting curve of a "true" memory model with non-default
 * weights, so a fit on the histories should move toward those weights and beat the defaults.
 */
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';
import type { TrainingReview } from '../../src/main/core/srs/trainingItems';

const DAY = 86_400_000;
export const START = Date.UTC(2025, 0, 1, 12);

/** A memory model unlike the defaults: memories last much longer after Good/Easy and lapses hurt less. */
export const TRUE_W = [
  1.2, 3.5, 9.0, 25.0, 6.8, 0.6, 1.6, 0.02, 1.9, 0.25, 0.8, 1.6, 0.09, 0.3, 1.8, 0.4, 2.2, 0.5, 0.2, 0.1, 0.2,
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function simulateHistories(cards: number, days: number, seed = 7): TrainingReview[][] {
  const random = rng(seed);
  const truth = fsrs(generatorParameters({ w: TRUE_W, enable_short_term: false, enable_fuzz: false }));
  const histories: TrainingReview[][] = [];
  for (let c = 0; c < cards; c++) {
    let card: Card = createEmptyCard(new Date(START));
    let at = START + Math.floor(random() * days * 0.5) * DAY;
    const history: TrainingReview[] = [];
    let first = true;
    while (at < START + days * DAY) {
      let rating: Grade;
      if (first) rating = random() < 0.25 ? Rating.Again : random() < 0.9 ? Rating.Good : Rating.Easy;
      else {
        const recall = random() < truth.get_retrievability(card, new Date(at), false);
        rating = !recall ? Rating.Again : random() < 0.1 ? Rating.Hard : random() < 0.92 ? Rating.Good : Rating.Easy;
      }
      history.push({ rating, at, kind: first ? 'learn' : rating === Rating.Again ? 'relearn' : 'review' });
      card = truth.next(card, new Date(at), rating).card;
      first = false;
      // The student shows up on the due day or a little late.
      at = Math.max(at + DAY, card.due.getTime()) + Math.floor(random() * 3) * DAY;
    }
    histories.push(history);
  }
  return histories;
}

export const utcDay = (ms: number) => Math.floor(ms / DAY);
