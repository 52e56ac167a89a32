/**
 * QuestionFilters → one SQL WHERE clause over `questions q` left-joined with `question_stats qs`. Shared by the library,
 * the facet counts and the block builder, so "N questions available" always agrees with what a block draws from.
 */
import type { QuestionFilters } from '../../../shared/types';

export interface SqlWhere {
  sql: string;
  params: unknown[];
}

const placeholders = (n: number) => new Array(n).fill('?').join(', ');

export type FilterDimension = 'packIds' | 'exams' | 'disciplines' | 'systems' | 'tags' | 'statuses';

/** Builds the WHERE clause; `omit` leaves one dimension out (facet counts show what choosing another value would give). */
export function whereFor(filters: QuestionFilters, omit?: FilterDimension): SqlWhere {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (!filters.includeRetired) clauses.push('q.retired = 0');
  const inList = (column: string, values: readonly unknown[] | undefined, dim: FilterDimension) => {
    if (!values?.length || omit === dim) return;
    clauses.push(`${column} IN (${placeholders(values.length)})`);
    params.push(...values);
  };
  if (filters.questionIds) {
    // One JSON parameter, not one placeholder per id: a pool can hold thousands of questions.
    clauses.push('q.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filters.questionIds));
  }
  inList('q.pack_id', filters.packIds, 'packIds');
  inList('q.exam', filters.exams, 'exams');
  inList('q.discipline', filters.disciplines, 'disciplines');
  inList('q.system', filters.systems, 'systems');
  if (filters.tags?.length && omit !== 'tags') {
    clauses.push(
      `q.id IN (SELECT qt.question_id FROM question_tags qt JOIN tags t ON t.id = qt.tag_id WHERE t.name IN (${placeholders(filters.tags.length)}))`,
    );
    params.push(...filters.tags);
  }
  if (filters.dueForReview) {
    // srs_due_cutoff() / srs_day_start() are registered by the SRS module (srs/handlers.ts): the end and start of the
    // current study day; a card answered today is not due again today (srs/queue.ts NOT_REVIEWED_TODAY).
    clauses.push(
      'q.id IN (SELECT question_id FROM cards WHERE question_id IS NOT NULL AND suspended = 0 AND deleted_at IS NULL AND due < srs_due_cutoff() AND NOT (due >= srs_day_start() AND last_review >= srs_day_start()))',
    );
  }
  if (filters.statuses?.length && omit !== 'statuses') {
    const any: string[] = [];
    for (const status of new Set(filters.statuses)) {
      if (status === 'unused') any.push('qs.question_id IS NULL OR qs.attempts = 0');
      else if (status === 'marked') any.push('qs.marked = 1');
      else {
        any.push('qs.last_outcome = ?');
        params.push(status);
      }
    }
    clauses.push(`(${any.map((c) => `(${c})`).join(' OR ')})`);
  }
  return { sql: clauses.length ? clauses.join(' AND ') : '1', params };
}

export const FROM_QUESTIONS = 'questions q LEFT JOIN question_stats qs ON qs.question_id = q.id';
/** Without a status filter the stats join is dead weight (SQLite does not drop it by itself). */
export const fromQuestions = (filters: QuestionFilters) => (filters.statuses?.length ? FROM_QUESTIONS : 'questions q');

/** Turns what a user types into a safe FTS5 query: every word must appear, the last one as a prefix. */
export function ftsQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 12);
  if (!words.length) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}
