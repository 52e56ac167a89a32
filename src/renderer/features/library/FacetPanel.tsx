/** Filter chips with counts, one group per dimension; every group is multi-select. */
import { useState } from 'react';
import type { Facets, FacetCount, QuestionFilters, QuestionStatus } from '../../../shared/types';
import type { Exam } from '../../../shared/pack';

type Dimension = 'packIds' | 'exams' | 'disciplines' | 'systems' | 'tags' | 'statuses';

const GROUPS: { key: Dimension; facet: keyof Omit<Facets, 'total'>; title: string; limit?: number }[] = [
  { key: 'packIds', facet: 'packs', title: 'Packs' },
  { key: 'exams', facet: 'exams', title: 'Exam' },
  { key: 'systems', facet: 'systems', title: 'Systems' },
  { key: 'disciplines', facet: 'disciplines', title: 'Disciplines' },
  { key: 'statuses', facet: 'statuses', title: 'Status' },
  { key: 'tags', facet: 'tags', title: 'Top tags', limit: 20 },
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
      {GROUPS.map((g) => (
        <FacetGroup
          key={g.key}
          title={g.title}
          counts={facets[g.facet].slice(0, g.limit)}
          selected={selectedOf(filters, g.key)}
          onToggle={(value) => onChange(withToggled(filters, g.key, value))}
        />
      ))}
    </div>
  );
}

const COLLAPSED = 12;

function FacetGroup({ title, counts, selected, onToggle }: { title: string; counts: FacetCount[]; selected: string[]; onToggle: (value: string) => void }) {
  const [expanded, setExpanded] = useState(false);
  // Keep selected values visible even when the other filters bring their count to zero.
  const all: FacetCount[] = [...counts];
  for (const value of selected) if (!all.some((c) => c.value === value)) all.push({ value, label: value, count: 0 });
  if (all.length === 0) return null;
  const shown = expanded ? all : all.filter((c, i) => i < COLLAPSED || selected.includes(c.value));
  const hidden = all.length - shown.length;
  return (
    <div className="facet-group" role="group" aria-label={title}>
      <h3>{title}</h3>
      <div className="chips">
        {shown.map((c) => (
          <button
            key={c.value}
            type="button"
            className="chip"
            aria-pressed={selected.includes(c.value)}
            disabled={c.count === 0 && !selected.includes(c.value)}
            onClick={() => onToggle(c.value)}
          >
            {c.label}
            <span className="count">{c.count.toLocaleString()}</span>
          </button>
        ))}
        {(hidden > 0 || expanded) && all.length > COLLAPSED && (
          <button type="button" className="link facet-more" onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Show fewer' : `+${hidden} more`}
          </button>
        )}
      </div>
    </div>
  );
}
