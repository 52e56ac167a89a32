/** Memory from the flashcards (FSRS): mean retrievability today and on exam day per system, and today's due load. */
import type { MemorySummary } from '../../../shared/readiness/types';
import type { DueCounts } from '../../../shared/srs';
import { DueCounts as DueCountsText } from '../../components/DueCounts';
import { pct } from './format';

export function MemoryPanel({ memory, due }: { memory: MemorySummary; due: DueCounts }) {
  return (
    <section className="card" aria-labelledby="memory-title" data-testid="memory">
      <h2 id="memory-title">Memory</h2>
      {memory.cards === 0 ? (
        <p className="muted">No flashcards yet. Cards you review appear here with how much of them you are likely to recall today and on exam day.</p>
      ) : (
        <>
          <div className="stat-row">
            <div className="stat">
              <span className="value">{pct(memory.retrievabilityToday === null ? null : memory.retrievabilityToday * 100)}</span>
              <span className="label">average recall today</span>
            </div>
            <div className="stat">
              <span className="value">{pct(memory.retrievabilityExamDay === null ? null : memory.retrievabilityExamDay * 100)}</span>
              <span className="label">on exam day without further reviews</span>
            </div>
            <div className="stat">
              <span className="value">{memory.cards}</span>
              <span className="label">cards</span>
            </div>
          </div>
          <p>
            Flashcards: <DueCountsText counts={due} />
          </p>
          <div className="table-scroll">
            <table className="data compact">
              <thead>
                <tr>
                  <th scope="col">System</th>
                  <th scope="col" className="num">
                    Cards
                  </th>
                  <th scope="col" className="num">
                    Recall today
                  </th>
                  <th scope="col" className="num">
                    On exam day
                  </th>
                </tr>
              </thead>
              <tbody>
                {memory.bySystem.map((s) => (
                  <tr key={s.system}>
                    <td>{s.system}</td>
                    <td className="num">{s.cards}</td>
                    <td className="num">{pct(s.today === null ? null : s.today * 100)}</td>
                    <td className="num">{pct(s.examDay === null ? null : s.examDay * 100)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted small">{memory.source}</p>
        </>
      )}
    </section>
  );
}
