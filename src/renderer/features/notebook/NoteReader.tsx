/** One note, rendered from its sanitised HTML, with edit (Markdown), delete, and a link back to its question. */
import { useState } from 'react';
import { Link } from 'react-router';
import { SafeHtml } from '../../components/SafeHtml';
import { ErrorBox, Loading, formatDate } from '../../components/common';
import { useApi, useApiMutation } from '../../queries';
import { OriginBadge, noteTitle } from './NoteList';
import { MakeCardFromSelection } from '../cards/MakeCardFromSelection';

export function NoteReader({ id, onDelete, onSaved }: { id: number; onDelete?: (id: number, title: string) => void; onSaved?: () => void }) {
  const note = useApi('notes:get', { id });
  const update = useApiMutation('notes:update', ['notes:get', 'notes:search', 'notes:question']);
  const [draft, setDraft] = useState<string | null>(null);
  if (note.isLoading) return <Loading />;
  if (note.error) return <ErrorBox error={note.error} title="Could not open this note" />;
  const n = note.data;
  if (!n) return null;
  const save = async () => {
    if (draft === null) return;
    await update.mutateAsync({ id, text: draft });
    setDraft(null);
    onSaved?.();
  };
  return (
    <article className="card note-reader" data-testid="note-view">
      <header className="note-reader-head">
        <div className="row">
          <h2 className="spacer">{noteTitle(n.title)}</h2>
          {draft === null && (
            <button onClick={() => setDraft(n.bodyMd)} data-testid="note-edit">
              Edit
            </button>
          )}
          {onDelete && (
            <button className="danger" onClick={() => onDelete(n.id, n.title)} data-testid="note-delete">
              Delete
            </button>
          )}
        </div>
        <div className="result-meta">
          <OriginBadge origin={n.origin} />
          {n.system && <span>{n.system}</span>}
          <span className="muted">Updated {formatDate(n.updatedAt)}</span>
          {n.questionId !== null && (
            <Link to={`/questions/${n.questionId}`} data-testid="note-question-link">
              Open the question
            </Link>
          )}
        </div>
        {n.tags.length > 0 && (
          <div className="chips">
            {n.tags.map((t) => (
              <span key={t} className="badge">
                #{t}
              </span>
            ))}
          </div>
        )}
      </header>
      {draft !== null ? (
        <div className="stack">
          <textarea
            aria-label="Note (Markdown)"
            rows={12}
            value={draft}
            autoFocus
            data-testid="note-edit-text"
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
              if (e.key === 'Escape') setDraft(null);
            }}
          />
          <ErrorBox error={update.error} title="The note was not saved" />
          <div className="row">
            <button className="primary" onClick={() => void save()} disabled={update.isPending} data-testid="note-save">
              Save
            </button>
            <button onClick={() => setDraft(null)}>Cancel</button>
            <span className="muted small">Ctrl+Enter saves · Esc cancels</span>
          </div>
        </div>
      ) : n.bodyHtml.trim() ? (
        <MakeCardFromSelection questionId={n.questionId} title={noteTitle(n.title)}>
          <SafeHtml html={n.bodyHtml} className="question-text note-body" />
        </MakeCardFromSelection>
      ) : (
        <p className="muted">This note is empty.</p>
      )}
      {n.images.length > 0 && (
        <div className="question-images" data-testid="note-images">
          {n.images.map((img) => (
            <figure key={img.name} className="note-figure">
              <img src={`data:${img.mime};base64,${img.base64}`} alt={img.name} />
              <figcaption className="muted small">{img.name}</figcaption>
            </figure>
          ))}
        </div>
      )}
    </article>
  );
}
