/** Field mapping for a JSON array of questions: which source path fills each Vignette field. */

import { MAP_TARGETS, type MapTarget } from '../../../shared/pack';

export { MAP_TARGETS, type MapTarget };
export interface MapRow {
  target: MapTarget;
  source: string;
}

const REQUIRED: MapTarget[] = ['stem', 'choices', 'answer'];
const HINTS: Partial<Record<MapTarget, string>> = {
  stem: 'question',
  choices: 'options  or  answers[].text',
  answer: 'answer_idx  or  correct',
  explanation: 'explanation',
  choiceExplanations: 'answers[].why',
  tags: 'tags',
};

export const DEFAULT_ROWS: MapRow[] = REQUIRED.map((target) => ({ target, source: '' }));

/** The `map` record packs:import expects: only rows with a source path. */
export function mapRecord(rows: MapRow[]): Record<string, string> {
  return Object.fromEntries(rows.filter((r) => r.source.trim()).map((r) => [r.target, r.source.trim()]));
}

export function MappingEditor({ rows, onChange }: { rows: MapRow[]; onChange: (rows: MapRow[]) => void }) {
  const unused = MAP_TARGETS.filter((t) => !rows.some((r) => r.target === t));
  const update = (i: number, patch: Partial<MapRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="mapping">
      <legend>Field mapping</legend>
      <p className="muted small">
        For each Vignette field, give the path in one of your JSON objects. <code>a.b</code> walks into objects, <code>answers[].text</code> takes the text of
        every answer, <code>options[0]</code> takes one element. Stem, choices and answer are required.
      </p>
      <table className="mapping-table">
        <thead>
          <tr>
            <th>Vignette field</th>
            <th>Path in your file</th>
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
                  aria-label={`Source path for ${row.target}`}
                  value={row.source}
                  placeholder={HINTS[row.target] ? `e.g. ${HINTS[row.target]}` : 'path'}
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
