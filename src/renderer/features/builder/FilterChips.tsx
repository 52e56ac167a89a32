import type { FacetCount } from '../../../shared/types';

export function FilterChips({ label, values, selected, onToggle }: { label: string; values: FacetCount[]; selected: string[]; onToggle: (value: string) => void }) {
  if (values.length === 0) return null;
  return (
    <div className="facet-group">
      <h3>{label}</h3>
      <div className="chips">
        {values.map((v) => (
          <button key={v.value} className="chip" aria-pressed={selected.includes(v.value)} onClick={() => onToggle(v.value)} data-testid={`chip-${label}-${v.label}`}>
            {v.label}
            <span className="count">{v.count}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
