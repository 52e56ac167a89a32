/** Reading the bank: the library list, facet counts, one question as the runner shows it, and media. */
import type { PackSummary, QuestionFilters, QuestionListItem, QuestionView } from '../../../shared/types';
import { CHOICE_LABELS, type Exam } from '../../../shared/pack';
import { AppError } from '../../../shared/result';
import type { Db } from '../db/open';
import { FROM_QUESTIONS, fromQuestions, ftsQuery, whereFor } from './filters';
import { buildSnippet, matcher, queryWords } from './snippet';

export function listPacks(db: Db): PackSummary[] {
  const rows = db
    .prepare(
      `SELECT p.*, 
         (SELECT count(*) FROM questions q WHERE q.pack_id = p.id AND q.retired = 0) AS question_count,
         (SELECT count(*) FROM questions q WHERE q.pack_id = p.id AND q.retired = 1) AS retired_count,
         (SELECT count(*) FROM media m WHERE m.pack_id = p.id) AS media_count
       FROM packs p WHERE p.removed_at IS NULL ORDER BY p.title`,
    )
    .all() as Record<string, unknown>[];
  return rows.map((r) => ({
    id: r.id as number,
    key: r.key as string,
    title: r.title as string,
    version: r.version as string,
    description: r.description as string,
    license: r.license as string,
    author: r.author as string,
    sourceFormat: r.source_format as PackSummary['sourceFormat'],
    sourceName: r.source_name as string,
    importedAt: r.imported_at as number,
    updatedAt: r.updated_at as number,
    questionCount: r.question_count as number,
    retiredCount: r.retired_count as number,
    mediaCount: r.media_count as number,
  }));
}

/** Removing a pack retires its questions: they leave the library and new blocks, their history and notes stay. */
export function removePack(db: Db, packId: number, now: number): { retired: number } {
  return db.transaction(() => {
    const pack = db.prepare('SELECT id FROM packs WHERE id = ? AND removed_at IS NULL').get(packId);
    if (!pack) throw new AppError('NOT_FOUND', `Pack ${packId} not found`);
    const { changes } = db.prepare('UPDATE questions SET retired = 1, updated_at = ? WHERE pack_id = ? AND retired = 0').run(now, packId);
    db.prepare('UPDATE packs SET removed_at = ? WHERE id = ?').run(now, packId);
    return { retired: changes };
  })();
}

function statusOf(outcome: string | null, attempts: number | null): QuestionListItem['status'] {
  if (!attempts) return 'unused';
  return (outcome ?? 'unused') as QuestionListItem['status'];
}

/**
 * One page of hits in rank order. FTS5 ranks fast with ORDER BY rank LIMIT k (bm25 weights stem 4, choices 2,
 * explanation 1, configured in the migration); the filters are applied to that top k, and k grows only when too
 * few of the top hits pass them.
 */
function rankedPage(db: Db, match: string, from: string, select: string, where: { sql: string; params: unknown[] }, page: number, pageSize: number, total: number) {
  const need = (page + 1) * pageSize;
  if (need > total + pageSize) return [];
  for (let k = Math.max(200, need * 4); ; k *= 4) {
    const rows = db
      .prepare(
        `WITH hits AS MATERIALIZED (SELECT rowid AS id, rank AS score FROM questions_fts WHERE questions_fts MATCH ? ORDER BY rank LIMIT ?)
         SELECT ${select} FROM hits ${from} WHERE ${where.sql} ORDER BY hits.score LIMIT ? OFFSET ?`,
      )
      .all(match, k, ...where.params, pageSize, page * pageSize) as Record<string, unknown>[];
    // Enough rows, or the top k already held every hit that passes the filters.
    if (rows.length === pageSize || page * pageSize + rows.length >= total || k >= 1_000_000) return rows;
  }
}

/** The stored search text (stem, then choices) of some questions, for excerpts. */
function textsOf(db: Db, ids: number[]): Map<number, string> {
  if (!ids.length) return new Map();
  const rows = db.prepare(`SELECT rowid AS id, stem, choices, explanation FROM questions_fts WHERE rowid IN (${ids.map(() => '?').join(',')})`).all(...ids) as {
    id: number;
    stem: string;
    choices: string;
    explanation: string;
  }[];
  return new Map(rows.map((r) => [r.id, `${r.stem}\n${r.choices}\n${r.explanation}`]));
}

