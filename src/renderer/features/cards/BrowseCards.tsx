/** Browse and search every card; select one to see it rendered as in a session; edit, suspend or delete it. */
import { useState } from 'react';
import { ErrorBox, Loading, formatDate } from '../../components/common';
import { useApi, useApiMutation } from '../../queries';
import { useDebounced } from '../library/useDebounced';
import type { CardSummary } from '../../../shared/srs';
import { CardEditor, type EditorSeed } from './CardEditor';
import { CardPreview } from './CardPreview';
import { call } from '../../api';

const STATE = ['New', 'Learning', 'Review', 'Relearning'];
const PAGE = 50;
const REFRESH = ['cards:list', 'cards:counts', 'cards:session', 'cards:stats'] as const;

export function BrowseCards() {
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<'all' | 'question' | 'basic' | 'cloze'>('all');
  const [status, setStatus] = useState<'all' | 'due' | 'new' | 'suspended'>('all');
  const [page, setPage] = useState(0);
  const q = useDebounced(query, 200);
  const list = useApi('cards:list', { query: q, kind, status, page, pageSize: PAGE }, { placeholderData: (prev) => prev });
  const act = useApiMutation('cards:act', [...REFRESH]);
  const undo = useApiMutation('cards:undo', [...REFRESH]);
  const [editing, setEditing] = useState<EditorSeed | null>(null);
  const [undoable, setUndoable] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const flag = (c: CardSummary, action: 'suspend' | 'unsuspend' | 'delete') =>
    act.mutate({ cardId: c.id, action }, { onSuccess: () => setUndoable(`${action === 'delete' ? 'Deleted' : action === 'suspend' ? 'Suspended' : 'Unsuspended'}: ${c.front.slice(0, 60)}`) });

  const edit = async (c: CardSummary) => {
    const v = await call('cards:get', { cardId: c.id });
    setEditing({ kind: v.kind as 'basic' | 'cloze', frontMd: v.frontMd, backMd: v.backMd, tags: v.tags, questionId: v.questionId, cardId: v.id });
  };
  const total = list.data?.total ?? 0;
  return (
    <section className="card" data-testid="browse-cards">
      <div className="row search-row">
        <input className="search-input spacer" type="search" placeholder="Search cards…" value={query} onChange={(e) => { setQuery(e.target.value); setPage(0); }} aria-label="Search cards" data-testid="card-search" />
        <select value={kind} onChange={(e) => { setKind(e.target.value as typeof kind); setPage(0); }} aria-label="Card type">
          <option value="all">All types</option>
          <option value="question">Question cards</option>
          <option value="basic">Basic</option>
          <option value="cloze">Cloze</option>
        </select>
        <select value={status} onChange={(e) => { setStatus(e.target.value as typeof status); setPage(0); }} aria-label="Status">
          <option value="all">Any status</option>
          <option value="due">Due today</option>
          <option value="new">New</option>
          <option value="suspended">Suspended</option>
        </select>
      </div>
      <ErrorBox error={list.error ?? act.error ?? undo.error} />
      {undoable && (
        <div className="notice row" role="status">
          <span className="spacer">{undoable}</span>
          <button onClick={() => undo.mutate({}, { onSuccess: () => setUndoable(null) })} data-testid="browse-undo">
            Undo
          </button>
        </div>
      )}
      {!list.data ? (
        <Loading />
      ) : total === 0 ? (
        <p className="muted">No cards match. Make one with “New card”, or select text in an explanation and choose “Make card”.</p>
      ) : (
        <div className={selected !== null ? 'browse-layout with-preview' : 'browse-layout'}>
          <div>
            <p className="muted small">{total} card{total === 1 ? '' : 's'} · select a card to preview it</p>
            <table className="data cards-table">
              <thead>
                <tr>
                  <th>Card</th>
                  <th>Type</th>
                  <th>State</th>
                  <th>Due</th>
                  <th className="num">Stability</th>
                  <th className="num">Lapses</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((c) => (
                  <tr key={c.id} data-testid="card-row" className={c.id === selected ? 'selected' : undefined}>
                    <td className="card-front-cell">
                      <button className="link card-open" onClick={() => setSelected(c.id)} aria-current={c.id === selected ? 'true' : undefined} data-testid="card-open">
                        {c.front}
                      </button>
                      {c.tags.length > 0 && <span className="muted small"> {c.tags.map((t) => `#${t}`).join(' ')}</span>}
                    </td>
                    <td>{c.kind}</td>
                    <td>
                      {c.suspended ? <span className="badge warn">Suspended</span> : STATE[c.state]}
                    </td>
                    <td className="nowrap">{c.state === 0 ? '—' : formatDate(c.due)}</td>
                    <td className="num">{c.state === 0 ? '—' : `${c.stability.toFixed(1)} d`}</td>
                    <td className="num">{c.lapses}</td>
                    <td className="actions nowrap">
                      {c.kind !== 'question' && <button className="link" onClick={() => void edit(c)}>Edit</button>}{' '}
                      <button className="link" onClick={() => flag(c, c.suspended ? 'unsuspend' : 'suspend')}>
                        {c.suspended ? 'Unsuspend' : 'Suspend'}
                      </button>{' '}
                      <button className="link" onClick={() => flag(c, 'delete')}>
                        Delete
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="pager row">
              <button disabled={page === 0} onClick={() => setPage(page - 1)}>Previous</button>
              <span className="muted small">Page {page + 1} of {Math.max(1, Math.ceil(total / PAGE))}</span>
              <button disabled={(page + 1) * PAGE >= total} onClick={() => setPage(page + 1)}>Next</button>
            </div>
          </div>
          {selected !== null && <CardPreview cardId={selected} onClose={() => setSelected(null)} />}
        </div>
      )}
      {editing && <CardEditor seed={editing} onClose={() => setEditing(null)} />}
    </section>
  );
}
