/**
 * Flashcards: basic and cloze content in Markdown (images by name from card_media), their cards (cloze: one per
 * deletion number), rendering to safe HTML, browsing and search. Writes run inside the caller's transaction.
 */
import { createHash } from 'node:crypto';
import type { CardKind, CardStateCode, CardSummary, CardView, FlashcardInput } from '../../../shared/srs';
import { AppError } from '../../../shared/result';
import type { Db } from '../db/open';
import { escapeHtml, htmlToText, markdownToSafeHtml } from '../bank/sanitize';
import { getCard, insertCard, pushUndo, type CardRow } from './cardStore';

const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

/** The deletion numbers a cloze text uses, ascending (c1, c2 … → [1, 2]). */
export function clozeNumbers(text: string): number[] {
  const found = new Set<number>();
  for (const m of text.matchAll(CLOZE)) found.add(Number(m[1]));
  return [...found].filter((n) => n > 0).sort((a, b) => a - b);
}

/** Cloze ord n as Markdown: its deletions hidden ("[…]" or the hint) on the front, in bold on the back. */
export function clozeSide(text: string, ord: number, side: 'front' | 'back'): string {
  return text.replace(CLOZE, (_all, n: string, answer: string, hint?: string) => {
    if (Number(n) !== ord) return answer;
    return side === 'front' ? `**[${hint ? hint.replace(/[[\]]/g, '') : '…'}]**` : `**${answer}**`;
  });
}

function validate(input: FlashcardInput): number[] {
  if (!input.frontMd.trim()) throw new AppError('BAD_INPUT', 'The front of a card cannot be empty.', [{ field: 'frontMd', message: 'empty' }]);
  if (input.kind === 'basic') {
    if (!input.backMd.trim()) throw new AppError('BAD_INPUT', 'The back of a basic card cannot be empty.', [{ field: 'backMd', message: 'empty' }]);
    return [0];
  }
  const ords = clozeNumbers(input.frontMd);
  if (!ords.length) {
    throw new AppError('BAD_INPUT', 'A cloze card needs at least one deletion, written {{c1::text}}.', [{ field: 'frontMd', message: 'no {{c1::…}} deletion' }]);
  }
  if (ords.length > 50) throw new AppError('BAD_INPUT', 'A cloze card may have at most 50 deletions.', [{ field: 'frontMd', message: 'too many deletions' }]);
  return ords;
}

function tagIds(db: Db, tags: string[] | undefined): number[] {
  const clean = [...new Set((tags ?? []).map((t) => t.trim()).filter(Boolean))];
  const insert = db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING');
  const find = db.prepare('SELECT id FROM tags WHERE name = ?').pluck();
  return clean.map((t) => {
    insert.run(t);
    return find.get(t) as number;
  });
}

/** Creates a flashcard and its cards; returns the ids of the new cards. */
export function createFlashcard(db: Db, input: FlashcardInput, now: number): number[] {
  const ords = validate(input);
  if (input.questionId != null && !db.prepare('SELECT 1 FROM questions WHERE id = ?').get(input.questionId)) {
    throw new AppError('NOT_FOUND', `Question ${input.questionId} does not exist`, [{ field: 'questionId', message: 'no such question' }]);
  }
  const id = Number(
    db
      .prepare('INSERT INTO flashcards (kind, front_md, back_md, question_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(input.kind, input.frontMd, input.backMd, input.questionId ?? null, now, now).lastInsertRowid,
  );
  const link = db.prepare('INSERT INTO flashcard_tags (flashcard_id, tag_id) VALUES (?, ?)');
  for (const tag of tagIds(db, input.tags)) link.run(id, tag);
  return ords.map((ord) => insertCard(db, { flashcardId: id, ord }, now));
}

/** Edits the content behind a card (undoable). A cloze edit adds cards for new deletions and deletes removed ones. */
export function editFlashcard(db: Db, cardId: number, input: FlashcardInput, now: number): void {
  const card = getCard(db, cardId);
  if (card.flashcard_id === null) throw new AppError('CONFLICT', 'A question card is edited through its question, not here.');
  const ords = validate(input);
  const before = db.prepare('SELECT front_md, back_md, kind, deleted_at FROM flashcards WHERE id = ?').get(card.flashcard_id);
  pushUndo(db, { action: 'edit', cardId, at: now, snapshot: { ...card, flashcard: before } as CardRow });
  db.prepare('UPDATE flashcards SET kind = ?, front_md = ?, back_md = ?, updated_at = ? WHERE id = ?').run(input.kind, input.frontMd, input.backMd, now, card.flashcard_id);
  if (input.tags) {
    db.prepare('DELETE FROM flashcard_tags WHERE flashcard_id = ?').run(card.flashcard_id);
    const link = db.prepare('INSERT INTO flashcard_tags (flashcard_id, tag_id) VALUES (?, ?)');
    for (const tag of tagIds(db, input.tags)) link.run(card.flashcard_id, tag);
  }
  const existing = db.prepare('SELECT id, ord, deleted_at FROM cards WHERE flashcard_id = ?').all(card.flashcard_id) as { id: number; ord: number; deleted_at: number | null }[];
  for (const ord of ords) {
    const have = existing.find((e) => e.ord === ord);
    if (!have) insertCard(db, { flashcardId: card.flashcard_id, ord }, now);
    else if (have.deleted_at !== null && have.id !== cardId) db.prepare('UPDATE cards SET deleted_at = NULL WHERE id = ?').run(have.id);
  }
  for (const e of existing) if (!ords.includes(e.ord) && e.deleted_at === null && e.id !== cardId) db.prepare('UPDATE cards SET deleted_at = ? WHERE id = ?').run(now, e.id);
}

const IMAGE = /!\[([^\]]*)\]\(([^)\s]+)\)/g;

