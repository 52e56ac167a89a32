import { describe, expect, it } from 'vitest';
import { LAB_SECTIONS, LAB_VALUES, searchLabValues } from '../../src/shared/labValues';

describe('lab values reference', () => {
  it('covers every section, each row with both units', () => {
    expect(new Set(LAB_VALUES.map((r) => r.section))).toEqual(new Set(LAB_SECTIONS));
    expect(LAB_VALUES.every((r) => r.conventional.trim() && r.si.trim())).toBe(true);
  });

  it('search: empty returns all in order; every word must start a word in the row', () => {
    expect(searchLabValues('')).toEqual([...LAB_VALUES]);
    const ferritinMale = searchLabValues('ferritin male');
    expect(ferritinMale.map((r) => [r.name, r.qualifier])).toEqual([[expect.stringMatching(/^Ferritin/), 'Male']]);
    expect(searchLabValues('sodium').map((r) => r.name)).toContain('Sodium (Na+)');
    expect(searchLabValues('zzzz')).toEqual([]);
    expect(searchLabValues('PaCO2').some((r) => r.section === 'Blood gases')).toBe(true);
  });
});
