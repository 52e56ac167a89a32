/** Field mapping for a JSON array of questions (a path per field) or a CSV / TSV file (a column per field). */

import { MAP_TARGETS, type MapTarget } from '../../../shared/pack';

export { MAP_TARGETS, type MapTarget };
export interface MapRow {
  target: MapTarget;
  source: string;
}

const REQUIRED: MapTarget[] = ['stem', 'choices', 'answer'];
const HINTS: Partial<Record<MapTarget, string>> = {
  stem: 'question',
  choices: 'options  or  answers[].text  or  opa,opb,opc',
  answer: 'answer_idx  or  correct',
  explanation: 'explanation',
  choiceExplanations: 'answers[].why',
  tags: 'tags',
};

/** CSV: column names as the header spells them, MedMCQA-style. */
const CSV_HINTS: Partial<Record<MapTarget, string>> = {
  stem: 'question',
  choices: 'opa,opb,opc,opd',
  answer: 'answer_idx  or  cop',
  explanation: 'exp',
  choiceExplanations: 'why_a,why_b,why_c',
  tags: 'tags',
};

export const DEFAULT_ROWS: MapRow[] = REQUIRED.map((target) => ({ target, source: '' }));

/**
 * The mapping a problem suggests (`--map id=id --map stem=question …`, as the MedQA importer writes for a MedXpertQA
 * file), as editor rows; undefined when the message suggests none.
 */
export function suggestedRows(message: string): MapRow[] | undefined {
  const rows = [...message.matchAll(/--map ([A-Za-z]+)=(\S+)/g)]
    .filter((m) => (MAP_TARGETS as readonly string[]).includes(m[1]!))
    .map((m) => ({ target: m[1] as MapTarget, source: m[2]! }));
  return rows.length ? rows : undefined;
}

/** The `map` record packs:import expects: only rows with a source path. */
export function mapRecord(rows: MapRow[]): Record<string, string> {
  return Object.fromEntries(rows.filter((r) => r.source.trim()).map((r) => [r.target, r.source.trim()]));
}

export function MappingEditor({ rows, onChange, kind = 'json' }: { rows: MapRow[]; onChange: (rows: MapRow[]) => void; kind?: 'json' | 'csv' }) {
  const unused = MAP_TARGETS.filter((t) => !rows.some((r) => r.target === t));
  const update = (i: number, patch: Partial<MapRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const hints = kind === 'csv' ? CSV_HINTS : HINTS;
  return (
    <fieldset className="mapping" data-testid="mapping-editor">
      <legend>Field mapping</legend>
      {kind === 'csv' ? (
        <p className="muted small">
          For each Vignette field, give the column of your file that holds it, as the header row names it. List the choice columns in order, separated by
          commas (<code>opa,opb,opc,opd</code>). The answer may be a letter, a choice number (from 0 or 1) or the choice&apos;s text. Fields left empty are
          found by their usual column names.
        </p>
      ) : (
        <p className="muted small">
          For each Vignette field, give the path in one of your JSON objects. <code>a.b</code> walks into objects, <code>answers[].text</code> takes the text
          of every answer, <code>options[0]</code> takes one element; <code>opa,opb,opc</code> lists the choices one key each. Stem, choices and answer are required.
        </p>
      )}
      <table className="mapping-table">
        <thead>
          <tr>
            <th>Vignette field</th>
            <th>{kind === 'csv' ? 'Column in your file' : 'Path in your file'}</th>
            <th>
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.target}>
              <td>
                <select
                  aria-label="Vignette field"
                  value={row.target}
                  onChange={(e) => update(i, { target: e.target.value as MapTarget })}
                >
                  {[row.target, ...unused].map((t) => (
                    <option key={t} value={t}>
                      {t}
                      {REQUIRED.includes(t) ? ' (required)' : ''}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  aria-label={kind === 'csv' ? `Column for ${row.target}` : `Source path for ${row.target}`}
                  value={row.source}
                  placeholder={hints[row.target] ? `e.g. ${hints[row.target]}` : kind === 'csv' ? 'column' : 'path'}
                  onChange={(e) => update(i, { source: e.target.value })}
                />
              </td>
              <td>
                <button type="button" className="link" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove ${row.target}`}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {unused.length > 0 && (
        <button type="button" onClick={() => onChange([...rows, { target: unused[0]!, source: '' }])}>
          Add field
        </button>
      )}
    </fieldset>
  );
}
