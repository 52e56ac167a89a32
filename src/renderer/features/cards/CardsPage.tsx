/** Flashcards: the review session, browse and search, and memory statistics (nested routes under /cards). */
import { useState } from 'react';
import { NavLink, Route, Routes } from 'react-router';
import { PageHeader } from '../../components/common';
import { DueCounts } from '../../components/DueCounts';
import { useApi } from '../../queries';
import { BrowseCards } from './BrowseCards';
import { CardEditor } from './CardEditor';
import { ReviewSession } from './ReviewSession';
import { StatsPage } from './StatsPage';
import './cards.css';

function Tabs() {
  return (
    <nav className="segmented cards-tabs" aria-label="Flashcards">
      <NavLink to="/cards" end>
        Review
      </NavLink>
      <NavLink to="/cards/browse">Browse</NavLink>
      <NavLink to="/cards/stats">Statistics</NavLink>
    </nav>
  );
}

export function CardsPage() {
  const counts = useApi('cards:counts', {}, { staleTime: 0 });
  const [creating, setCreating] = useState(false);
  const c = counts.data;
  return (
    <>
      <PageHeader
        title="Flashcards"
        subtitle={
          c ? (
            <span data-testid="due-summary">
              Flashcards: <DueCounts counts={c} /> · {c.total} cards
              {c.questionCardsDue ? ` · ${c.questionCardsDue} missed questions due in blocks` : ''}
            </span>
          ) : (
            'Spaced repetition with FSRS.'
          )
        }
        actions={
          <>
            <Tabs />
            <button className="primary" onClick={() => setCreating(true)} data-testid="new-card">
              New card
            </button>
          </>
        }
      />
      <Routes>
        <Route index element={<ReviewSession />} />
        <Route path="browse" element={<BrowseCards />} />
        <Route path="stats" element={<StatsPage />} />
      </Routes>
      {creating && <CardEditor seed={{ kind: 'basic', frontMd: '', backMd: '' }} onClose={() => setCreating(false)} />}
    </>
  );
}
