/**
 * Filtering and sorting a block's result rows. Pure, so the results table and the item review's previous/next walk
 * the same list: stepping through "incorrect" visits exactly the rows the table shows. The filter lives in the URL.
 */
import { CHANGE_KINDS, type ChangeKind, type ResultItem } from './review';
import { MISS_REASONS, type MissReason } from './reasons';

export type ResultFilter = 'all' | 'incorrect' | 'marked' | 'omitted' | 'changed' | ChangeKind | `reason:${MissReason}`;
export type ResultSort = 'position' | 'time';

export const BASIC_FILTERS = ['all', 'incorrect', 'marked', 'omitted', 'changed'] as const;

export function parseFilter(value: string | null): ResultFilter {
  if (!value) return 'all';
  if ((BASIC_FILTERS as readonly string[]).includes(value) || (CHANGE_KINDS as readonly string[]).includes(value)) return value as ResultFilter;
  if (value.startsWith('reason:') && (MISS_REASONS as readonly string[]).includes(value.slice(7))) return value as ResultFilter;
  return 'all';
}
export const parseSort = (value: string | null): ResultSort => (value === 'time' ? 'time' : 'position');

const changeCount = (i: ResultItem) => i.changes.correct_to_incorrect + i.changes.incorrect_to_correct + i.changes.incorrect_to_incorrect;

export function matches(item: ResultItem, filter: ResultFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'incorrect':
    case 'omitted':
      return item.outcome === filter;
    case 'marked':
      return item.marked;
    case 'changed':
      return changeCount(item) > 0;
    case 'correct_to_incorrect':
    case 'incorrect_to_correct':
    case 'incorrect_to_incorrect':
      return item.changes[filter] > 0;
    default:
      return item.reason === filter.slice(7);
  }
}

export function filterResults(items: ResultItem[], filter: ResultFilter, sort: ResultSort): ResultItem[] {
  const kept = items.filter((i) => matches(i, filter));
  // Longest first: the items that cost the most time are the ones worth looking at.
  return sort === 'time' ? kept.sort((a, b) => b.timeMs - a.timeMs || a.position - b.position) : kept;
}

export { changeCount };
