/**
 * Turns review histories into the optimiser's training data, the way Anki builds it for FSRS:
 *  - per card, only the history since the start of its last learning run (a reset cuts everything before it);
 *  - manual entries, reschedules and cram reviews (filtered deck without rescheduling) are dropped;
 *  - delta_t is counted in whole study days (the caller's day function, with the rollover hour);
 *  - the first review has delta_t 0; a card without a learning start (history cut off by an export) is skipped.
 * The result is compact (one rating and one delta per review, offsets per card) so it crosses to the worker thread
 * as three typed arrays; the worker expands each card into one item per review with delta_t > 0.
 */

/** Kinds as Anki's revlog types, plus our own reset. */
export type ReviewKind = 'learn' | 'review' | 'relearn' | 'filtered' | 'manual' | 'rescheduled' | 'reset';

export interface TrainingReview {
  /** 1–4; 0 for entries that are not answers (manual, reschedule, reset). */
  rating: number;
  /** Epoch ms. */
  at: number;
  kind: ReviewKind;
  /** Anki's cram marker: a filtered-deck review that did not reschedule. */
  cram?: boolean;
}

export interface TrainingSet {
  ratings: Uint8Array;
  deltas: Int32Array;
  /** Card i's reviews are [offsets[i], offsets[i + 1]). */
  offsets: Int32Array;
  cards: number;
  reviews: number;
  /** How many items the optimiser will see (reviews with delta_t > 0 after the first). */
  items: number;
}

/** Reviews of one card (chronological) → the (rating, study day) pairs the optimiser should see, or [] to skip. */
export function usableReviews(history: TrainingReview[], dayOf: (ms: number) => number): { rating: number; day: number }[] {
  let start = -1;
  for (let i = 0; i < history.length; i++) {
    const r = history[i]!;
    if (r.kind === 'reset') start = -1;
    else if (r.kind === 'learn' && r.rating > 0) {
      const previous = history[i - 1];
      if (start < 0 || !previous || previous.kind !== 'learn') start = i;
    }
  }
  if (start < 0) return [];
  const out: { rating: number; day: number }[] = [];
  for (const r of history.slice(start)) {
    if (r.rating < 1 || r.rating > 4) continue;
    if (r.kind === 'manual' || r.kind === 'rescheduled' || r.kind === 'reset' || r.cram) continue;
    out.push({ rating: r.rating, day: dayOf(r.at) });
  }
  return out;
}

/** Collects card histories one at a time (so a caller can read the log in chunks) into the compact training set. */
export class TrainingSetBuilder {
  private ratings: number[] = [];
  private deltas: number[] = [];
  private offsets: number[] = [0];
  private items = 0;

  constructor(private readonly dayOf: (ms: number) => number) {}

  add(history: TrainingReview[]): void {
    const reviews = usableReviews(history, this.dayOf);
    if (reviews.length === 0) return;
    reviews.forEach((r, i) => {
      const delta = i === 0 ? 0 : Math.max(0, r.day - reviews[i - 1]!.day);
      this.ratings.push(r.rating);
      this.deltas.push(delta);
      if (i > 0 && delta > 0) this.items++;
    });
    this.offsets.push(this.ratings.length);
  }

  finish(): TrainingSet {
    return {
      ratings: Uint8Array.from(this.ratings),
      deltas: Int32Array.from(this.deltas),
      offsets: Int32Array.from(this.offsets),
      cards: this.offsets.length - 1,
      reviews: this.ratings.length,
      items: this.items,
    };
  }
}

export function buildTrainingSet(histories: Iterable<TrainingReview[]>, dayOf: (ms: number) => number): TrainingSet {
  const builder = new TrainingSetBuilder(dayOf);
  for (const history of histories) builder.add(history);
  return builder.finish();
}
