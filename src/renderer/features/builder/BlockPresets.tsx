/**
 * The size-and-pace presets, from the one dated table in src/shared/examFormats.ts: the 2026 USMLE block (default),
 * the legacy block, an NBME section, a full-length day simulation, and custom.
 */
import { BLOCK_PRESETS, DAY_FORMATS, presetDetail, secondsPerItem, type BlockPresetId } from '../../../shared/examFormats';
import './presets.css';

export type PresetChoice = BlockPresetId | 'simulation' | 'custom';

/** The preset a block spec matches, if any (so reopening the builder shows what was used last). */
export function presetFor(size: number, seconds: number | null): PresetChoice {
  return BLOCK_PRESETS.find((p) => p.items === size && secondsPerItem(p) === seconds)?.id ?? 'custom';
}

export function presetSpec(id: BlockPresetId): { size: number; secondsPerQuestion: number } {
  const p = BLOCK_PRESETS.find((x) => x.id === id)!;
  return { size: p.items, secondsPerQuestion: secondsPerItem(p) };
}

const dayBlocks = DAY_FORMATS.map((f) => f.blocks).join('–');

export function BlockPresets({ selected, onChoose }: { selected: PresetChoice; onChoose: (id: PresetChoice) => void }) {
  const options = [
    ...BLOCK_PRESETS.map((p) => ({ id: p.id as PresetChoice, label: p.label, detail: presetDetail(p.items, p.minutes), title: `Source: ${p.source}` })),
    { id: 'simulation' as const, label: 'Full-length simulation', detail: `Step 1 or Step 2 CK day · ${dayBlocks} blocks · breaks`, title: `Source: ${DAY_FORMATS[0].source}` },
    { id: 'custom' as const, label: 'Custom', detail: 'your size and pace', title: undefined },
  ];
  return (
    <div className="preset-grid presets" role="group" aria-label="Presets">
      {options.map((p) => (
        <button key={p.id} className="preset" aria-pressed={selected === p.id} onClick={() => onChoose(p.id)} data-testid={`preset-${p.id}`} title={p.title}>
          <strong>{p.label}</strong>
          <span className="muted">{p.detail}</span>
        </button>
      ))}
    </div>
  );
}