/** Private-use marks around an image's index while the Markdown is rendered and sanitised (stripped from input). */
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
const IMAGE_MIME = /^image\/(png|jpeg|gif|webp|svg\+xml)$/;

/**
 * One side of a flashcard as safe HTML with its images where the Markdown puts them (an Anki note's image in the
 * middle of a sentence stays there). Each image reference becomes a mark that survives marked and DOMPurify, then
 * an <img> with a data: URL of the stored bytes; a name not in card_media becomes its alt text. Nothing remote can
 * load: only stored images become <img>, and the page's sanitiser keeps only data:image sources (SafeHtml images).
 */
export function renderFlashcardSide(markdown: string, lookup: (name: string) => { mime: string; base64: string } | null): string {
  const found: { alt: string; image: { mime: string; base64: string } | null }[] = [];
  const marked = markdown.replace(/[\uE000\uE001]/g, '').replace(IMAGE, (_all, alt: string, name: string) => {
    found.push({ alt, image: lookup(name) });
    return `${MARK_OPEN}${found.length - 1}${MARK_CLOSE}`;
  });
  const html = markdownToSafeHtml(marked);
  return html.replace(/\uE000(\d+)\uE001/g, (_all, i: string) => {
    const { alt, image } = found[Number(i)]!;
    if (!image || !IMAGE_MIME.test(image.mime) || !/^[A-Za-z0-9+/=]*$/.test(image.base64)) return escapeHtml(alt ? `[image: ${alt}]` : '');
    return `<img src="data:${image.mime};base64,${image.base64}" alt="${escapeHtml(alt)}">`;
  });
}

function imageLookup(db: Db): (name: string) => { mime: string; base64: string } | null {
  const get = db.prepare('SELECT mime, bytes FROM card_media WHERE name = ?');
  return (name) => {
    const row = get.get(name) as { mime: string; bytes: Buffer } | undefined;
    return row ? { mime: row.mime, base64: row.bytes.toString('base64') } : null;
  };
}

interface JoinedRow extends CardRow {
  kind: 'basic' | 'cloze' | null;
  front_md: string | null;
  back_md: string | null;
  stem_html: string | null;
  explanation_html: string | null;
  answer_index: number | null;
  tags: string | null;
}

const JOINED = `SELECT c.*, f.kind, f.front_md, f.back_md, q.stem_html, q.explanation_html, q.answer_index,
    (SELECT group_concat(t.name, char(31)) FROM flashcard_tags ft JOIN tags t ON t.id = ft.tag_id WHERE ft.flashcard_id = c.flashcard_id) AS tags
  FROM cards c LEFT JOIN flashcards f ON f.id = c.flashcard_id LEFT JOIN questions q ON q.id = c.question_id`;

/**
 * A card's one-line text for lists. It is shown as text (React escapes it), so inline tags (Anki's <b>, <sub> …) are
 * dropped before rendering instead of sanitised: DOMPurify on jsdom costs ~3 ms a row, too slow for a page of 50.
 */
function plain(markdown: string): string {
  const text = markdown.replace(IMAGE, '[image]').replace(/<br\s*\/?>/gi, ' ').replace(/<\/?[a-zA-Z][^>]*>/g, '');
  return htmlToText(markdownToSafeHtml(text)).replace(/\s+/g, ' ').slice(0, 160);
}

