import { Link } from 'react-router';
import { EmptyState, ErrorBox, PageHeader } from '../../components/common';
import { BlocksTable } from '../blocks/BlocksPage';
import { useApi, useApiMutation } from '../../queries';
import { TodayCard } from '../dashboard/TodayCard';

export function HomePage() {
  const info = useApi('app:info', {});
  const settings = useApi('settings:get', {});
  const open = useApi('blocks:list', { status: 'open' });
  // The countdown comes from the core's clock (via the plan), not the browser's.
  const dashboard = useApi('stats:dashboard', {});
  const loadSamples = useApiMutation('packs:loadSamples');
  const dismiss = useApiMutation('settings:set');
  const counts = info.data?.counts;
  const offerSamples = counts && counts.questions === 0 && settings.data && !settings.data.samplesOffered;
  // First start: nothing imported and no block yet. Then "Welcome back" would be untrue, and the way in is importing.
  const firstStart = counts !== undefined && counts.packs === 0 && counts.blocks === 0 && counts.cards === 0 && counts.notes === 0;

  return (
    <>
      <PageHeader
        title={firstStart ? 'Welcome to Vignette' : 'Welcome back'}
        subtitle={
          firstStart
            ? 'Start by importing questions — a Vignette pack, a MedQA file, a CSV export or an Anki deck — or try the sample packs below.'
            : settings.data?.examDate
            ? `${dashboard.data?.plan.daysLeft != null ? `${dashboard.data.plan.daysLeft} days until your exam` : 'Your exam'} (${settings.data.examDate}).`
            : 'Set your exam date in Settings to see a countdown.'
        }
        actions={
          firstStart ? (
            <Link className="button primary" to="/import">
              Import questions
            </Link>
          ) : (
            <Link className="button primary" to="/create">
              Create a block
            </Link>
          )
        }
      />
      <ErrorBox error={info.error ?? loadSamples.error} />
      {dashboard.data && <TodayCard dashboard={dashboard.data} />}
      {offerSamples && (
        <div className="notice" data-testid="samples-offer">
          <h2>Start with our sample packs?</h2>
          <p>
            Vignette ships three small packs of original Step 1, Step 2 CK and Step 3 questions, each with a full explanation of every choice. Load them to try a block
            now; you can remove them from the Library at any time.
          </p>
          <div className="row">
            <button className="primary" disabled={loadSamples.isPending} onClick={() => loadSamples.mutate({})}>
              {loadSamples.isPending ? 'Loading…' : 'Load sample packs'}
            </button>
            <button onClick={() => dismiss.mutate({ samplesOffered: true })}>Not now</button>
          </div>
        </div>
      )}
      {loadSamples.data && (
        <div className="notice" role="status">
          Loaded {loadSamples.data.packs.reduce((n, p) => n + p.added + p.updated + p.unchanged, 0)} questions from {loadSamples.data.packs.length} packs.
        </div>
      )}
      <div className="grid cols-4" style={{ marginBottom: '1.25rem' }}>
        <div className="card stat">
          <span className="value">{counts?.questions ?? '—'}</span>
          <span className="label">questions in your bank</span>
        </div>
        <div className="card stat">
          <span className="value">{counts?.packs ?? '—'}</span>
          <span className="label">packs</span>
        </div>
        <div className="card stat">
          <span className="value">{counts?.answers ?? '—'}</span>
          <span className="label">questions answered</span>
        </div>
        <div className="card stat">
          <span className="value">{counts?.notes ?? '—'}</span>
          <span className="label">notes</span>
        </div>
      </div>
      <section className="card">
        <h2>Blocks in progress</h2>
        {open.data && open.data.length === 0 && <p className="muted">No unfinished blocks. Create one to start practising.</p>}
        {open.data && open.data.length > 0 && (
          <div data-testid="open-blocks">
            <BlocksTable blocks={open.data} />
          </div>
        )}
      </section>
      {counts && counts.questions === 0 && !offerSamples && (
        <EmptyState title="Your bank is empty" action={<Link className="button primary" to="/import">Import questions</Link>}>
          Import a Vignette pack, a MedQA file, a CSV export or your own notes to get started.
        </EmptyState>
      )}
    </>
  );
}
