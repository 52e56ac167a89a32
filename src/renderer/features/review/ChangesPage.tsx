/** Answer changes across all blocks: how often changing an answer helped or hurt, with the items behind each count. */
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorBox, Loading, PageHeader, formatDate } from '../../components/common';
import { useApi } from '../../queries';
import { CHANGE_KINDS, CHANGE_LABELS, type ChangeKind } from '../../../shared/review';
import { letter } from './labels';

export function ChangesPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('kind');
  const kind = (CHANGE_KINDS as readonly string[]).includes(raw ?? '') ? (raw as ChangeKind) : undefined;
  const changes = useApi('review:changes', kind ? { kind } : {}, { placeholderData: (prev) => prev });
  const navigate = useNavigate();
  const total = changes.data ? CHANGE_KINDS.reduce((s, k) => s + changes.data!.counts[k], 0) : 0;
  return (
    <>
      <PageHeader
        title="Answer changes"
        subtitle="Every time you changed an answer in a finished block: did the second thought help?"
        actions={
          <Link className="button" to="/review">
            Finished blocks
          </Link>
        }
      />
      <ErrorBox error={changes.error} />
      {!changes.data && <Loading />}
      {changes.data && (
        <>
          <div className="grid cols-3" data-testid="all-changes">
            {CHANGE_KINDS.map((k) => (
              <button key={k} className="card stat stat-button" aria-pressed={kind === k} onClick={() => setParams(kind === k ? {} : { kind: k })} data-testid={`all-changes-${k}`}>
                <span className="value">{changes.data!.counts[k]}</span>
                <span className="label">
                  {CHANGE_LABELS[k]}
                  {total ? ` · ${Math.round((changes.data!.counts[k] / total) * 100)}%` : ''}
                </span>
              </button>
            ))}
          </div>
          <section className="card" style={{ marginTop: '1rem' }}>
            <h2>{kind ? CHANGE_LABELS[kind] : 'All changes'}</h2>
            {changes.data.items.length === 0 ? (
              <p className="muted">No answer changes {kind ? 'of this kind ' : ''}yet.</p>
            ) : (
              <table className="data">
                <thead>
                  <tr>
                    <th>Block</th>
                    <th className="num">Item</th>
                    <th>Change</th>
                    <th>Ended</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.data.items.map((c, i) => {
                    const to = `/blocks/${c.blockId}/review/${c.position}?filter=${c.kind}`;
                    return (
                      <tr key={i} className="clickable" tabIndex={0} onClick={() => navigate(to)} onKeyDown={(e) => e.key === 'Enter' && navigate(to)}>
                        <td>Block {c.blockId}</td>
                        <td className="num">{c.position + 1}</td>
                        <td>
                          {letter(c.from)} → {letter(c.to)} <span className="muted small">({CHANGE_LABELS[c.kind]})</span>
                        </td>
                        <td className="muted small">{c.finishedAt ? formatDate(c.finishedAt) : ''}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </>
  );
}
