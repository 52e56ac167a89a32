/** The dry run: exactly what importing would do, and the first few questions as they were read. */
import type { ImportReport } from '../../../shared/types';
import { NoteCounts, PackCounts, ProblemList } from './ImportReport';

const EXAM: Record<string, string> = { step1: 'Step 1', step2ck: 'Step 2 CK', step3: 'Step 3' };

export function ImportPreview({ report }: { report: ImportReport }) {
  const questions = report.packs.reduce((n, p) => n + p.total, 0);
  const changes = report.packs.reduce((n, p) => n + p.added + p.updated + p.retired, 0);
  const noteChanges = report.notes.added + report.notes.updated;
  return (
    <div className="import-preview" data-testid="import-preview">
      <p className="preview-summary">
        {questions > 0 && (
          <>
            <strong>{questions.toLocaleString()}</strong> question{questions === 1 ? '' : 's'} read from {report.packs.length} pack
            {report.packs.length === 1 ? '' : 's'}
            {changes === 0 && ' — all already in your library, nothing will change'}.{' '}
          </>
        )}
        {report.rejected.length > 0 && <span className="badge warn">{report.rejected.length.toLocaleString()} invalid items will be skipped</span>}
      </p>
      <PackCounts report={report} />
      <NoteCounts report={report} verb="to import" />
      {noteChanges === 0 && questions === 0 && <p className="muted">Nothing to import in these files.</p>}
      {report.preview.length > 0 && (
        <>
          <h3>First questions</h3>
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
      <ProblemList title="Invalid items that will be skipped" problems={report.rejected} tone="bad" />
      <ProblemList title="Warnings" problems={report.warnings} tone="warn" />
    </div>
  );
}
