/** One page of search results: excerpt with highlighted matches, where the question comes from, and its status. */
import type { QuestionListItem } from '../../../shared/types';
import { Snippet } from './Snippet';
import { systemLabel } from './systemLabel';

const EXAM: Record<string, string> = { step1: 'Step 1', step2ck: 'Step 2 CK', step3: 'Step 3' };

/** Without a query the core sends the stem's first characters; show that it goes on. */
function excerpt(snippet: string): string {
  return !snippet.includes('\u0001') && snippet.length >= 200 && !snippet.endsWith('…') ? `${snippet.trimEnd()}…` : snippet;
}

const STATUS: Record<QuestionListItem['status'], { label: string; tone: string }> = {
  unused: { label: 'Unused', tone: '' },
  correct: { label: 'Correct', tone: 'good' },
  incorrect: { label: 'Incorrect', tone: 'bad' },
  omitted: { label: 'Omitted', tone: 'warn' },
};

export function StatusBadges({ item }: { item: Pick<QuestionListItem, 'status' | 'marked' | 'retired'> }) {
  const s = STATUS[item.status];
  return (
    <span className="badges">
      <span className={`badge ${s.tone}`}>{s.label}</span>
      {item.marked && <span className="badge accent">Marked</span>}
      {item.retired && <span className="badge">Retired</span>}
    </span>
  );
}

interface Props {
  items: QuestionListItem[];
  selectedId: number | null;
  onSelect: (id: number) => void;
}

export function ResultsTable({ items, selectedId, onSelect }: Props) {
  return (
    <table className="data results-table">
      <thead>
        <tr>
          <th>Question</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {items.map((q) => (
          <tr
            key={q.id}
            data-testid="result-row"
            className={`clickable${q.id === selectedId ? ' selected' : ''}`}
            aria-selected={q.id === selectedId}
            tabIndex={0}
            onClick={() => onSelect(q.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(q.id);
              }
            }}
          >
            <td>
              <div className="result-snippet">
                <Snippet text={excerpt(q.snippet)} />
              </div>
              <div className="result-meta">{[q.packTitle, q.exam && (EXAM[q.exam] ?? q.exam), systemLabel(q), q.discipline, q.topic].filter(Boolean).join(' · ')}</div>
            </td>
            <td className="status-cell">
              <StatusBadges item={q} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
