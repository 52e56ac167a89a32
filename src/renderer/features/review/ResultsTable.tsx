/** One row per item of a finished block; a row (click or Enter) opens the item review. */
import { formatDuration } from '../../components/common';
import type { ResultItem } from '../../../shared/review';
import { MISS_REASON_LABELS } from '../../../shared/reasons';
import { OUTCOME, letter } from './labels';
import { changeCount } from '../../../shared/resultsFilter';
import { GRADE_NAMES, type BlockItemGrade } from '../../../shared/srs';
import { systemLabel } from '../library/systemLabel';

export function ResultsTable({ rows, onOpen, grades }: { rows: ResultItem[]; onOpen: (position: number) => void; grades?: BlockItemGrade[] }) {
  const gradeAt = new Map((grades ?? []).map((g) => [g.position, g]));
  return (
    <table className="data results-items" data-testid="results-table">
      <thead>
        <tr>
          <th className="num">#</th>
          <th>Outcome</th>
          <th>Question</th>
          <th>Answer</th>
          <th className="num">Changes</th>
          <th className="num">Time</th>
          <th>Reason</th>
          <th>Review card</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((i) => {
          const o = OUTCOME[i.outcome];
          return (
            <tr
              key={i.position}
              className="clickable"
              tabIndex={0}
              data-testid="result-row"
              aria-label={`Item ${i.position + 1}, ${o.label}`}
              onClick={() => onOpen(i.position)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') onOpen(i.position);
              }}
            >
              <td className="num">{i.position + 1}</td>
              <td className="nowrap">
                <span className={`badge ${o.tone}`}>{o.label}</span>
                {i.marked && (
                  <span className="flag" title="Marked" aria-label="marked">
                    ⚑
                  </span>
                )}
              </td>
              <td>
                <div className="result-stem">{i.stemStart}</div>
                <div className="result-meta">{[systemLabel(i), i.discipline].filter(Boolean).join(' · ')}</div>
              </td>
              <td className="nowrap">
                {i.outcome === 'correct' ? (
                  <span>{letter(i.selected)}</span>
                ) : (
                  <span>
                    <span className="bad-text">{letter(i.selected)}</span> <span className="muted">→</span> <span className="good-text">{letter(i.answer)}</span>
                  </span>
                )}
              </td>
              <td className="num">{changeCount(i) || ''}</td>
              <td className="num">{formatDuration(i.timeMs)}</td>
              <td>{i.reason ? <span className="badge accent">{MISS_REASON_LABELS[i.reason]}</span> : ''}</td>
              <td className="nowrap" data-testid="result-card">
                {gradeAt.has(i.position) ? `${GRADE_NAMES[gradeAt.get(i.position)!.rating]} · back in ${gradeAt.get(i.position)!.label}` : ''}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
