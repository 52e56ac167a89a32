/** One note, rendered from its sanitised HTML. */
import { Link } from 'react-router';
import { SafeHtml } from '../../components/SafeHtml';
import { ErrorBox, Loading, formatDate } from '../../components/common';
import { useApi } from '../../queries';
import { OriginBadge, noteTitle } from './NoteList';
import { MakeCardFromSelection } from '../cards/MakeCardFromSelection';

export function NoteReader({ id }: { id: number }) {
  const note = useApi('notes:get', { id });
  if (note.isLoading) return <Loading />;
  if (note.error) return <ErrorBox error={note.error} title="Could not open this note" />;
  const n = note.data;
  if (!n) return null;
  return (
    <article className="card note-reader" data-testid="note-view">
      <header className="note-reader-head">
        <h2>{noteTitle(n.title)}</h2>
        <div className="result-meta">
          <OriginBadge origin={n.origin} />
          {n.system && <span>{n.system}</span>}
          <span className="muted">Updated {formatDate(n.updatedAt)}</span>
          {n.questionId !== null && <Link to={`/library?question=${n.questionId}`}>Open the question</Link>}
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
      {n.bodyHtml.trim() ? (
        <MakeCardFromSelection questionId={n.questionId}>
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
