/** Issue 14 (13): a 2-question block showed "0 min"; short blocks now say their length in seconds and minutes. */
import { describe, expect, it } from 'vitest';
import { blockLength } from '../../../src/shared/blockLength';

describe('blockLength', () => {
  it('never rounds a short block down to "0 min"', () => {
    expect(blockLength(2, 10)).toBe('20 s');
    expect(blockLength(1, 45)).toBe('45 s');
    expect(blockLength(3, 45)).toBe('2 min 15 s');
    expect(blockLength(1, 90)).toBe('1 min 30 s');
  });
  it('keeps whole minutes as minutes', () => {
    expect(blockLength(2, 90)).toBe('3 min');
    expect(blockLength(20, 90)).toBe('30 min');
    expect(blockLength(40, 90)).toBe('60 min');
  });
});
