/** The lab-values reference, searchable, by section, with conventional and SI units side by side. */
import { Fragment, useMemo, useState } from 'react';
import { LAB_SECTIONS, searchLabValues, type LabSection } from '../../../shared/labValues';

export function LabPanel({ onClose }: { onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [section, setSection] = useState<LabSection | 'All'>('Serum');
  const rows = useMemo(() => {
    const found = searchLabValues(query);
    return query ? found : found.filter((r) => section === 'All' || r.section === section);
  }, [query, section]);
  return (
    <aside className="side-panel lab-panel" aria-label="Lab values" data-testid="lab-panel">
      <header>
        <h2>Lab values</h2>
        <button onClick={onClose} aria-label="Close lab values">
          Close
        </button>
      </header>
      <input autoFocus type="search" placeholder="Search (e.g. sodium, TSH, PaCO2)" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Search lab values" />
      {!query && (
        <div className="lab-tabs" role="tablist">
          {LAB_SECTIONS.map((s) => (
            <button key={s} role="tab" aria-selected={section === s} onClick={() => setSection(s)}>
              {s}
            </button>
          ))}
        </div>
      )}
      <div className="lab-table-wrap" tabIndex={0} role="region" aria-label="Lab values table">
        <table className="lab-table">
          <thead>
            <tr>
              <th>Test</th>
              <th>Reference range</th>
              <th>SI reference range</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <Fragment key={`${r.name}-${r.qualifier ?? ''}-${i}`}>
                <tr>
                  <td>
                    {r.name}
                    {r.qualifier && <span className="muted"> · {r.qualifier}</span>}
                    {r.source === 'clinical' && <div className="muted small">Clinical standard</div>}
                    {query && <div className="muted small">{r.section}</div>}
                  </td>
                  <td>{r.conventional}</td>
                  <td>{r.si}</td>
                </tr>
                {r.clinicalNote && (
                  <tr className="lab-clinical-note">
                    {/* The USMLE value stays above; the clinical standard is a separate line, labelled, never mixed in. */}
                    <td colSpan={3} className="muted small" data-testid="lab-clinical-note">
                      <strong>Clinical note:</strong> {r.clinicalNote}
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  No test matches “{query}”.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <p className="muted small">USMLE laboratory values, as printed. Rows marked “Clinical standard” are not in the USMLE table; a “Clinical note” gives today’s clinical cut-off where it differs.</p>
    </aside>
  );
}
