/** The text alternative under every chart: the same numbers as a table, collapsed until asked for (opened for print). */
import type { ReactNode } from 'react';

export function ChartTable({ caption, head, rows, testId }: { caption: string; head: string[]; rows: ReactNode[][]; testId?: string }) {
  return (
    <details className="chart-table" data-testid={testId}>
      <summary>
        Table: {caption} ({rows.length} row{rows.length === 1 ? '' : 's'})
      </summary>
      <div className="table-scroll">
        <table className="data compact">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {r.map((c, j) => (
                  <td key={j}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
