/** "My real score": recorded after the exam so the app can, once there are enough results, report its own calibration. */
import { useState } from 'react';
import type { Exam } from '../../../shared/pack';
import { ErrorBox } from '../../components/common';
import { useApi, useApiMutation } from '../../queries';

export function RealScoreForm({ exam }: { exam: Exam }) {
  const results = useApi('readiness:results', {});
  const add = useApiMutation('readiness:addResult', ['readiness:results']);
  const [date, setDate] = useState('');
  const [score, setScore] = useState('');
  const [passed, setPassed] = useState<'' | 'yes' | 'no'>('');
  const cal = results.data;
  return (
    <details>
      <summary>Record your real result</summary>
      <form
        className="row small"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate({ exam, takenOn: date, score: exam !== 'step1' && score ? Number(score) : null, passed: passed === '' ? null : passed === 'yes' });
        }}
      >
        <label>
          Date <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        </label>
        {exam !== 'step1' && (
          <label>
            Score <input type="number" min={1} max={300} value={score} onChange={(e) => setScore(e.target.value)} style={{ width: '6rem' }} />
          </label>
        )}
        <label>
          Passed{' '}
          <select value={passed} onChange={(e) => setPassed(e.target.value as '' | 'yes' | 'no')}>
            <option value="">—</option>
            <option value="yes">yes</option>
            <option value="no">no</option>
          </select>
        </label>
        <button type="submit" disabled={add.isPending}>
          Save result
        </button>
      </form>
      <ErrorBox error={add.error} title="Not saved" />
      {cal && (
        <p className="small muted">
          {cal.results.length} real result{cal.results.length === 1 ? '' : 's'} recorded.{' '}
          {cal.meanError === null
            ? `Vignette reports how close its estimates came only from ${cal.needed} results on; until then it claims no accuracy.`
            : `Mean error ${cal.meanError.toFixed(1)} points; the band held the real score ${Math.round(cal.bandCoverage! * 100)} % of the time.`}
        </p>
      )}
    </details>
  );
}
