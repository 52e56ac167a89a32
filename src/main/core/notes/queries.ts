/** Reading notes: full-text search, one note, the notes related to a question, and a note's images. */
import { AppError } from '../../../shared/result';
import type { NoteSummary, NoteView } from '../../../shared/types';
import type { Db } from '../db/open';

interface NoteRow {
  id: number;
  origin: string;
  title: string;
  snippet: string | null;
  tags: string | null;
  system: string | null;
  question_id: number | null;
  updated_at: number;
}

/** Tags travel as one string per note (one query for the whole list), joined by the ASCII unit separator. */
const TAG_SEP = '\u001f';
const TAGS_SQL = `(SELECT group_concat(t.name, char(31) ORDER BY t.name COLLATE NOCASE)
    FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id)`;
const PREVIEW_CHARS = 200;
/** Plain-text preview from the search index (which holds the note's text without markup); user notes may lack a row. */
const PREVIEW_SQL = `coalesce((SELECT substr(f.body, 1, ${PREVIEW_CHARS}) FROM notes_fts f WHERE f.rowid = n.id), '')`;
const SUMMARY_COLUMNS = `n.id, n.origin, n.title, ${TAGS_SQL} AS tags, n.system, n.question_id, n.updated_at`;

function toSummary(row: NoteRow): NoteSummary {
  return {
    id: row.id,
    origin: row.origin === 'user' ? 'user' : 'imported',
    title: row.title,
    snippet: row.snippet ?? '',
    tags: row.tags ? row.tags.split(TAG_SEP) : [],
    system: row.system,
    questionId: row.question_id,
    updatedAt: row.updated_at,
  };
}

/** FTS5 operator words; typed in upper case they would be syntax, so they are dropped rather than searched for. */
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR']);

/**
 * User text → a MATCH expression that cannot be a syntax error: every word quoted (so punctuation and operators are
 * literal), all words required, the last one a prefix so results follow the typing. Null when no word is left.
 */
export function matchExpression(query: string): string | null {
  const words = query
    .replace(/["*^:(){}[\]+]/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w) && !OPERATORS.has(w));
  if (!words.length) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

export interface NoteFilters {
  system?: string;
  tag?: string;
  origin?: 'user' | 'imported';
}

/** Filters as SQL over `notes n`; deleted notes (waiting for Undo) never show. */
function noteWhere(f: NoteFilters): { sql: string; params: unknown[] } {
  const clauses = ['n.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (f.system) {
    clauses.push('n.system = ? COLLATE NOCASE');
    params.push(f.system);
  }
  if (f.tag) {
    clauses.push('n.id IN (SELECT nt.note_id FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE t.name = ?)');
    params.push(f.tag);
  }
  if (f.origin) {
    clauses.push('n.origin = ?');
    params.push(f.origin);
  }
  return { sql: clauses.join(' AND '), params };
}

export function searchNotes(db: Db, query: string, limit: number, filters: NoteFilters = {}): NoteSummary[] {
  const match = matchExpression(query);
  const where = noteWhere(filters);
  if (match === null) {
    const rows = db
      .prepare(`SELECT ${SUMMARY_COLUMNS}, ${PREVIEW_SQL} AS snippet FROM notes n WHERE ${where.sql} ORDER BY n.updated_at DESC, n.id DESC LIMIT ?`)
      .all(...where.params, limit) as NoteRow[];
    return rows.map(toSummary);
  }
  // Title hits weigh more than body hits: a note named after the search term is usually the one wanted.
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, snippet(notes_fts, 1, char(1), char(2), '…', 24) AS snippet
       FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid
       WHERE notes_fts MATCH ? AND ${where.sql}
       ORDER BY bm25(notes_fts, 5.0, 1.0), n.id
       LIMIT ?`,
    )
    .all(match, ...where.params, limit) as NoteRow[];
  return rows.map(toSummary);
}

/** Systems and tags of the live notes, with counts, for the Notebook's filters. */
export function noteFacets(db: Db): { systems: { value: string; count: number }[]; tags: { value: string; count: number }[] } {
  const systems = db
    .prepare('SELECT n.system AS value, count(*) AS count FROM notes n WHERE n.deleted_at IS NULL AND n.system IS NOT NULL GROUP BY n.system COLLATE NOCASE ORDER BY 2 DESC, 1 LIMIT 100')
    .all() as { value: string; count: number }[];
  const tags = db
    .prepare(
      `SELECT t.name AS value, count(*) AS count FROM note_tags nt JOIN tags t ON t.id = nt.tag_id JOIN notes n ON n.id = nt.note_id
       WHERE n.deleted_at IS NULL GROUP BY t.id ORDER BY 2 DESC, 1 LIMIT 100`,
    )
    .all() as { value: string; count: number }[];
  return { systems, tags };
}

export function getNote(db: Db, id: number): NoteView {
  const row = db
    .prepare(`SELECT ${SUMMARY_COLUMNS}, ${PREVIEW_SQL} AS snippet, n.body_html, n.body_md FROM notes n WHERE n.id = ? AND n.deleted_at IS NULL`)
    .get(id) as (NoteRow & { body_html: string; body_md: string }) | undefined;
  if (!row) throw new AppError('NOT_FOUND', `Note ${id} not found`);
  return { ...toSummary(row), bodyHtml: row.body_html, bodyMd: row.body_md, images: noteMedia(db, id) };
}

/**
 * Notes worth showing beside a question, best first: the user's own notes on it, then notes sharing its tags or naming
 * its topic (each shared tag counts), then notes on the same system. One statement; a note must match on something.
 */
export function relatedNotes(db: Db, questionId: number, limit = 5): NoteSummary[] {
  const rows = db
    .prepare(
      `WITH q AS (SELECT id, system, topic FROM questions WHERE id = @questionId),
       scored AS (
         SELECT n.id,
           (n.question_id IS q.id) * 1000
           + (ifnull(n.title = q.topic COLLATE NOCASE, 0)
              + EXISTS (SELECT 1 FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id AND t.name = q.topic)
              + (SELECT count(*) FROM note_tags nt JOIN question_tags qt ON qt.tag_id = nt.tag_id
                 WHERE nt.note_id = n.id AND qt.question_id = q.id)) * 10
           + ifnull(n.system = q.system COLLATE NOCASE, 0) AS score
         FROM notes n, q WHERE n.deleted_at IS NULL
       )
       SELECT ${SUMMARY_COLUMNS}, ${PREVIEW_SQL} AS snippet
       FROM scored s JOIN notes n ON n.id = s.id
       WHERE s.score > 0
       ORDER BY s.score DESC, n.updated_at DESC, n.id
       LIMIT @limit`,
    )
    .all({ questionId, limit }) as NoteRow[];
  return rows.map(toSummary);
}

export function noteMedia(db: Db, noteId: number): { name: string; mime: string; base64: string }[] {
  const rows = db.prepare('SELECT name, mime, bytes FROM note_media WHERE note_id = ? ORDER BY name').all(noteId) as { name: string; mime: string; bytes: Buffer }[];
  return rows.map((r) => ({ name: r.name, mime: r.mime, base64: r.bytes.toString('base64') }));
}
