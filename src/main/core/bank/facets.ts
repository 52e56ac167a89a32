/**
 * Facet counts for the library and the block builder: for every filter dimension, how many questions each value
 * would give with the *other* dimensions applied (so choosing a second system shows what it adds).
 *
 * Pack, exam, system and discipline come from ONE scan grouped in the order of the covering index
 * (retired, exam, pack_id, system, discipline) — no sort, a few hundred groups — and are then counted in JS with
 * each dimension's own filter left out. Status and tags need joins and get one query each.
 */
import { EXAMS, type Exam } from '../../../shared/pack';
import type { FacetCount, Facets, QuestionFilters } from '../../../shared/types';
import type { Db } from '../db/open';
import { FROM_QUESTIONS, fromQuestions, ftsQuery, whereFor, type FilterDimension } from './filters';

const EXAM_LABEL: Record<Exam, string> = { step1: 'Step 1', step2ck: 'Step 2 CK', step3: 'Step 3' };

type Group = [exam: string | null, packId: number, system: string | null, discipline: string | null, count: number];
type Dim = 'exams' | 'packIds' | 'systems' | 'disciplines';
const DIMS: Dim[] = ['exams', 'packIds', 'systems', 'disciplines'];

function tally(groups: Group[], filters: QuestionFilters, dim: Dim): Map<string, number> {
  const allowed = DIMS.map((d) => (d === dim || !filters[d]?.length ? null : new Set((filters[d] as (string | number)[]).map(String))));
  const counts = new Map<string, number>();
  for (const g of groups) {
    let ok = true;
    for (let i = 0; i < 4 && ok; i++) ok = !allowed[i] || allowed[i]!.has(String(g[i]));
    if (!ok) continue;
    const key = g[DIMS.indexOf(dim)];
    if (key === null) continue;
    counts.set(String(key), (counts.get(String(key)) ?? 0) + g[4]);
  }
  return counts;
}

const sorted = (m: Map<string, number>, label: (v: string) => string): FacetCount[] =>
  [...m].map(([value, count]) => ({ value, label: label(value), count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));

export function facetCounts(db: Db, query: string, filters: QuestionFilters): Facets {
  const match = ftsQuery(query);
  const base = (omit: FilterDimension[]) => {
    const narrowed = { ...filters };
    for (const d of omit) delete narrowed[d];
    const where = whereFor(narrowed);
    const from = fromQuestions(narrowed);
    if (!match) return { from, where: where.sql, params: where.params };
    return { from, where: `q.id IN (SELECT rowid FROM questions_fts WHERE questions_fts MATCH ?) AND ${where.sql}`, params: [match, ...where.params] };
  };

  const g = base(DIMS);
  const groups = db
    .prepare(`SELECT q.exam, q.pack_id, q.system, q.discipline, count(*) FROM ${g.from} WHERE ${g.where} GROUP BY q.exam, q.pack_id, q.system, q.discipline`)
    .raw()
    .all(...g.params) as Group[];

  const packTitles = new Map((db.prepare('SELECT id, title FROM packs').all() as { id: number; title: string }[]).map((p) => [String(p.id), p.title]));
  const exams = sorted(tally(groups, filters, 'exams'), (v) => EXAM_LABEL[v as Exam] ?? v).sort((a, b) => EXAMS.indexOf(a.value as Exam) - EXAMS.indexOf(b.value as Exam));
  const total = countAll(groups, filters);

  const tb = base(['tags']);
  // Count by tag id over the filtered ids (read from the covering index), then name only the 60 largest.
  const tags = db
    .prepare(
      `SELECT t.name AS value, x.count FROM (
         SELECT qt.tag_id, count(*) AS count FROM ${tb.from} JOIN question_tags qt ON qt.question_id = q.id
         WHERE ${tb.where} GROUP BY qt.tag_id ORDER BY count DESC LIMIT 60
       ) x JOIN tags t ON t.id = x.tag_id ORDER BY x.count DESC, t.name`,
    )
    .all(...tb.params) as { value: string; count: number }[];

  const sb = base(['statuses']);
  const s = db
    .prepare(
      `SELECT sum(qs.question_id IS NULL OR qs.attempts = 0) AS unused, sum(qs.last_outcome = 'correct') AS correct,
         sum(qs.last_outcome = 'incorrect') AS incorrect, sum(qs.last_outcome = 'omitted') AS omitted, sum(qs.marked = 1) AS marked
       FROM ${FROM_QUESTIONS} WHERE ${sb.where}`,
    )
    .get(...sb.params) as Record<string, number | null>;

  return {
    packs: sorted(tally(groups, filters, 'packIds'), (v) => packTitles.get(v) ?? '?'),
    exams,
    systems: sorted(tally(groups, filters, 'systems'), (v) => v),
    disciplines: sorted(tally(groups, filters, 'disciplines'), (v) => v),
    tags: tags.map((t) => ({ value: t.value, label: t.value, count: t.count })),
    statuses: (['unused', 'correct', 'incorrect', 'omitted', 'marked'] as const).map((k) => ({ value: k, label: k[0]!.toUpperCase() + k.slice(1), count: s[k] ?? 0 })),
    total,
  };
}

/** Questions passing every filter: the pool size the builder offers. */
function countAll(groups: Group[], filters: QuestionFilters): number {
  const sets = DIMS.map((d) => (filters[d]?.length ? new Set((filters[d] as (string | number)[]).map(String)) : null));
  let n = 0;
  for (const g of groups) if (sets.every((set, i) => !set || set.has(String(g[i])))) n += g[4];
  return n;
}
