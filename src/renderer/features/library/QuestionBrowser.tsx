/** Search the bank: full-text query, facet filters, paged results, and a preview of the selected question. */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorBox, Loading } from '../../components/common';
import { useApi } from '../../queries';
import type { QuestionFilters } from '../../../shared/types';
import { FacetPanel, activeFilterCount } from './FacetPanel';
import { QuestionPreview } from './QuestionPreview';
import { ResultsTable } from './ResultsTable';
import { Snippet } from './Snippet';
import { noteTitle } from '../notebook/NoteList';
import { useDebounced } from './useDebounced';

const PAGE_SIZE = 25;
const keepPrevious = <T,>(previous: T | undefined) => previous;

export function QuestionBrowser() {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<QuestionFilters>({});
  const [page, setPage] = useState(0);
  const query = useDebounced(text.trim(), 200);
  const selectedId = Number(params.get('question')) || null;

  const results = useApi('questions:search', { query, filters, page, pageSize: PAGE_SIZE }, { placeholderData: keepPrevious });
  const facets = useApi('questions:facets', { query, filters }, { placeholderData: keepPrevious });
  const notes = useApi('notes:search', { query, limit: 5 }, { enabled: query.length > 0 });

  const total = results.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filterCount = activeFilterCount(filters);
  const select = (id: number | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (id === null) next.delete('question');
      else next.set('question', String(id));
      return next;
    });
  const changeFilters = (f: QuestionFilters) => {
    setFilters(f);
    setPage(0);
  };

  return (
    <section className="card browser" aria-labelledby="browser-heading">
      <div className="row lib-section-head">
        <h2 id="browser-heading">Questions</h2>
        <span className="muted" data-testid="result-total" aria-live="polite">
          {results.data ? `${total.toLocaleString()} question${total === 1 ? '' : 's'}` : ''}
        </span>
      </div>
      <div className="row search-row">
        <input
          type="search"
          className="search-input"
          data-testid="library-search"
          aria-label="Search questions"
          placeholder="Search stems, choices and explanations — e.g. pheochromocytoma, “nephrotic syndrome”"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setPage(0);
          }}
        />
        {(filterCount > 0 || text) && (
          <button
            onClick={() => {
              setText('');
              changeFilters({});
            }}
          >
            Clear{filterCount > 0 ? ` ${filterCount} filter${filterCount === 1 ? '' : 's'}` : ' search'}
          </button>
        )}
      </div>
      <details className="filters" open>
        <summary>Filters{filterCount > 0 ? ` (${filterCount} active)` : ''}</summary>
        <FacetPanel facets={facets.data} filters={filters} onChange={changeFilters} />
      </details>
      <ErrorBox error={results.error ?? facets.error} title="Search failed" />
      {notes.data && notes.data.length > 0 && query && (
        <div className="matching-notes" aria-label="Matching notes">
          <h3>Matching notes</h3>
          <ul>
            {notes.data.map((n) => (
              <li key={n.id}>
                <Link to={`/notes?id=${n.id}`}>{noteTitle(n.title)}</Link>
                <span className="muted small">
                  {' '}
                  — <Snippet text={n.snippet} />
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className={selectedId ? 'two-pane library-panes' : 'library-panes'}>
        <div>
          {results.isLoading && <Loading label="Searching…" />}
          {results.data && total === 0 && (
            <p className="muted no-results">
              No questions match{query ? ` “${query}”` : ''}
              {filterCount > 0 ? ' with these filters' : ''}. Try fewer words or clear the filters.
            </p>
          )}
          {results.data && total > 0 && (
            <>
              <ResultsTable items={results.data.items} selectedId={selectedId} onSelect={(id) => select(id === selectedId ? null : id)} />
              <nav className="pager" aria-label="Result pages">
                <button disabled={page === 0} onClick={() => setPage(page - 1)}>
                  Previous
                </button>
                <span className="muted">
                  page {page + 1} of {pages}
                </span>
                <button disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
                  Next
                </button>
              </nav>
            </>
          )}
        </div>
        {selectedId && <QuestionPreview id={selectedId} onClose={() => select(null)} />}
      </div>
    </section>
  );
}
