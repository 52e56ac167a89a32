import { useEffect, useState } from 'react';
import { ErrorBox, PageHeader } from '../../components/common';
import { useApi, useApiMutation } from '../../queries';
import type { Settings } from '../../../shared/types';
import { SrsSettings } from '../cards/SrsSettings';

export function SettingsPage() {
  const settings = useApi('settings:get', {});
  const info = useApi('app:info', {});
  const save = useApiMutation('settings:set', ['settings:get']);
  const [draft, setDraft] = useState<Settings | null>(null);
  useEffect(() => {
    if (settings.data) setDraft(settings.data);
  }, [settings.data]);
  if (!draft) return <PageHeader title="Settings" />;
  const update = (patch: Partial<Settings>) => {
    setDraft({ ...draft, ...patch });
    save.mutate(patch);
  };
  return (
    <>
      <PageHeader title="Settings" subtitle="Saved as you change them." />
      <ErrorBox error={save.error} />
      <section className="card">
        <h2>Your exam</h2>
        <div className="form-grid">
          <label htmlFor="exam">Exam</label>
          <select id="exam" value={draft.exam} onChange={(e) => update({ exam: e.target.value as Settings['exam'] })}>
            <option value="step1">USMLE Step 1</option>
            <option value="step2ck">USMLE Step 2 CK</option>
            <option value="step3">USMLE Step 3</option>
          </select>
          <label htmlFor="exam-date">Exam date</label>
          <input id="exam-date" type="date" value={draft.examDate ?? ''} onChange={(e) => update({ examDate: e.target.value || null })} />
          <label htmlFor="target">Target score</label>
          <input
            id="target"
            type="number"
            min={1}
            max={300}
            placeholder={draft.exam === 'step1' ? 'Pass/fail' : 'e.g. 250'}
            value={draft.targetScore ?? ''}
            onChange={(e) => update({ targetScore: e.target.value ? Number(e.target.value) : null })}
          />
        </div>
      </section>
      <SrsSettings />
      <section className="card">
        <h2>Reading</h2>
        <div className="form-grid">
          <label htmlFor="theme">Theme</label>
          <select id="theme" value={draft.theme} onChange={(e) => update({ theme: e.target.value as Settings['theme'] })}>
            <option value="system">Follow the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
          <label htmlFor="font">Text size</label>
          <div className="row">
            <input id="font" type="range" min={0.8} max={1.6} step={0.05} value={draft.fontScale} onChange={(e) => update({ fontScale: Number(e.target.value) })} />
            <span className="muted">{Math.round(draft.fontScale * 100)}%</span>
          </div>
        </div>
      </section>
      <section className="card">
        <h2>Your data</h2>
        <p>
          Everything lives in one file on this computer: <code data-testid="db-path">{info.data?.dbPath}</code> (schema version {info.data?.schemaVersion}).
        </p>
        <p className="muted">
          Back it up with File → Back up database…, or from a terminal: <code>npx vignette backup my-backup.db</code>. Restore with{' '}
          <code>npx vignette restore my-backup.db</code> while the app is closed.
        </p>
      </section>
    </>
  );
}
