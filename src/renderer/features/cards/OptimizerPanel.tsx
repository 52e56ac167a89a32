/**
 * Settings → Spaced repetition → Optimise: fits the FSRS weights to the student's own reviews (in a worker thread in
 * the core), with a progress bar, cancel, and the log loss / RMSE before and after. The old weights stay unless the
 * new fit is better.
 */
import { useEffect, useState } from 'react';
import { ApiError, call, onProgress } from '../../api';
import { ErrorBox } from '../../components/common';
import { useApi, useApiMutation } from '../../queries';
import type { ProgressEvent } from '../../../shared/contract';
import type { OptimizeReport } from '../../../shared/optimizer';
import './optimizer.css';

const STATUS: Record<OptimizeReport['status'], { label: string; tone: string }> = {
  improved: { label: 'New weights saved', tone: 'good' },
  kept: { label: 'Current weights kept', tone: 'warn' },
  'too-few': { label: 'Not enough reviews yet', tone: 'warn' },
  initial: { label: 'Initial stabilities updated', tone: 'good' },
};

function Fit({ report }: { report: OptimizeReport }) {
  if (!report.before || !report.after) return null;
  const better = (a: number, b: number) => (a < b ? 'good' : 'muted');
  return (
    <table className="data optimizer-fit" data-testid="optimizer-fit">
      <thead>
        <tr>
          <th />
          <th className="num">Before</th>
          <th className="num">After</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Log loss</th>
          <td className="num">{report.before.logLoss.toFixed(4)}</td>
          <td className={`num ${better(report.after.logLoss, report.before.logLoss)}`}>{report.after.logLoss.toFixed(4)}</td>
        </tr>
        <tr>
          <th scope="row">RMSE (bins)</th>
          <td className="num">{(report.before.rmse * 100).toFixed(2)}%</td>
          <td className={`num ${better(report.after.rmse, report.before.rmse)}`}>{(report.after.rmse * 100).toFixed(2)}%</td>
        </tr>
      </tbody>
    </table>
  );
}

export function OptimizerPanel() {
  const config = useApi('cards:config', {});
  const run = useApiMutation('cards:optimize', ['cards:config', 'cards:session', 'cards:stats', 'cards:workload']);
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const [cancelling, setCancelling] = useState(false);

  useEffect(() => {
    if (!run.isPending) return;
    setProgress(null);
    setCancelling(false);
    return onProgress((e) => e.kind === 'optimize' && setProgress(e));
  }, [run.isPending]);

  const cancelled = run.error instanceof ApiError && run.error.code === 'CONFLICT' && /cancelled/i.test(run.error.message);
  const report = run.data;
  const custom = !!config.data?.weights;
  return (
    <section className="card optimizer" aria-labelledby="optimizer-heading" data-testid="optimizer">
      <h2 id="optimizer-heading">Optimise FSRS weights</h2>
      <p className="muted">
        FSRS predicts when you will forget with 21 weights. The optimiser fits them to your own review history (flashcards, question cards and imported Anki
        reviews), the way Anki&apos;s “Optimize” does. Lower log loss and RMSE mean the predictions match your memory better; your current weights are
        kept unless the new ones do better. Now using: <strong data-testid="weights-in-use">{custom ? 'your optimised weights' : 'the FSRS default weights'}</strong>.
      </p>
      <div className="row">
        <button className="primary" data-testid="optimize" disabled={run.isPending} onClick={() => run.mutate({ apply: true })}>
          {run.isPending ? 'Optimising…' : 'Optimise'}
        </button>
        {run.isPending && (
          <button
            data-testid="optimize-cancel"
            disabled={cancelling}
            onClick={() => {
              setCancelling(true);
              void call('cards:optimizeCancel', {});
            }}
          >
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
      </div>
      {run.isPending && (
        <div className="import-progress" aria-live="polite" data-testid="optimize-progress">
          {progress && progress.total > 1 ? <progress value={progress.done} max={progress.total} /> : <progress />}
          <span className="muted small">{progress && progress.total > 1 ? `Training: ${Math.round((progress.done / progress.total) * 100)}%` : 'Reading your review history…'}</span>
        </div>
      )}
      {cancelled ? <p className="notice" data-testid="optimize-cancelled">{run.error!.message}</p> : <ErrorBox error={run.error} title="The optimiser could not run" />}
      {report && (
        <div className="optimizer-result" aria-live="polite" data-testid="optimize-result">
          <p>
            <span className={`badge ${STATUS[report.status].tone}`}>{STATUS[report.status].label}</span> {report.message}
          </p>
          <Fit report={report} />
          <p className="muted small">
            {report.reviews.toLocaleString()} reviews of {report.cards.toLocaleString()} cards; took{' '}
            {report.durationMs < 1000 ? 'under a second' : `${(report.durationMs / 1000).toFixed(1)} seconds`}.
            {report.applied ? ' New answers are scheduled with the new weights.' : ''}
          </p>
        </div>
      )}
    </section>
  );
}
