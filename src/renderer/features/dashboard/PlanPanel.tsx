/** The plan to exam day: days left, unused questions in the pool, questions per day for one pass and for the chosen passes, reviews, and a calendar strip. */
import type { Plan } from '../../../shared/readiness/types';
import { useApiMutation } from '../../queries';
import { shortDate } from './format';

export function PlanPanel({ plan }: { plan: Plan }) {
  const save = useApiMutation('settings:set', ['settings:get', 'stats:dashboard']);
  const max = Math.max(1, ...plan.calendar.map((d) => d.questions + d.reviews));
  return (
    <section className="card" aria-labelledby="plan-title" data-testid="plan">
      <h2 id="plan-title">Plan to exam day</h2>
      {plan.daysLeft === null ? (
        <p className="muted">Set your exam date in Settings to see the plan.</p>
      ) : plan.daysLeft <= 0 ? (
        <p className="warn-box">{plan.daysLeft === 0 ? 'Your exam is today. Good luck — rest counts too.' : 'Your exam date has passed. Set the next one in Settings.'}</p>
      ) : null}
      <div className="stat-row">
        <div className="stat">
          <span className="value" data-testid="plan-days">
            {plan.daysLeft ?? '—'}
          </span>
          <span className="label">days left</span>
        </div>
        <div className="stat">
          <span className="value">{plan.unused}</span>
          <span className="label">
            unused of {plan.poolSize} {plan.poolLabel}
          </span>
        </div>
        <div className="stat">
          <span className="value" data-testid="plan-per-day">
            {plan.perDayOnePass ?? '—'}
          </span>
          <span className="label">questions a day to finish one pass</span>
        </div>
        <div className="stat">
          <span className="value" data-testid="plan-per-day-chosen">
            {plan.perDayChosenPasses ?? '—'}
          </span>
          <span className="label">
            a day for{' '}
            <select aria-label="Passes through the pool" value={plan.passes} onChange={(e) => save.mutate({ planPasses: Number(e.target.value) })} data-testid="plan-passes">
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {n} pass{n === 1 ? '' : 'es'}
                </option>
              ))}
            </select>
          </span>
        </div>
        <div className="stat">
          <span className="value">{plan.reviewsPerDay ?? '—'}</span>
          <span className="label">flashcard reviews a day falling due</span>
        </div>
      </div>
      <ol className="calendar" aria-label="The coming weeks" data-testid="calendar">
        {plan.calendar.map((d) => {
          const total = d.questions + d.reviews;
          return (
            <li key={d.day} className={d.day === plan.examDate ? 'exam-day' : undefined} title={`${shortDate(d.day)}: ${d.questions} questions, ${d.reviews} reviews${d.assessments.length ? `, ${d.assessments.join(', ')}` : ''}`}>
              <span className="cal-date">{shortDate(d.day)}</span>
              <span className="cal-bar" aria-hidden="true">
                <span style={{ height: `${(total / max) * 100}%` }} />
              </span>
              <span className="cal-load">
                {d.questions}q{d.reviews ? ` · ${d.reviews}r` : ''}
              </span>
              {d.assessments.map((a) => (
                <span key={a} className="cal-event">
                  {a}
                </span>
              ))}
            </li>
          );
        })}
      </ol>
      <p className="muted small">q = questions planned, r = flashcards falling due (a floor: cards you miss come back sooner). Schedule self-assessments in the log below.</p>
    </section>
  );
}
