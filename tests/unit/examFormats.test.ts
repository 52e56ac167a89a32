/** The exam-format table: dated, sourced, and the block size limit follows from it. */
import { describe, expect, it } from 'vitest';
import { BLOCK_PRESETS, DAY_FORMATS, DEFAULT_BLOCK_PRESET, MAX_BLOCK_ITEMS, blockPreset, secondsPerItem } from '../../src/shared/examFormats';
import { contract } from '../../src/shared/contract';

describe('exam formats', () => {
  it('defaults to the 2026 USMLE block of 20 items in 30 minutes, with the legacy 40/60 block still offered', () => {
    const p = blockPreset(DEFAULT_BLOCK_PRESET)!;
    expect([p.label, p.items, p.minutes, p.effective]).toEqual(['USMLE block (from May 2026)', 20, 30, '2026-05-07']);
    expect(secondsPerItem(p)).toBe(90);
    const legacy = blockPreset('usmle-legacy')!;
    expect([legacy.items, legacy.minutes, legacy.until]).toEqual([40, 60, '2026-05-13']);
  });

  it('gives every row a source and a date, and days add up to the official totals', () => {
    for (const row of [...BLOCK_PRESETS, ...DAY_FORMATS]) expect(row.source.length, row.id).toBeGreaterThan(10);
    for (const day of DAY_FORMATS) {
      expect(day.effective).toMatch(/^2026-05-\d\d$/);
      expect(day.itemsPerDay).toBeLessThanOrEqual(day.blocks * day.itemsPerBlock);
    }
    expect(DAY_FORMATS.map((d) => [d.id, d.blocks, d.itemsPerDay, d.minutesPerBlock])).toEqual([
      ['step1-2026', 14, 280, 30],
      ['step2ck-2026', 16, 316, 30],
    ]);
  });

  it('limits block size to the largest preset: a 50-item NBME section is possible, 51 is refused by the contract', () => {
    expect(MAX_BLOCK_ITEMS).toBe(50);
    const spec = { filters: {}, mode: 'timed', secondsPerQuestion: 90, order: 'random' };
    expect(contract['blocks:create'].input.safeParse({ ...spec, size: 50 }).success).toBe(true);
    const refused = contract['blocks:create'].input.safeParse({ ...spec, size: 51 });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['size']);
  });
});
