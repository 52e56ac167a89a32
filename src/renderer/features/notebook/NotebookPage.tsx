/**
 * The Notebook: your notes and imported notes in one place. Full-text search with matches highlighted, filters by
 * system, tag and origin, a link back to each question, edit, delete with undo, and export to Markdown (.zip).
 */
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { EmptyState, ErrorBox, Loading, PageHeader } from '../../components/common';
import { useApi } from '../../queries';
import { call } from '../../api';
import { useDebounced } from '../library/useDebounced';
import { NoteList, noteTitle } from './NoteList';
import { NoteReader } from './NoteReader';
import { downloadBase64 } from './download';

const keepPrevious = <T,>(previous: T | undefined) => previous;
const LIMIT = 100;

export function NotebookPage() {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState('');
  const [system, setSystem] = useState('');
  const [tag, setTag] = useState('');
  const [origin, setOrigin] = useState<'' | 'user' | 'imported'>('');
  const [deleted, setDeleted] = useState<{ id: number; title: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [exported, setExported] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const client = useQueryClient();
  const query = useDebounced(text.trim(), 200);
  const notes = useApi('notes:search', { query, limit: LIMIT, ...(system ? { system } : {}), ...(tag ? { tag } : {}), ...(origin ? { origin } : {}) }, { placeholderData: keepPrevious });
  const facets = useApi('notes:facets', {});
  const selectedId = Number(params.get('id')) || null;
  const select = (id: number | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (id === null) next.delete('id');
      else next.set('id', String(id));
      return next;
    });

  // "/" jumps to the search box, as in most apps with a search.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName)) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const refresh = () => Promise.all(['notes:search', 'notes:facets', 'notes:get', 'notes:question', 'questions:get', 'review:item'].map((m) => client.invalidateQueries({ queryKey: [m] })));
  const remove = async (id: number, title: string) => {
    try {
      await call('notes:delete', { id });
      setDeleted({ id, title });
      select(null);
      await refresh();
    } catch (e) {
      setError(e);
    }
  };
  const undo = async () => {
    if (!deleted) return;
    try {
      await call('notes:restore', { id: deleted.id });
      select(deleted.id);
      setDeleted(null);
      await refresh();
    } catch (e) {
      setError(e);
    }
  };
  const exportAll = async () => {
    try {
      const zip = await call('notes:export', {});
      downloadBase64(zip.base64, zip.fileName, 'application/zip');
      setExported(`Exported ${zip.count} note${zip.count === 1 ? '' : 's'} as ${zip.fileName}.`);
    } catch (e) {
      setError(e);
    }
  };

  const filtered = !!(query || system || tag || origin);
  const noNotesAtAll = notes.data?.length === 0 && !filtered;
  return (
    <>
      <PageHeader
        title="Notebook"
        subtitle="Your notes and imported notes in one place: search them, edit them, and go back to the question each one came from."
        actions={
          <button onClick={() => void exportAll()} disabled={noNotesAtAll} data-testid="export-notebook">
            Export notebook
          </button>
        }
      />
      <ErrorBox error={notes.error ?? error} title="Something went wrong in the notebook" />
      {exported && (
        <p className="notice" role="status">
          {exported} Each note is a Markdown file with its question, pack, system and tags in the front matter.
        </p>
      )}
      {deleted && (
        <div className="notice row undo-bar" role="status" data-testid="undo-bar">
          <span className="spacer">Deleted “{noteTitle(deleted.title)}”.</span>
          <button className="primary" onClick={() => void undo()} data-testid="undo-delete">
            Undo
          </button>
          <button className="link" onClick={() => setDeleted(null)} aria-label="Dismiss">
            Dismiss
          </button>
        </div>
      )}
      {noNotesAtAll && !selectedId ? (
        <EmptyState title="No notes yet" action={<Link className="button primary" to="/import">Import notes</Link>}>
          <p>Write a note on any question from a block, its review or the library, or import a folder of Markdown files (an Obsidian vault works).</p>
        </EmptyState>
      ) : (
        <div className="notes-layout">
          <div className="notes-sidebar">
            <input
              ref={searchRef}
              type="search"
              className="search-input"
              aria-label="Search notes"
              aria-keyshortcuts="/"
              data-testid="notes-search"
              placeholder="Search notes  ( / )"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <div className="notebook-filters">
              <select aria-label="System" value={system} onChange={(e) => setSystem(e.target.value)} data-testid="notes-system">
                <option value="">All systems</option>
                {facets.data?.systems.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.value} ({s.count})
                  </option>
                ))}
              </select>
              <select aria-label="Tag" value={tag} onChange={(e) => setTag(e.target.value)} data-testid="notes-tag">
                <option value="">All tags</option>
                {facets.data?.tags.map((s) => (
                  <option key={s.value} value={s.value}>
                    #{s.value} ({s.count})
                  </option>
                ))}
              </select>
              <select aria-label="Whose notes" value={origin} onChange={(e) => setOrigin(e.target.value as typeof origin)} data-testid="notes-origin">
                <option value="">Mine and imported</option>
                <option value="user">My notes</option>
                <option value="imported">Imported</option>
              </select>
            </div>
            {notes.isLoading && <Loading />}
            {notes.data && notes.data.length === 0 && <p className="muted">No notes match{query ? ` “${query}”` : ' these filters'}.</p>}
            {notes.data && notes.data.length > 0 && (
              <>
                <p className="muted small list-count">
                  {notes.data.length === LIMIT ? `First ${LIMIT} notes` : `${notes.data.length} note${notes.data.length === 1 ? '' : 's'}`}
                  {query ? ` matching “${query}”` : ', most recently updated first'}
                </p>
                <NoteList notes={notes.data} selectedId={selectedId} onSelect={select} />
              </>
            )}
          </div>
          <div className="notes-main">
            {selectedId ? (
              <NoteReader id={selectedId} onDelete={(id, title) => void remove(id, title)} onSaved={() => void refresh()} />
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
