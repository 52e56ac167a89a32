/** The results filter and sort that both the table and the item review's previous/next use. */
import { describe, expect, it } from 'vitest';
import { filterResults, parseFilter, parseSort } from '../../../src/shared/resultsFilter';
import type { ResultItem } from '../../../src/shared/review';

const zero = { correct_to_incorrect: 0, incorrect_to_correct: 0, incorrect_to_incorrect: 0 };
const item = (position: number, over: Partial<ResultItem>): ResultItem => ({
  position,
  questionId: position + 100,
  outcome: 'correct',
  marked: false,
  timeMs: 1000,
  selected: 0,
  answer: 0,
  changes: zero,
  reason: null,
  system: null,
  discipline: null,
  stemStart: '',
  ...over,
});
const items = [
  item(0, { timeMs: 5000 }),
  item(1, { outcome: 'incorrect', reason: 'misread', timeMs: 9000, changes: { ...zero, correct_to_incorrect: 1 } }),
  item(2, { outcome: 'omitted', selected: null, marked: true }),
  item(3, { outcome: 'incorrect', reason: 'knowledge', timeMs: 9000 }),
  item(4, { changes: { ...zero, incorrect_to_correct: 2 } }),
];
const positions = (list: ResultItem[]) => list.map((i) => i.position);

describe('results filter', () => {
  it('keeps exactly the rows of each filter, in position order or longest first', () => {
    expect(positions(filterResults(items, 'all', 'position'))).toEqual([0, 1, 2, 3, 4]);
    expect(positions(filterResults(items, 'incorrect', 'position'))).toEqual([1, 3]);
    expect(positions(filterResults(items, 'omitted', 'position'))).toEqual([2]);
    expect(positions(filterResults(items, 'marked', 'position'))).toEqual([2]);
    expect(positions(filterResults(items, 'changed', 'position'))).toEqual([1, 4]);
    expect(positions(filterResults(items, 'incorrect_to_correct', 'position'))).toEqual([4]);
    expect(positions(filterResults(items, 'reason:misread', 'position'))).toEqual([1]);
    expect(positions(filterResults(items, 'all', 'time'))).toEqual([1, 3, 0, 2, 4]);
  });

  it('reads unknown URL values as the defaults', () => {
    expect(parseFilter('reason:bored')).toBe('all');
    expect(parseFilter('<script>')).toBe('all');
    expect(parseFilter('reason:guessed')).toBe('reason:guessed');
    expect(parseFilter('correct_to_incorrect')).toBe('correct_to_incorrect');
    expect(parseSort('time')).toBe('time');
    expect(parseSort('x')).toBe('position');
  });
});
