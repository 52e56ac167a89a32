/** The dry run: exactly what importing would do, and the first few questions as they were read. */
import type { ReactNode } from 'react';
import type { ImportReport } from '../../../shared/types';
import { NoteCounts, PackCounts, ProblemList, itemCount } from './ImportReport';
import { AnkiCounts, ankiChanges } from './AnkiCounts';
import { MissingFields } from './MissingFields';

const EXAM: Record<string, string> = { step1: 'Step 1', step2ck: 'Step 2 CK', step3: 'Step 3' };

/** `actions` (the Import button) sit right under the counts, before the sample questions. */
export function ImportPreview({ report, actions }: { report: ImportReport; actions: ReactNode }) {
  const questions = report.packs.reduce((n, p) => n + p.total, 0);
  const changes = report.packs.reduce((n, p) => n + p.added + p.updated + p.retired, 0);
  const skipped = itemCount(report.rejected);
  const noteChanges = report.notes.added + report.notes.updated;
  const noteTotal = noteChanges + report.notes.unchanged;
  const anki = ankiChanges(report);
  return (
    <div className="import-preview" data-testid="import-preview">
      <p className="preview-summary">
        {questions > 0 && (
          <>
            <strong>{questions.toLocaleString()}</strong> question{questions === 1 ? '' : 's'} read from {report.packs.length} pack
            {report.packs.length === 1 ? '' : 's'}
            .{' '}
          </>
        )}
        {skipped > 0 && (
          <span className="badge warn">
            {skipped.toLocaleString()} invalid item{skipped === 1 ? '' : 's'} will be skipped
          </span>
        )}
      </p>
      <PackCounts report={report} />
      <MissingFields report={report} />
      <NoteCounts report={report} verb="to import" />
      <AnkiCounts report={report} verb="to import" />
      {questions === 0 && noteTotal === 0 && anki.total === 0 && <p className="muted">Nothing to import in these files.</p>}
      {changes === 0 && noteChanges === 0 && anki.changes === 0 && questions + noteTotal + anki.total > 0 && (
        <p className="notice">Everything in these files is already in your library, unchanged: importing again changes nothing.</p>
      )}
      <ProblemList title="Invalid items that will be skipped" problems={report.rejected} tone="bad" />
      {actions}
      {report.preview.length > 0 && (
        <>
          <h3 className="first-questions">First questions read</h3>
          <ol className="preview-items">
            {report.preview.map((item) => (
              <li key={item.sourceId}>
                <p className="preview-stem">{item.stem.length >= 300 ? `${item.stem}…` : item.stem}</p>
                <div className="result-meta">
                  <span>{item.choiceCount} choices</span>
                  {item.exam && <span>{EXAM[item.exam] ?? item.exam}</span>}
                  {item.system && <span>{item.system}</span>}
                  <span className="muted">id {item.sourceId}</span>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
      <ProblemList title="Warnings" problems={report.warnings} tone="warn" />
    </div>
  );
}
