/**
 * Every write to a note the student owns: the note on a question (from the runner, the review and the library), an
 * edit in the Notebook, delete and its undo. Each call is one transaction; the search index moves with the row.
 */
import { AppError } from '../../../shared/result';
import type { Db } from '../db/open';
import { htmlToText, markdownToSafeHtml } from '../bank/sanitize';

/** Largest note body accepted (characters); the contract refuses longer text with this number in the message. */
export const NOTE_MAX_CHARS = 20_000;

const titleOf = (text: string) => htmlToText(markdownToSafeHtml(text.trim().split('\n')[0]!)).slice(0, 80) || 'Note';

function indexNote(db: Db, id: number, title: string, html: string): void {
  db.prepare('DELETE FROM notes_fts WHERE rowid = ?').run(id);
  db.prepare('INSERT INTO notes_fts (rowid, title, body) VALUES (?, ?, ?)').run(id, title, htmlToText(html));
}

function purge(db: Db, id: number): void {
  db.prepare('DELETE FROM notes_fts WHERE rowid = ?').run(id);
  db.prepare('DELETE FROM notes WHERE id = ?').run(id);
}

/**
 * The student's own note on a question (one per question, shared by every block that drew it). Empty text deletes
 * it. Runs inside the caller's transaction. Returns the note's id, or null when there is no note any more.
 */
export function saveQuestionNote(db: Db, questionId: number, text: string, now: number): number | null {
  const q = db.prepare('SELECT system, discipline FROM questions WHERE id = ?').get(questionId) as { system: string | null; discipline: string | null } | undefined;
  if (!q) throw new AppError('NOT_FOUND', `Question ${questionId} not found`, [{ field: 'questionId', message: 'no such question' }]);
  const existing = db.prepare("SELECT id, deleted_at FROM notes WHERE origin = 'user' AND question_id = ?").get(questionId) as
    | { id: number; deleted_at: number | null }
    | undefined;
  // A note waiting in the bin for Undo gives way to the new one.
  if (existing && existing.deleted_at !== null) purge(db, existing.id);
  const live = existing && existing.deleted_at === null ? existing.id : undefined;
  if (!text.trim()) {
    if (live !== undefined) purge(db, live);
    return null;
  }
  const html = markdownToSafeHtml(text);
  const title = titleOf(text);
  if (live === undefined) {
    const id = Number(
      db
        .prepare("INSERT INTO notes (origin, question_id, title, body_md, body_html, system, discipline, created_at, updated_at) VALUES ('user', ?, ?, ?, ?, ?, ?, ?, ?)")
        .run(questionId, title, text, html, q.system, q.discipline, now, now).lastInsertRowid,
    );
    indexNote(db, id, title, html);
    return id;
  }
  db.prepare('UPDATE notes SET title = ?, body_md = ?, body_html = ?, updated_at = ? WHERE id = ?').run(title, text, html, now, live);
  indexNote(db, live, title, html);
  return live;
}

/** The note on a question as the editor shows it. */
export function questionNote(db: Db, questionId: number): { id: number | null; text: string } {
  const row = db.prepare("SELECT id, body_md FROM notes WHERE origin = 'user' AND question_id = ? AND deleted_at IS NULL").get(questionId) as
    | { id: number; body_md: string }
    | undefined;
  return { id: row?.id ?? null, text: row?.body_md ?? '' };
}

function liveNote(db: Db, id: number): { origin: string; title: string; source_key: string | null } {
  const row = db.prepare('SELECT origin, title, source_key FROM notes WHERE id = ? AND deleted_at IS NULL').get(id) as
    | { origin: string; title: string; source_key: string | null }
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', `Note ${id} not found`, [{ field: 'id', message: 'no such note' }]);
  return row;
}

/** Edits a note's Markdown from the Notebook. Imported notes can be edited too; re-importing their file replaces the edit. */
export function updateNote(db: Db, id: number, text: string, now: number): void {
  db.transaction(() => {
    const note = liveNote(db, id);
    if (!text.trim()) throw new AppError('BAD_INPUT', 'A note cannot be empty: delete it instead.', [{ field: 'text', message: 'empty' }]);
    const html = markdownToSafeHtml(text);
    // An imported note keeps its file's title; the student's own note is titled by its first line.
    const title = note.origin === 'user' ? titleOf(text) : note.title;
    db.prepare('UPDATE notes SET title = ?, body_md = ?, body_html = ?, updated_at = ? WHERE id = ?').run(title, text, html, now, id);
    indexNote(db, id, title, html);
  })();
}

/** Deletes a note so that Undo can bring it back: it leaves search and every list at once. */
export function deleteNote(db: Db, id: number, now: number): void {
  db.transaction(() => {
    liveNote(db, id);
    db.prepare('UPDATE notes SET deleted_at = ? WHERE id = ?').run(now, id);
    db.prepare('DELETE FROM notes_fts WHERE rowid = ?').run(id);
  })();
}

export function restoreNote(db: Db, id: number): void {
  db.transaction(() => {
    const row = db.prepare('SELECT origin, question_id, title, body_html FROM notes WHERE id = ? AND deleted_at IS NOT NULL').get(id) as
      | { origin: string; question_id: number | null; title: string; body_html: string }
      | undefined;
    if (!row) throw new AppError('NOT_FOUND', `Note ${id} is not in the bin`, [{ field: 'id', message: 'nothing to restore' }]);
    if (row.origin === 'user' && row.question_id !== null) {
      const other = db.prepare("SELECT 1 FROM notes WHERE origin = 'user' AND question_id = ? AND deleted_at IS NULL").get(row.question_id);
      if (other) throw new AppError('CONFLICT', 'That question has a newer note; the deleted one was not restored.');
    }
    db.prepare('UPDATE notes SET deleted_at = NULL WHERE id = ?').run(id);
    indexNote(db, id, row.title, row.body_html);
  })();
}
