/**
 * The FSRS optimiser: fits the 21 weights to the student's own review history with @open-spaced-repetition/binding
 * (fsrs-rs), in a worker thread so neither the UI nor the core's event loop waits. Like Anki, the old weights are
 * kept unless the new fit has a lower log loss, and a small history gets a plain message instead of a refusal.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { default_w } from 'ts-fsrs';
import { OPTIMIZER_WORKER_SOURCE } from './optimizerWorker';
import type { TrainingSet } from './trainingItems';

export interface Fit {
  logLoss: number;
  rmse: number;
}

export interface OptimiseResult {
  /**
   * improved: new weights adopted; kept: the fit was not better; too-few: nothing to fit; initial: a small history
   * (< 64 items) changed only the initial stabilities and was too small to measure, so they are adopted as fitted.
   */
  status: 'improved' | 'kept' | 'too-few' | 'initial';
  /** The weights to use from now on (the old ones unless improved). */
  weights: number[];
  previous: number[];
  before: Fit | null;
  after: Fit | null;
  cards: number;
  reviews: number;
  items: number;
  message: string;
  durationMs: number;
}

export interface OptimiseOptions {
  /** Current weights; the defaults when the student has never optimised. */
  weights?: readonly number[];
  enableShortTerm?: boolean;
  numRelearningSteps?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** fsrs-rs returns the defaults below 8 items and fits only w0–w3 (initial stability) below 64. */
export const MIN_ITEMS = 8;
export const FULL_FIT_ITEMS = 64;

export class OptimiseCancelled extends Error {
  constructor() {
    super('Optimisation cancelled; your weights were not changed');
    this.name = 'OptimiseCancelled';
  }
}

function bindingPath(): string {
  // Resolved here (where the bundler and test runner know the module graph) and handed to the eval'd worker.
  return createRequire(import.meta.url).resolve('@open-spaced-repetition/binding');
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

function describe(status: OptimiseResult['status'], set: TrainingSet, before: Fit | null, after: Fit | null, initialOnly: boolean): string {
  const base = `${plural(set.reviews, 'review')} of ${plural(set.cards, 'card')}`;
  if (status === 'too-few') {
    return `Only ${base} can be used (${plural(set.items, 'review')} after the first day of a card); at least ${MIN_ITEMS} are needed. Keep reviewing and try again.`;
  }
  const small = initialOnly ? ` Too few usable reviews for a full fit (fewer than ${FULL_FIT_ITEMS}): only the initial stabilities change.` : '';
  if (!before || !after) {
    return status === 'initial'
      ? `Fitted on ${base}.${small} There are too few reviews to measure the fit, so the new initial stabilities are used as fitted; keep reviewing for a full fit.`
      : `The fit on ${base} could not be measured; your current weights were kept.${small}`;
  }
  const gain = before.logLoss - after.logLoss;
  return status === 'improved'
    ? `New weights fitted on ${base}: they predict your recall better (log loss ${gain.toFixed(4)} lower).${small}`
    : `The fit on ${base} was not better than your current weights; they were kept.${small}`;
}

export function optimise(set: TrainingSet, options: OptimiseOptions = {}): Promise<OptimiseResult> {
  const started = performance.now();
  const previous = [...(options.weights ?? default_w)];
  const finish = (status: OptimiseResult['status'], weights: number[], before: Fit | null, after: Fit | null, initialOnly = false): OptimiseResult => ({
    status,
    weights,
    previous,
    before,
    after,
    cards: set.cards,
    reviews: set.reviews,
    items: set.items,
    message: describe(status, set, before, after, initialOnly),
    durationMs: Math.round(performance.now() - started),
  });
  if (set.items < MIN_ITEMS) return Promise.resolve(finish('too-few', previous, null, null));
  if (options.signal?.aborted) return Promise.reject(new OptimiseCancelled());

  return new Promise((resolve, reject) => {
    const worker = new Worker(OPTIMIZER_WORKER_SOURCE, {
      eval: true,
      workerData: {
        bindingPath: bindingPath(),
        set: { ratings: set.ratings, deltas: set.deltas, offsets: set.offsets },
        weights: previous,
        enableShortTerm: options.enableShortTerm ?? true,
        numRelearningSteps: options.numRelearningSteps ?? 1,
        items: set.items,
        fullFitItems: FULL_FIT_ITEMS,
        defaults: [...default_w],
      },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      fn();
      void worker.terminate();
    };
    const onAbort = () => worker.postMessage('cancel');
    options.signal?.addEventListener('abort', onAbort);
    worker.on('message', (m: { type: string; done?: number; total?: number; weights?: number[]; before?: Fit | null; after?: Fit | null; initialOnly?: boolean; message?: string }) => {
      if (m.type === 'progress') options.onProgress?.(m.done!, m.total!);
      else if (m.type === 'cancelled') settle(() => reject(new OptimiseCancelled()));
      else if (m.type === 'error') settle(() => reject(new Error(`The optimiser failed: ${m.message}`)));
      else if (m.type === 'done') {
        const before = m.before ?? null;
        const after = m.after ?? null;
        // Too small to evaluate (fsrs-rs: NotEnoughData): only w0–w3 were fitted (SRS.md: say so, don't block), and
        // they are adopted; a full fit that cannot be measured keeps the current weights.
        const initialOnly = !!m.initialOnly;
        const status = before && after ? (after.logLoss < before.logLoss ? 'improved' : 'kept') : initialOnly ? 'initial' : 'kept';
        settle(() => resolve(finish(status, status === 'kept' ? previous : m.weights!, before, after, initialOnly)));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`The optimiser stopped unexpectedly (exit ${code})`))));
  });
}
