/** A list of notes that belong to a question (library preview, item review): each title links into the Notebook. */
import { Link } from 'react-router';
import { Snippet } from '../library/Snippet';
import { noteTitle } from './NoteList';

export interface NoteLink {
  id: number;
  title: string;
  snippet?: string | null;
}

export function NoteLinks({ notes, testId }: { notes: readonly NoteLink[]; testId?: string }) {
  return (
    <ul className="note-links" data-testid={testId}>
      {notes.map((n) => (
        <li key={n.id}>
          <Link to={`/notes?id=${n.id}`}>{noteTitle(n.title)}</Link>
          {n.snippet && (
            <div className="muted small">
              <Snippet text={n.snippet} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
