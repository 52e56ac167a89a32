/** What an import did (or, for a dry run, will do): counts per pack, notes, rejected items and warnings. */
import { Link } from 'react-router';
import { formatProblem, type Problem } from '../../../shared/result';
import type { ImportReport as Report } from '../../../shared/types';
import { FORMAT_LABEL } from '../library/PackList';
import { AnkiCounts } from './AnkiCounts';
import { InferSystemsOffer, MissingFields } from './MissingFields';

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

/** Several problems can point at one item (line or index in a file): count the items, not the messages. */
export function itemCount(problems: Problem[]): number {
  return new Set(problems.map((p, i) => (p.line !== undefined || p.item !== undefined ? `${p.file ?? ''}|${p.line ?? ''}|${p.item ?? ''}` : `#${i}`))).size;
}

function countLabel(problems: Problem[], counted: 'items' | 'problems'): string {
  if (counted === 'problems') return problems.length.toLocaleString();
  const items = itemCount(problems);
  const itemText = `${items.toLocaleString()} item${items === 1 ? '' : 's'}`;
  return items === problems.length ? itemText : `${itemText}, ${problems.length.toLocaleString()} problems`;
}

export function ProblemList({ title, problems, tone }: { title: string; problems: Problem[]; tone: 'bad' | 'warn' }) {
  const counted = tone === 'bad' ? 'items' : 'problems';
  if (problems.length === 0) return null;
  return (
    <details className={`problem-list ${tone}`} open={problems.length <= 10}>
      <summary>
        {title} ({countLabel(problems, counted)})
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
          <span className="muted small"> — {p.file}</span>
        </p>
      ))}
      {report.packs.length === 0 && !report.anki?.length && report.notes.added + report.notes.updated + report.notes.unchanged === 0 && (
        <p className="muted">No questions or notes were imported.</p>
      )}
      <MissingFields report={report} />
      <InferSystemsOffer report={report} />
      <NoteCounts report={report} verb="imported" />
      <AnkiCounts report={report} verb="imported" />
      <ProblemList title="Rejected items (not imported)" problems={report.rejected} tone="bad" />
      <ProblemList title="Warnings" problems={report.warnings} tone="warn" />
      <p className="muted small">Took {report.durationMs < 1000 ? 'under a second' : `${(report.durationMs / 1000).toFixed(1)} seconds`}.</p>
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
