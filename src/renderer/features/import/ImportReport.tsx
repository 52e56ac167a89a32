/** What an import did (or, for a dry run, will do): counts per pack, notes, rejected items and warnings. */
import { Link } from 'react-router';
import { formatProblem, type Problem } from '../../../shared/result';
import type { ImportReport as Report } from '../../../shared/types';
import { FORMAT_LABEL } from '../library/PackList';

export function PackCounts({ report }: { report: Report }) {
  if (report.packs.length === 0) return null;
  return (
    <table className="data import-counts">
      <thead>
        <tr>
          <th>Pack</th>
          <th>Format</th>
          <th className="num">Added</th>
          <th className="num">Updated</th>
          <th className="num">Unchanged</th>
          <th className="num">Retired</th>
          <th className="num">Total</th>
        </tr>
      </thead>
      <tbody>
        {report.packs.map((p) => (
          <tr key={p.key}>
            <td>
              <strong>{p.title}</strong>
              <div className="muted small file-name" title={p.file}>
                {p.file}
              </div>
            </td>
            <td>{FORMAT_LABEL[p.format]}</td>
            <td className="num">{p.added.toLocaleString()}</td>
            <td className="num">{p.updated.toLocaleString()}</td>
            <td className="num">{p.unchanged.toLocaleString()}</td>
            <td className="num">{p.retired.toLocaleString()}</td>
            <td className="num">{p.total.toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function NoteCounts({ report, verb }: { report: Report; verb: string }) {
  const n = report.notes;
  if (n.added + n.updated + n.unchanged === 0) return null;
  return (
    <p>
      Notes {verb}: <strong>{n.added}</strong> added, <strong>{n.updated}</strong> updated, <strong>{n.unchanged}</strong> unchanged.
    </p>
  );
}

export function ProblemList({ title, problems, tone }: { title: string; problems: Problem[]; tone: 'bad' | 'warn' }) {
  if (problems.length === 0) return null;
  return (
    <details className={`problem-list ${tone}`} open={problems.length <= 10}>
      <summary>
        {title} ({problems.length.toLocaleString()})
      </summary>
      <ul>
        {problems.slice(0, 500).map((p, i) => (
          <li key={i}>{formatProblem(p)}</li>
        ))}
        {problems.length > 500 && <li className="muted">…and {problems.length - 500} more</li>}
      </ul>
    </details>
  );
}

export function ImportReport({ report, onAgain }: { report: Report; onAgain: () => void }) {
  return (
    <section className="card import-report" data-testid="import-report" aria-live="polite">
      <h2>Import finished</h2>
      {report.packs.map((p) => (
        <p key={p.key} className="report-line">
          <span className="badge good">Imported</span> <strong>{p.title}</strong>: {p.added.toLocaleString()} added, {p.updated.toLocaleString()} updated,{' '}
          {p.unchanged.toLocaleString()} unchanged, {p.retired.toLocaleString()} retired
        </p>
      ))}
      <NoteCounts report={report} verb="imported" />
      <PackCounts report={report} />
      <ProblemList title="Rejected items (not imported)" problems={report.rejected} tone="bad" />
      <ProblemList title="Warnings" problems={report.warnings} tone="warn" />
      <p className="muted small">Took {(report.durationMs / 1000).toFixed(1)} s.</p>
      <div className="row">
        <Link className="button primary" to="/create">
          Create a block
        </Link>
        <Link className="button" to="/library">
          Open the Library
        </Link>
        <button onClick={onAgain}>Import more files</button>
      </div>
    </section>
  );
}
