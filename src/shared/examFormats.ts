/**
 * Exam formats: the block presets and full-length day simulations, as one dated table.
 * These are facts about the real exam that change (they did in 2026), so each row carries its source and the date it
 * took effect; no number here may be copied into a formula elsewhere. Facts and tags from ../shared/READINESS.md §1
 * (O = official usmle.org/NBME text, S = secondary source).
 */

const USMLE_2026 = 'usmle.org, "Test Delivery Software Updates for Step 2 CK and Step 1 Coming in May 2026" (O)';

export interface BlockPreset {
  id: string;
  label: string;
  items: number;
  minutes: number;
  /** First day this format is used on the real exam (ISO date); null if not tied to a date. */
  effective: string | null;
  /** Last day of use for a format that was replaced. */
  until?: string;
  source: string;
}

export const BLOCK_PRESETS = [
  {
    id: 'usmle-2026',
    label: 'USMLE block (from May 2026)',
    items: 20,
    minutes: 30,
    // Step 2 CK from 2026-05-07, Step 1 from 2026-05-14 (Step 3 has used 30-minute blocks since 2026-03-10).
    effective: '2026-05-07',
    source: USMLE_2026,
  },
  {
    id: 'usmle-legacy',
    label: 'USMLE block (before May 2026)',
    items: 40,
    minutes: 60,
    effective: null,
    until: '2026-05-13',
    source: USMLE_2026,
  },
  {
    id: 'nbme-section',
    label: 'NBME self-assessment section',
    items: 50,
    minutes: 75,
    effective: null,
    source: 'NBME CBSSA/CCSSA standard-paced form: 4 sections of 50 items, 75 min each (S)',
  },
] as const satisfies readonly BlockPreset[];

export type BlockPresetId = (typeof BLOCK_PRESETS)[number]['id'];
export const DEFAULT_BLOCK_PRESET: BlockPresetId = 'usmle-2026';

export interface DayFormat {
  id: string;
  label: string;
  exam: 'step1' | 'step2ck';
  blocks: number;
  /** The most items a block holds; the day's items are spread over its blocks (Step 2 CK: 316 in 16 blocks of 18–20). */
  itemsPerBlock: number;
  itemsPerDay: number;
  minutesPerBlock: number;
  /** Break time for the whole day, shared by every gap between blocks. */
  breakMinutes: number;
  effective: string;
  source: string;
}

export const DAY_FORMATS = [
  {
    id: 'step1-2026',
    label: 'Step 1 day (from 2026-05-14)',
    exam: 'step1',
    blocks: 14,
    itemsPerBlock: 20,
    itemsPerDay: 280,
    minutesPerBlock: 30,
    // "At least 55 min of break time" is a secondary source (S); the official page gives blocks and timing.
    breakMinutes: 55,
    effective: '2026-05-14',
    source: USMLE_2026,
  },
  {
    id: 'step2ck-2026',
    label: 'Step 2 CK day (from 2026-05-07)',
    exam: 'step2ck',
    blocks: 16,
    itemsPerBlock: 20,
    itemsPerDay: 316,
    minutesPerBlock: 30,
    breakMinutes: 55,
    effective: '2026-05-07',
    source: USMLE_2026,
  },
] as const satisfies readonly DayFormat[];

export type DayFormatId = (typeof DAY_FORMATS)[number]['id'];
export const DAY_FORMAT_IDS = DAY_FORMATS.map((f) => f.id) as [DayFormatId, ...DayFormatId[]];

/** The largest block any preset needs: a 50-item NBME section stays possible, nothing larger. */
export const MAX_BLOCK_ITEMS = Math.max(...BLOCK_PRESETS.map((p) => p.items));

export const secondsPerItem = (p: { items: number; minutes: number }): number => Math.round((p.minutes * 60) / p.items);

export function blockPreset(id: string): BlockPreset | undefined {
  return BLOCK_PRESETS.find((p) => p.id === id);
}
export function dayFormat(id: string): DayFormat | undefined {
  return DAY_FORMATS.find((f) => f.id === id);
}

/** Block sizes of a day: `total` items spread over `blocks` as evenly as possible, larger blocks first. */
export function blockSizes(total: number, blocks: number): number[] {
  const base = Math.floor(total / blocks);
  return Array.from({ length: blocks }, (_, i) => base + (i < total % blocks ? 1 : 0));
}

/** "20 questions · 30 min" */
export const presetDetail = (items: number, minutes: number): string => `${items} questions · ${minutes} min`;
