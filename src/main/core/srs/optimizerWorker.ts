/**
 * The optimiser's worker thread, as source text run with `new Worker(code, { eval: true })`: the same code works under
 * tsx, vitest and the electron-vite bundle without a separate build entry. It loads the FSRS binding by the absolute
 * path the main thread resolved, expands the compact training set into FSRSItems, evaluates the current weights,
 * fits new ones (progress posted back; a 'cancel' message makes the progress callback return false, which aborts
 * fsrs-rs), evaluates them and posts the result.
 */
export const OPTIMIZER_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const binding = require(workerData.bindingPath);
let cancelled = false;
parentPort.on('message', (m) => { if (m === 'cancel') cancelled = true; });

function items() {
  const { ratings, deltas, offsets } = workerData.set;
  const out = [];
  for (let c = 0; c + 1 < offsets.length; c++) {
    const reviews = [];
    for (let i = offsets[c]; i < offsets[c + 1]; i++) {
      reviews.push(new binding.FSRSBindingReview(ratings[i], deltas[i]));
      if (i > offsets[c] && deltas[i] > 0) out.push(new binding.FSRSBindingItem(reviews.slice()));
    }
  }
  return out;
}

// fsrs-rs refuses to evaluate a small history (NotEnoughData): then there is no log loss to compare, not an error.
function evaluate(weights, trainSet) {
  try {
    const fit = new binding.FSRSBinding(weights).evaluate(trainSet);
    return { logLoss: fit.logLoss, rmse: fit.rmseBins };
  } catch (error) {
    if (/NotEnoughData/.test(String(error && error.message || error))) return null;
    throw error;
  }
}

(async () => {
  try {
    const trainSet = items();
    const before = evaluate(workerData.weights, trainSet);
    parentPort.postMessage({ type: 'progress', done: 0, total: 1 });
    let weights = await binding.computeParameters(trainSet, {
      enableShortTerm: workerData.enableShortTerm,
      numRelearningSteps: workerData.numRelearningSteps,
      progress: (done, total) => {
        if (cancelled) return false;
        parentPort.postMessage({ type: 'progress', done, total });
        return true;
      },
    });
    if (cancelled) return parentPort.postMessage({ type: 'cancelled' });
    // Below its full-fit size (64 items after its own filtering) fsrs-rs fits only w0–w3 and returns its defaults for
    // the rest: then only w0–w3 change, and the student's own w4–w20 stay.
    const rest = weights.slice(4);
    const initialOnly = workerData.items < workerData.fullFitItems || rest.every((w, i) => Math.abs(w - workerData.defaults[i + 4]) < 1e-4);
    if (initialOnly) weights = [...weights.slice(0, 4), ...workerData.weights.slice(4)];
    const after = evaluate(weights, trainSet);
    parentPort.postMessage({ type: 'done', weights, before, after, initialOnly });
  } catch (error) {
    if (cancelled) return parentPort.postMessage({ type: 'cancelled' });
    parentPort.postMessage({ type: 'error', message: String(error && error.message || error) });
  }
})();
`;
