/** Home's countdown and today's work, from the same plan the dashboard shows (days counted by the core's clock). */
import { Link } from 'react-router';
import type { Dashboard } from '../../../shared/readiness/types';
import { DueCounts } from '../../components/DueCounts';
import { shortDate } from './format';
import './dashboard.css';

export function TodayCard({ dashboard: d }: { dashboard: Dashboard }) {
  const p = d.plan;
  if (p.daysLeft === null) return null;
  const next = d.readiness.nextAssessment;
  const target = p.perDayChosenPasses ?? 0;
  return (
    <section className="card today-card" data-testid="today" style={{ marginBottom: '1.25rem' }}>
      <div className="row">
        <div className="stat">
          <span className="value" data-testid="countdown">
            {p.daysLeft > 0 ? p.daysLeft : p.daysLeft === 0 ? 'Today' : '—'}
          </span>
          <span className="label">{p.daysLeft > 0 ? `days until your exam (${shortDate(p.examDate!)})` : p.daysLeft === 0 ? 'is exam day' : 'your exam date has passed'}</span>
        </div>
        <div className="spacer">
          <h2>Today</h2>
          <ul className="today-list">
            {p.daysLeft > 0 && (
              <li data-testid="today-questions">
                {p.doneToday >= target ? (
                  // Beyond the plan: "135 of 41 planned" reads like an error; say what was done and that the plan is met.
                  <>
                    Questions: <strong>{p.answeredToday}</strong> answered today · plan {target} <span className="plan-done">✓ done</span>
                  </>
                ) : (
                  <>
                    Questions: <strong>{p.doneToday}</strong> of <strong>{target}</strong> planned today
                    {p.answeredToday > p.doneToday ? `, ${p.answeredToday} answered in all` : ''}
                  </>
                )}{' '}
                ({p.unused} of {p.poolSize} {p.poolLabel} unused)
              </li>
            )}
            <li>
              Flashcards: <DueCounts counts={d.due} />
            </li>
            {next && (
              <li>
                Next self-assessment: <strong>{next.title}</strong> on {shortDate(next.takenOn)}
              </li>
            )}
          </ul>
        </div>
        <Link className="button" to="/dashboard">
          Open the dashboard
        </Link>
      </div>
    </section>
  );
}
