/** Settings → Spaced repetition: retention with its estimated workload, limits, steps, rollover hour, rescheduling. */
import { useEffect, useState } from 'react';
import { ErrorBox } from '../../components/common';
import { useApi, useApiMutation } from '../../queries';
import type { SrsConfig } from '../../../shared/srs';

const RETENTIONS = [0.8, 0.85, 0.9, 0.95];
const parseSteps = (text: string) => text.split(/[\s,]+/).filter(Boolean);

export function SrsSettings() {
  const config = useApi('cards:config', {});
  const save = useApiMutation('cards:setConfig', ['cards:config', 'cards:counts', 'cards:session', 'cards:workload', 'settings:get', 'cards:stats']);
  const [draft, setDraft] = useState<SrsConfig | null>(null);
  const [steps, setSteps] = useState({ learning: '', relearning: '' });
  const [reschedule, setReschedule] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    if (config.data && !draft) {
      setDraft(config.data);
      setSteps({ learning: config.data.learningSteps.join(' '), relearning: config.data.relearningSteps.join(' ') });
    }
  }, [config.data, draft]);
  const retention = draft?.desiredRetention ?? 0.9;
  const workload = useApi('cards:workload', { retentions: [...new Set([...RETENTIONS, retention])].sort() }, { placeholderData: (p) => p });
  if (!draft) return null;

  const patch = (p: Partial<SrsConfig>) => setDraft({ ...draft, ...p });
  const apply = async () => {
    const r = await save.mutateAsync({
      patch: {
        desiredRetention: draft.desiredRetention,
        maximumIntervalDays: draft.maximumIntervalDays,
        newPerDay: draft.newPerDay,
        reviewsPerDay: draft.reviewsPerDay,
        rolloverHour: draft.rolloverHour,
        learningSteps: parseSteps(steps.learning),
        relearningSteps: parseSteps(steps.relearning),
        examCap: draft.examCap,
      },
      reschedule,
    });
    setSaved(reschedule ? `Saved. ${r.rescheduled} review card${r.rescheduled === 1 ? '' : 's'} rescheduled to the new retention.` : 'Saved.');
    setReschedule(false);
  };
  const perDay = (r: number) => workload.data?.estimates.find((e) => Math.abs(e.retention - r) < 1e-9)?.perDay;
  const current = perDay(retention);

  return (
    <section className="card srs-settings" data-testid="srs-settings">
      <h2>Spaced repetition</h2>
      <div className="form-grid">
        <label htmlFor="retention">Desired retention</label>
        <div>
          <div className="row">
            <input id="retention" type="range" min={0.7} max={0.99} step={0.01} value={retention} onChange={(e) => patch({ desiredRetention: Number(e.target.value) })} />
            <strong data-testid="retention-value">{Math.round(retention * 100)}%</strong>
            <span className="muted" data-testid="workload">
              {workload.data && workload.data.reviewCards > 0 && current !== undefined
                ? `≈ ${current.toFixed(1)} reviews a day for your ${workload.data.reviewCards} review cards`
                : 'the estimate appears once you have review cards'}
            </span>
          </div>
          <p className="muted small">
            The share of cards you want to still recall when they come due. Higher means more reviews: {RETENTIONS.map((r) => `${r * 100}% ≈ ${perDay(r)?.toFixed(1) ?? '…'}/day`).join(' · ')}.
            An estimate for today&apos;s cards; it falls as memories grow stronger.
          </p>
        </div>
        <label htmlFor="max-ivl">Maximum interval</label>
        <div className="row">
          <input id="max-ivl" type="number" min={1} max={36500} value={draft.maximumIntervalDays} onChange={(e) => patch({ maximumIntervalDays: Number(e.target.value) || 1 })} />
          <span className="muted">days</span>
        </div>
        <label htmlFor="learn-steps">Learning steps</label>
        <input id="learn-steps" value={steps.learning} onChange={(e) => setSteps({ ...steps, learning: e.target.value })} placeholder="1m 10m" />
        <label htmlFor="relearn-steps">Relearning steps</label>
        <input id="relearn-steps" value={steps.relearning} onChange={(e) => setSteps({ ...steps, relearning: e.target.value })} placeholder="10m" />
        <label htmlFor="new-per-day">New cards per day</label>
        <input id="new-per-day" type="number" min={0} max={9999} value={draft.newPerDay} onChange={(e) => patch({ newPerDay: Number(e.target.value) })} data-testid="new-per-day" />
        <label htmlFor="reviews-per-day">Reviews per day</label>
        <input id="reviews-per-day" type="number" min={0} max={99999} value={draft.reviewsPerDay} onChange={(e) => patch({ reviewsPerDay: Number(e.target.value) })} />
        <label htmlFor="rollover">Next day starts at</label>
        <select id="rollover" value={draft.rolloverHour} onChange={(e) => patch({ rolloverHour: Number(e.target.value) })}>
          {Array.from({ length: 24 }, (_, h) => (
            <option key={h} value={h}>
              {String(h).padStart(2, '0')}:00
            </option>
          ))}
        </select>
        <label htmlFor="exam-cap">Exam date</label>
        <label className="row">
          <input id="exam-cap" type="checkbox" checked={draft.examCap} onChange={(e) => patch({ examCap: e.target.checked })} /> Bring every card back before my exam date (set above)
        </label>
        <span />
        <label className="row">
          <input type="checkbox" checked={reschedule} onChange={(e) => setReschedule(e.target.checked)} data-testid="reschedule" /> Also reschedule my review cards to the new retention
          (logged in each card&apos;s history)
        </label>
      </div>
      <ErrorBox error={save.error} title="Not saved" />
      <div className="row" style={{ marginTop: '0.8rem' }}>
        <button className="primary" onClick={() => void apply()} disabled={save.isPending} data-testid="save-srs">
          Save spaced repetition settings
        </button>
        {saved && <span className="muted" role="status">{saved}</span>}
      </div>
    </section>
  );
}