function summaryOf(r: JoinedRow): CardSummary {
  const kind: CardKind = r.question_id !== null ? 'question' : (r.kind ?? 'basic');
  const front =
    kind === 'question' ? htmlToText(r.stem_html ?? '').replace(/\s+/g, ' ').slice(0, 160) : plain(kind === 'cloze' ? clozeSide(r.front_md ?? '', r.ord, 'front') : (r.front_md ?? ''));
  return {
    id: r.id,
    kind,
    front,
    questionId: r.question_id,
    state: r.state as CardStateCode,
    due: r.due,
    stability: r.stability,
    difficulty: r.difficulty,
    reps: r.reps,
    lapses: r.lapses,
    suspended: !!r.suspended,
    buriedUntil: r.buried_until,
    tags: r.tags ? r.tags.split('\u001f') : [],
  };
}

export function cardView(db: Db, cardId: number): CardView {
  const r = db.prepare(`${JOINED} WHERE c.id = ?`).get(cardId) as JoinedRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', `Card ${cardId} does not exist`);
  const summary = summaryOf(r);
  let frontMd = r.front_md ?? '';
  let backMd = r.back_md ?? '';
  let frontHtml: string;
  let backHtml: string;
  const side = (md: string) => renderFlashcardSide(md, imageLookup(db));
  if (summary.kind === 'question') {
    frontHtml = r.stem_html ?? '';
    backHtml = r.explanation_html ?? '';
    frontMd = '';
    backMd = '';
  } else if (summary.kind === 'cloze') {
    frontHtml = side(clozeSide(frontMd, r.ord, 'front'));
    backHtml = side(clozeSide(frontMd, r.ord, 'back')) + (backMd.trim() ? `<hr>${side(backMd)}` : '');
  } else {
    frontHtml = side(frontMd);
    backHtml = side(backMd);
  }
  return {
    ...summary,
    frontMd,
    backMd,
    frontHtml,
    backHtml,
    clozeOrd: summary.kind === 'cloze' ? r.ord : null,
    flashcardId: r.flashcard_id,
    lastReview: r.last_review,
  };
}

export interface CardListQuery {
  query: string;
  kind: 'all' | CardKind;
  status: 'all' | 'due' | 'new' | 'suspended';
  page: number;
  pageSize: number;
}

/** Browse and search: newest first; the search matches the card text (flashcards) or the stem (question cards). */
export function listCards(db: Db, q: CardListQuery, now: number, dueBefore: number): { total: number; items: CardSummary[] } {
  const where = ['c.deleted_at IS NULL'];
  const params: Record<string, unknown> = { now, dueBefore, limit: q.pageSize, offset: q.page * q.pageSize };
  if (q.kind === 'question') where.push('c.question_id IS NOT NULL');
  else if (q.kind !== 'all') {
    where.push('f.kind = @kind');
    params.kind = q.kind;
  }
  if (q.status === 'due') where.push('c.suspended = 0 AND c.state <> 0 AND c.due < @dueBefore');
  if (q.status === 'new') where.push('c.state = 0');
  if (q.status === 'suspended') where.push('c.suspended = 1');
  if (q.query.trim()) {
    where.push("(f.front_md LIKE @like ESCAPE '\\' OR f.back_md LIKE @like ESCAPE '\\' OR q.stem_html LIKE @like ESCAPE '\\')");
    params.like = `%${q.query.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  const from = 'FROM cards c LEFT JOIN flashcards f ON f.id = c.flashcard_id LEFT JOIN questions q ON q.id = c.question_id';
  const total = db.prepare(`SELECT count(*) ${from} WHERE ${where.join(' AND ')}`).pluck().get(params) as number;
  const rows = db.prepare(`${JOINED} WHERE ${where.join(' AND ')} ORDER BY c.id DESC LIMIT @limit OFFSET @offset`).all(params) as JoinedRow[];
  return { total, items: rows.map(summaryOf) };
}

const MIME_BY_MAGIC: [string, (b: Buffer) => boolean][] = [
  ['image/png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/gif', (b) => b.subarray(0, 4).toString('latin1') === 'GIF8'],
  ['image/webp', (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP'],
];
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** Stores an image for flashcards; returns the name to use in Markdown. Same bytes → same name. */
export function addCardImage(db: Db, fileName: string, bytes: Buffer): string {
  if (bytes.length > MAX_IMAGE_BYTES) throw new AppError('BAD_INPUT', `${fileName} is larger than 5 MB.`, [{ file: fileName, message: 'too large' }]);
  const mime = MIME_BY_MAGIC.find(([, test]) => test(bytes))?.[0];
  if (!mime) throw new AppError('BAD_INPUT', `${fileName} is not a PNG, JPEG, GIF or WebP image.`, [{ file: fileName, message: 'not an image' }]);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const ext = mime.split('/')[1]!.replace('jpeg', 'jpg');
  const name = `${sha.slice(0, 16)}.${ext}`;
  db.prepare('INSERT INTO card_media (name, mime, sha256, bytes) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING').run(name, mime, sha, bytes);
  return name;
}

