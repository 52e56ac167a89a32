/** Filter chips with counts, one group per dimension; every group is multi-select. */
import type { Facets, FacetCount, QuestionFilters, QuestionStatus } from '../../../shared/types';
import type { Exam } from '../../../shared/pack';

type Dimension = 'packIds' | 'exams' | 'disciplines' | 'systems' | 'tags' | 'statuses';

const GROUPS: { key: Dimension; facet: keyof Omit<Facets, 'total'>; title: string; limit?: number }[] = [
  { key: 'packIds', facet: 'packs', title: 'Packs' },
  { key: 'exams', facet: 'exams', title: 'Exam' },
  { key: 'systems', facet: 'systems', title: 'Systems' },
  { key: 'disciplines', facet: 'disciplines', title: 'Disciplines' },
  { key: 'statuses', facet: 'statuses', title: 'Status' },
  { key: 'tags', facet: 'tags', title: 'Tags', limit: 20 },
];

/** The filter's current values for a dimension, as strings (pack ids are numbers in the filter, strings in facets). */
function selectedOf(filters: QuestionFilters, key: Dimension): string[] {
  return (filters[key] ?? []).map(String);
}

function withToggled(filters: QuestionFilters, key: Dimension, value: string): QuestionFilters {
  const current = selectedOf(filters, key);
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const out: QuestionFilters = { ...filters };
  if (next.length === 0) {
    delete out[key];
    return out;
  }
  switch (key) {
    case 'packIds':
      out.packIds = next.map(Number);
      break;
    case 'exams':
      out.exams = next as Exam[];
      break;
    case 'statuses':
      out.statuses = next as QuestionStatus[];
      break;
    default:
      out[key] = next;
  }
  return out;
}

export function activeFilterCount(filters: QuestionFilters): number {
  return GROUPS.reduce((n, g) => n + selectedOf(filters, g.key).length, 0);
}

interface Props {
  facets: Facets | undefined;
  filters: QuestionFilters;
  onChange: (filters: QuestionFilters) => void;
}

export function FacetPanel({ facets, filters, onChange }: Props) {
  if (!facets) return <div className="facet-panel" aria-busy="true" />;
  return (
    <div className="facet-panel">
      {GROUPS.map((g) => {
        const selected = selectedOf(filters, g.key);
        const counts = facets[g.facet];
        // Keep selected values visible even when the other filters bring their count to zero.
        const shown: FacetCount[] = counts.slice(0, g.limit ?? counts.length);
        for (const value of selected) {
          if (!shown.some((c) => c.value === value)) shown.push(counts.find((c) => c.value === value) ?? { value, label: value, count: 0 });
        }
        if (shown.length === 0) return null;
        return (
          <div className="facet-group" key={g.key} role="group" aria-label={g.title}>
            <h3>
              {g.title}
              {g.limit && counts.length > g.limit && <span className="facet-note"> · top {g.limit}</span>}
            </h3>
            <div className="chips">
              {shown.map((c) => (
                <button
                  key={c.value}
                  type="button"
                  className="chip"
                  aria-pressed={selected.includes(c.value)}
                  disabled={c.count === 0 && !selected.includes(c.value)}
                  onClick={() => onChange(withToggled(filters, g.key, c.value))}
                >
                  {c.label}
                  <span className="count">{c.count.toLocaleString()}</span>
                </button>
              ))}
            </div>
          </div>
        );
      })}
    </div>
  );
}
