/** Search results over notes: title, excerpt with highlighted matches, tags, system and where the note came from. */
import type { NoteSummary } from '../../../shared/types';
import { Snippet } from '../library/Snippet';

/** Titles of notes written in blocks are their first line of Markdown: show them without the markup. */
export function noteTitle(title: string): string {
  return title.replace(/(\*\*|__|`|^#+\s*)/g, '').trim() || 'Untitled note';
}

export function OriginBadge({ origin }: { origin: NoteSummary['origin'] }) {
  return origin === 'imported' ? <span className="badge">imported</span> : <span className="badge accent">my note</span>;
}

export function NoteList({ notes, selectedId, onSelect }: { notes: NoteSummary[]; selectedId: number | null; onSelect: (id: number) => void }) {
  return (
    <ul className="note-list" aria-label="Notes">
      {notes.map((n) => (
        <li key={n.id}>
          <button
            type="button"
            className={`note-item${n.id === selectedId ? ' selected' : ''}`}
            aria-current={n.id === selectedId}
            data-testid="note-row"
            onClick={() => onSelect(n.id)}
          >
            <span className="note-item-head">
              <strong className="note-title">{noteTitle(n.title)}</strong>
              <OriginBadge origin={n.origin} />
            </span>
            {n.snippet && (
              <span className="note-snippet">
                <Snippet text={n.snippet} />
              </span>
            )}
            {(n.system || n.tags.length > 0) && (
              <span className="result-meta">{[n.system, ...n.tags.slice(0, 4).map((t) => `#${t}`)].filter(Boolean).join(' · ')}</span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