export function searchQuestions(db: Db, query: string, filters: QuestionFilters, page: number, pageSize: number): { total: number; items: QuestionListItem[] } {
  const where = whereFor(filters);
  const match = ftsQuery(query);
  const select = `q.id, p.title AS pack_title, q.source_id, q.exam, q.discipline, q.system, q.system_inferred, q.topic, q.retired, qs.last_outcome, qs.attempts, qs.marked`;
  let total: number;
  let rows: Record<string, unknown>[];
  if (match) {
    // FTS first, materialised: the planner must never probe the full-text index once per question row.
    const from = `JOIN questions q ON q.id = hits.id JOIN packs p ON p.id = q.pack_id LEFT JOIN question_stats qs ON qs.question_id = q.id`;
    total = (
      db
        .prepare(`WITH hits AS MATERIALIZED (SELECT rowid AS id FROM questions_fts WHERE questions_fts MATCH ?) SELECT count(*) AS n FROM hits ${from} WHERE ${where.sql}`)
        .get(match, ...where.params) as { n: number }
    ).n;
    rows = rankedPage(db, match, from, select, where, page, pageSize, total);
    const re = matcher(queryWords(query));
    const texts = textsOf(db, rows.map((r) => r.id as number));
    for (const r of rows) r.snippet = buildSnippet(texts.get(r.id as number) ?? '', re);
  } else {
    total = (db.prepare(`SELECT count(*) AS n FROM ${fromQuestions(filters)} WHERE ${where.sql}`).get(...where.params) as { n: number }).n;
    rows = db
      .prepare(
        `SELECT ${select}, substr(f.stem, 1, 220) AS snippet
         FROM ${FROM_QUESTIONS} JOIN packs p ON p.id = q.pack_id JOIN questions_fts f ON f.rowid = q.id
         WHERE ${where.sql} ORDER BY q.id LIMIT ? OFFSET ?`,
      )
      .all(...where.params, pageSize, page * pageSize) as Record<string, unknown>[];
  }
  return {
    total,
    items: rows.map((r) => ({
      id: r.id as number,
      packTitle: r.pack_title as string,
      sourceId: r.source_id as string,
      exam: (r.exam as Exam | null) ?? null,
      discipline: (r.discipline as string | null) ?? null,
      system: (r.system as string | null) ?? null,
      ...(r.system_inferred === 1 ? { systemInferred: true } : {}),
      topic: (r.topic as string | null) ?? null,
      snippet: r.snippet as string,
      status: statusOf(r.last_outcome as string | null, r.attempts as number | null),
      marked: r.marked === 1,
      retired: r.retired === 1,
    })),
  };
}

/** One question; the answer and explanations only when `reveal` (library preview, review, tutor after submit). */
export function getQuestion(db: Db, id: number, reveal: boolean): QuestionView {
  const q = db
    .prepare(`SELECT q.*, p.title AS pack_title FROM questions q JOIN packs p ON p.id = q.pack_id WHERE q.id = ?`)
    .get(id) as Record<string, unknown> | undefined;
  if (!q) throw new AppError('NOT_FOUND', `Question ${id} not found`);
  const choices = db.prepare('SELECT idx, text_html, explanation_html FROM choices WHERE question_id = ? ORDER BY idx').all(id) as {
    idx: number;
    text_html: string;
    explanation_html: string;
  }[];
  const tags = (db.prepare('SELECT t.name FROM question_tags qt JOIN tags t ON t.id = qt.tag_id WHERE qt.question_id = ? ORDER BY t.name').all(id) as { name: string }[]).map(
    (t) => t.name,
  );
  const images = (db.prepare('SELECT media_id, alt, placement FROM question_media WHERE question_id = ? ORDER BY position').all(id) as {
    media_id: number;
    alt: string;
    placement: 'stem' | 'explanation';
  }[])
    .filter((i) => reveal || i.placement === 'stem')
    .map((i) => ({ mediaId: i.media_id, alt: i.alt, placement: i.placement }));
  const view: QuestionView = {
    id,
    packTitle: q.pack_title as string,
    sourceId: q.source_id as string,
    exam: (q.exam as Exam | null) ?? null,
    discipline: (q.discipline as string | null) ?? null,
    system: (q.system as string | null) ?? null,
    ...(q.system_inferred === 1 ? { systemInferred: true } : {}),
    topic: (q.topic as string | null) ?? null,
    tags,
    stemHtml: q.stem_html as string,
    choices: choices.map((c) => ({
      label: CHOICE_LABELS[c.idx]!,
      html: c.text_html,
      ...(reveal && c.explanation_html ? { explanationHtml: c.explanation_html } : {}),
    })),
    images,
    retired: q.retired === 1,
  };
  if (reveal) {
    view.answerIndex = q.answer_index as number;
    view.explanationHtml = q.explanation_html as string;
    view.objective = q.objective as string;
    view.references = JSON.parse(q.references_json as string) as string[];
  }
  return view;
}

export function getMedia(db: Db, id: number): { mime: string; base64: string } {
  const row = db.prepare('SELECT mime, bytes FROM media WHERE id = ?').get(id) as { mime: string; bytes: Buffer } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `Image ${id} not found`);
  return { mime: row.mime, base64: Buffer.from(row.bytes).toString('base64') };
}
