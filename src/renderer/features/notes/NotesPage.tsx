/** Notes: imported Markdown and the notes written during blocks, searchable next to the questions. */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, ErrorBox, Loading, PageHeader } from '../../components/common';
import { useApi } from '../../queries';
import { useDebounced } from '../library/useDebounced';
import { NoteList } from './NoteList';
import { NoteReader } from './NoteReader';

const keepPrevious = <T,>(previous: T | undefined) => previous;

export function NotesPage() {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 200);
  const notes = useApi('notes:search', { query, limit: 50 }, { placeholderData: keepPrevious });
  const selectedId = Number(params.get('id')) || null;
  const select = (id: number) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set('id', String(id));
      return next;
    });

  const noNotesAtAll = notes.data?.length === 0 && !query;
  return (
    <>
      <PageHeader title="Notes" subtitle="Your imported notes and the notes you write during blocks, searchable in one place." />
      <ErrorBox error={notes.error} title="Could not search your notes" />
      {noNotesAtAll && !selectedId ? (
        <EmptyState
          title="No notes yet"
          action={
            <Link className="button primary" to="/import">
              Import notes
            </Link>
          }
        >
          <p>
            Import a folder of Markdown files (an Obsidian vault works) on the Import screen: choose the folder and Vignette keeps each note's title and
            tags.
          </p>
          <p>Notes you write while doing a block appear here too, next to the question they belong to.</p>
        </EmptyState>
      ) : (
        <div className="notes-layout">
          <div className="notes-sidebar">
            <input
              type="search"
              className="search-input"
              aria-label="Search notes"
              data-testid="notes-search"
              placeholder="Search notes"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            {notes.isLoading && <Loading />}
            {notes.data && notes.data.length === 0 && query && <p className="muted">No notes match “{query}”.</p>}
            {notes.data && notes.data.length > 0 && (
              <>
                <p className="muted small list-count">
                  {notes.data.length === 50 ? 'First 50 notes' : `${notes.data.length} note${notes.data.length === 1 ? '' : 's'}`}
                  {query ? ` matching “${query}”` : ', most recently updated first'}
                </p>
                <NoteList notes={notes.data} selectedId={selectedId} onSelect={select} />
              </>
            )}
          </div>
          <div className="notes-main">
            {selectedId ? (
              <NoteReader id={selectedId} />
            ) : (
              <div className="empty-state small-empty">
                <p className="muted">Pick a note on the left to read it.</p>
              </div>
            )}
          </div>
        </div>
      )}
    </>
  );
}
