/** The packs in the library: what each one is, where it came from, and removing one (with an inline confirm step). */
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorBox, formatDate } from '../../components/common';
import { useApi, useApiMutation } from '../../queries';
import type { ImportFormat, PackSummary } from '../../../shared/types';

export const FORMAT_LABEL: Record<ImportFormat, string> = {
  native: 'Vignette pack',
  medqa: 'MedQA JSONL',
  csv: 'CSV / TSV',
  'json-map': 'JSON + mapping',
  notes: 'Markdown notes',
};

const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

export function PackList() {
  const packs = useApi('packs:list', {});
  const loadSamples = useApiMutation('packs:loadSamples');

  if (packs.isLoading) return null;
  if (packs.error) return <ErrorBox error={packs.error} title="Could not list your packs" />;
  if (!packs.data || packs.data.length === 0) {
    return (
      <>
        <ErrorBox error={loadSamples.error} title="Could not load the sample packs" />
        <EmptyState
          title="No question packs yet"
          action={
            <>
              <Link className="button primary" to="/import">
                Import questions
              </Link>
              <button disabled={loadSamples.isPending} onClick={() => loadSamples.mutate({})}>
                {loadSamples.isPending ? 'Loading…' : 'Load sample packs'}
              </button>
            </>
          }
        >
          Import a Vignette pack, a MedQA file, a CSV export or a JSON array to build your bank, or start with the three small sample packs of original Step 1,
          Step 2 CK and Step 3 questions.
        </EmptyState>
      </>
    );
  }
  return (
    <section className="card" aria-labelledby="packs-heading">
      <div className="row lib-section-head">
        <h2 id="packs-heading">Packs</h2>
        <span className="muted">{plural(packs.data.length, 'pack')}</span>
        <span className="spacer" />
        <Link className="button" to="/import">
          Import more
        </Link>
      </div>
      <table className="data pack-table">
        <thead>
          <tr>
            <th>Pack</th>
            <th className="num">Questions</th>
            <th className="col-source">Source</th>
            <th>Imported</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {packs.data.map((p) => (
            <PackRow key={p.id} pack={p} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function PackRow({ pack }: { pack: PackSummary }) {
  const [confirming, setConfirming] = useState(false);
  const remove = useApiMutation('packs:remove');
  return (
    <>
      <tr data-testid="pack-row">
        <td>
          <strong>{pack.title}</strong> <span className="muted">v{pack.version}</span>
          {pack.description && (
            <div className="muted small pack-description" title={pack.description}>
              {pack.description}
            </div>
          )}
        </td>
        <td className="num">
          {pack.questionCount.toLocaleString()}
          {pack.retiredCount > 0 && (
            <div>
              <span className="badge" title="Questions removed from this pack by a newer version; your history for them is kept">
                {pack.retiredCount.toLocaleString()} retired
              </span>
            </div>
          )}
        </td>
        <td>
          {FORMAT_LABEL[pack.sourceFormat]}
          <div className="muted small file-name" title={pack.sourceName}>
            {pack.sourceName}
          </div>
        </td>
        <td className="nowrap">{formatDate(pack.importedAt)}</td>
        <td className="actions">
          {!confirming && (
            <button className="danger" onClick={() => setConfirming(true)} aria-label={`Remove ${pack.title}`}>
              Remove
            </button>
          )}
        </td>
      </tr>
      {confirming && (
        <tr className="confirm-row">
          <td colSpan={5}>
            <div className="warn-box" role="alertdialog" aria-label={`Remove ${pack.title}?`}>
              <strong>Remove “{pack.title}”?</strong>
              <p>
                Its {plural(pack.questionCount, 'question')} {pack.questionCount === 1 ? 'leaves' : 'leave'} the library and new blocks; your answers, history and
                notes are kept.
              </p>
              <ErrorBox error={remove.error} title="Could not remove the pack" />
              <div className="row">
                <button className="danger" disabled={remove.isPending} onClick={() => remove.mutate({ packId: pack.id })} autoFocus>
                  {remove.isPending ? 'Removing…' : 'Remove pack'}
                </button>
                <button onClick={() => setConfirming(false)} disabled={remove.isPending}>
                  Cancel
                </button>
              </div>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
