/**
 * Writes one validated pack in one transaction: upsert the pack, add new questions, update changed ones (keeping the
 * replaced revision), leave unchanged ones alone, retire those missing from this version. Progress is never touched.
 */
import { createHash, hash as oneShotHash } from 'node:crypto';
import type { PackQuestion } from '../../../shared/pack';
import type { ImportFormat } from '../../../shared/types';
import type { Db } from '../db/open';
import type { CheckedMedia } from './media';
import { htmlToText, inlineMarkdownToSafeHtml, isPlainText, markdownToSafeHtml } from './sanitize';
import type { ParsedSource, ValidQuestion } from './draft';
import { replaceMarkdownImages } from '../../../shared/markdownImages';

export interface PackWriteResult {
  /** The pack's row (after a dry run, the id it would have had). */
  packId?: number;
  key: string;
  title: string;
  format: ImportFormat;
  file: string;
  added: number;
  updated: number;
  unchanged: number;
  retired: number;
  total: number;
  /** Questions of the file with no explanation at all (neither overall nor for any choice). */
  withoutExplanation: number;
  /** Questions of the file with no system (after an earlier opt-in inference, the ones it did not tag). */
  withoutSystem: number;
}


/** Pulls Markdown images out of the text: pack images are shown by media id, never by a URL in the HTML. */
function extractImages(md: string, placement: 'stem' | 'explanation', media: Map<string, CheckedMedia>) {
  const images: { file: string; alt: string; placement: 'stem' | 'explanation' }[] = [];
  const text = replaceMarkdownImages(md, ({ alt, file }) => {
    if (!media.has(file)) return alt; // a remote or missing image keeps its description, never its URL
    images.push({ file, alt: alt || 'Image', placement });
    return '';
  });
  return { text, images };
}

export function questionHash(q: PackQuestion, media: Map<string, CheckedMedia>): string {
  // Without media (MedQA, CSV), the one-shot hash avoids a Hash object per question.
  if (media.size === 0) return oneShotHash('sha1', JSON.stringify(q));
  const h = createHash('sha1').update(JSON.stringify(q));
  // Images listed in `images` and images embedded in the Markdown both belong to the question's content.
  for (const m of media.values()) {
    if (q.images.some((i) => i.file === m.name) || q.stem.includes(m.name) || q.explanation.includes(m.name)) h.update(m.bytes);
  }
  return h.digest('hex');
}

/** Writes the pack in one go (inside the caller's transaction). */
export function writePack(
  db: Db,
  source: ParsedSource,
  valid: ValidQuestion[],
  media: Map<string, CheckedMedia>,
  now: number,
  /** Ids present in the file but rejected (skipInvalid): neither updated nor retired. */
  rejected: ReadonlySet<string> = new Set(),
): PackWriteResult {
  const steps = packWriter(db, source, valid, media, now, rejected);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface PackWriterOptions {
  /** Yield after this many questions, so a caller can commit in chunks (staged import). */
  chunk?: number;
  /** Write the pack removed and its new questions retired: invisible until `publishPack` (staged import of a new pack). */
  hidden?: boolean;
}

/** The pack writer as steps: each `next()` writes up to `chunk` questions and yields how many are done. */
export function* packWriter(
  db: Db,
  source: ParsedSource,
  valid: ValidQuestion[],
  media: Map<string, CheckedMedia>,
  now: number,
  rejected: ReadonlySet<string> = new Set(),
  options: PackWriterOptions = {},
): Generator<number, PackWriteResult, void> {
  const result: PackWriteResult = {
    key: source.pack.id,
    title: source.pack.title,
    format: source.format,
    file: source.file,
    added: 0,
    updated: 0,
    unchanged: 0,
    retired: 0,
    total: valid.length,
    withoutExplanation: 0,
    withoutSystem: 0,
  };
  const inferred = db.prepare('SELECT source_id FROM questions WHERE pack_id = (SELECT id FROM packs WHERE key = ?) AND system_inferred = 1').pluck();
  const inferredIds = new Set(inferred.all(source.pack.id) as string[]);
  for (const { question: q } of valid) {
    if (q.explanation.trim() === '' && !q.choices.some((c) => c.explanation?.trim())) result.withoutExplanation++;
    if (!q.system && !inferredIds.has(q.id)) result.withoutSystem++;
  }

  const s = {
    findPack: db.prepare('SELECT id FROM packs WHERE key = ?'),
    insertPack: db.prepare(
      `INSERT INTO packs (key, title, version, description, license, author, source_format, source_name, imported_at, updated_at)
       VALUES (@key, @title, @version, @description, @license, @author, @format, @name, @now, @now)`,
    ),
    updatePack: db.prepare(
      `UPDATE packs SET title = @title, version = @version, description = @description, license = @license, author = @author,
         source_format = @format, source_name = @name, updated_at = @now, removed_at = NULL WHERE id = @id`,
    ),
    existing: db.prepare('SELECT id, source_id, hash, retired, revision FROM questions WHERE pack_id = ?'),
    insertQuestion: db.prepare(
      `INSERT INTO questions (pack_id, source_id, hash, exam, discipline, system, topic, difficulty, stem_html, explanation_html,
         objective, references_json, answer_index, choice_count, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    snapshot: db.prepare(
      `INSERT INTO question_revisions (question_id, revision, hash, content, replaced_at)
       SELECT q.id, q.revision, q.hash, json_object('stem', q.stem_html, 'explanation', q.explanation_html, 'answer', q.answer_index,
         'objective', q.objective, 'references', q.references_json,
         'choices', (SELECT json_group_array(json_object('text', c.text_html, 'explanation', c.explanation_html)) FROM choices c WHERE c.question_id = q.id)), ?
       FROM questions q WHERE q.id = ?`,
    ),
    updateQuestion: db.prepare(
      `UPDATE questions SET hash = @hash, revision = revision + 1, exam = @exam, discipline = @discipline, system = @system, topic = @topic,
         difficulty = @difficulty, stem_html = @stem, explanation_html = @explanation, objective = @objective, references_json = @references,
         answer_index = @answer, choice_count = @choiceCount, system_inferred = 0, retired = 0, updated_at = @now WHERE id = @id`,
    ),
    unretire: db.prepare('UPDATE questions SET retired = 0, updated_at = ? WHERE id = ?'),
    retire: db.prepare('UPDATE questions SET retired = 1, updated_at = ? WHERE id = ?'),
    deleteChoices: db.prepare('DELETE FROM choices WHERE question_id = ?'),
    insertChoice: db.prepare('INSERT INTO choices (question_id, idx, text_html, explanation_html) VALUES (?, ?, ?, ?)'),
    deleteTags: db.prepare('DELETE FROM question_tags WHERE question_id = ?'),
    insertTag: db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = name RETURNING id'),
    linkTag: db.prepare('INSERT OR IGNORE INTO question_tags (question_id, tag_id) VALUES (?, ?)'),
    deleteMediaLinks: db.prepare('DELETE FROM question_media WHERE question_id = ?'),
    linkMedia: db.prepare('INSERT INTO question_media (question_id, position, media_id, placement, alt) VALUES (?, ?, ?, ?, ?)'),
    upsertMedia: db.prepare(
      `INSERT INTO media (pack_id, name, mime, sha256, bytes) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (pack_id, name) DO UPDATE SET mime = excluded.mime, sha256 = excluded.sha256, bytes = excluded.bytes
       WHERE media.sha256 <> excluded.sha256 RETURNING id`,
    ),
    mediaId: db.prepare('SELECT id FROM media WHERE pack_id = ? AND name = ?'),
    deleteFts: db.prepare('DELETE FROM questions_fts WHERE rowid = ?'),
    insertFts: db.prepare('INSERT INTO questions_fts (rowid, stem, choices, explanation) VALUES (?, ?, ?, ?)'),
  };

  const tagIds = new Map<string, number>();
  const tagId = (name: string) => {
    const key = name.toLowerCase();
    let id = tagIds.get(key);
    if (id === undefined) {
      id = (s.insertTag.get(name) as { id: number }).id;
      tagIds.set(key, id);
    }
    return id;
  };

  const meta = { ...source.pack, format: source.format, name: source.file, now };
  const found = s.findPack.get(meta.id) as { id: number } | undefined;
  let packId: number;
  if (found) {
    packId = found.id;
    s.updatePack.run({ ...meta, key: meta.id, id: packId });
  } else {
    packId = Number(s.insertPack.run({ ...meta, key: meta.id }).lastInsertRowid);
    if (options.hidden) db.prepare('UPDATE packs SET removed_at = ? WHERE id = ?').run(now, packId);
  }
  result.packId = packId;
  const hide = db.prepare('UPDATE questions SET retired = 1 WHERE id = ?');

  const mediaIds = new Map<string, number>();
  for (const m of media.values()) {
    const sha = createHash('sha256').update(m.bytes).digest('hex');
    const row = (s.upsertMedia.get(packId, m.name, m.mime, sha, m.bytes) ?? s.mediaId.get(packId, m.name)) as { id: number };
    mediaIds.set(m.name, row.id);
  }

  const existing = new Map<string, { id: number; hash: string; retired: number }>();
  for (const row of s.existing.iterate(packId) as Iterable<{ id: number; source_id: string; hash: string; retired: number }>) {
    existing.set(row.source_id, row);
  }

  /** Renders a question's HTML once; the children (choices, tags, media, search text) are written under its id. */
  const render = (q: PackQuestion) => {
    const stem = extractImages(q.stem, 'stem', media);
    const explanation = extractImages(q.explanation, 'explanation', media);
    const stemHtml = markdownToSafeHtml(stem.text);
    const explanationHtml = markdownToSafeHtml(explanation.text);
    const choices = q.choices.map((c) => ({ html: inlineMarkdownToSafeHtml(c.text), explanation: c.explanation ? markdownToSafeHtml(c.explanation) : '' }));
    return { stemHtml, explanationHtml, choices, images: [...q.images, ...stem.images, ...explanation.images] };
  };
  const writeChildren = (id: number, q: PackQuestion, body: ReturnType<typeof render>) => {
    body.choices.forEach((c, idx) => s.insertChoice.run(id, idx, c.html, c.explanation));
    for (const tag of new Set(q.tags)) s.linkTag.run(id, tagId(tag));
    body.images.forEach((image, position) => s.linkMedia.run(id, position, mediaIds.get(image.file), image.placement, image.alt));
    // Plain text is its own search text; only rendered Markdown needs stripping back to text.
    const text = (source: string, html: string) => (isPlainText(source) ? source.trim() : htmlToText(html));
    s.insertFts.run(
      id,
      text(q.stem, body.stemHtml),
      body.choices.map((c, i) => text(q.choices[i]!.text, c.html)).join('\n'),
      text(q.explanation, body.explanationHtml),
    );
  };

  const row = (q: PackQuestion, hash: string) => ({
    pack: packId,
    sourceId: q.id,
    hash,
    exam: q.exam ?? null,
    discipline: q.discipline ?? null,
    system: q.system ?? null,
    topic: q.topic ?? null,
    difficulty: q.difficulty ?? null,
    objective: q.objective ?? '',
    references: JSON.stringify(q.references),
    answer: q.answer.charCodeAt(0) - 65,
    choiceCount: q.choices.length,
    now,
  });

  const seen = new Set<string>();
  let done = 0;
  for (const { question: q } of valid) {
    if (options.chunk && done > 0 && done % options.chunk === 0) yield done;
    done++;
    seen.add(q.id);
    const hash = questionHash(q, media);
    const prior = existing.get(q.id);
    if (prior && prior.hash === hash) {
      if (prior.retired) s.unretire.run(now, prior.id);
      result.unchanged++;
      continue;
    }
    if (prior) {
      s.snapshot.run(now, prior.id);
      s.deleteChoices.run(prior.id);
      s.deleteTags.run(prior.id);
      s.deleteMediaLinks.run(prior.id);
      s.deleteFts.run(prior.id);
      const body = render(q);
      s.updateQuestion.run({ ...row(q, hash), id: prior.id, stem: body.stemHtml, explanation: body.explanationHtml });
      writeChildren(prior.id, q, body);
      result.updated++;
    } else {
      const body = render(q);
      const r = row(q, hash);
      // Positional parameters: binding by name costs a lookup per column, and this runs 10,000 times an import.
      const id = Number(
        s.insertQuestion.run(r.pack, r.sourceId, r.hash, r.exam, r.discipline, r.system, r.topic, r.difficulty, body.stemHtml, body.explanationHtml, r.objective, r.references, r.answer, r.choiceCount, now, now)
          .lastInsertRowid,
      );
      writeChildren(id, q, body);
      if (options.hidden) hide.run(id);
      result.added++;
    }
  }
  for (const [sourceId, prior] of existing) {
    if (!seen.has(sourceId) && !rejected.has(sourceId) && !prior.retired) {
      s.retire.run(now, prior.id);
      result.retired++;
    }
  }
  return result;
}

/** Makes a pack written with `hidden` visible: one short transaction, so the import appears all at once. */
export function publishPack(db: Db, key: string): void {
  db.transaction(() => {
    const pack = db.prepare('SELECT id FROM packs WHERE key = ?').get(key) as { id: number } | undefined;
    if (!pack) return;
    db.prepare('UPDATE questions SET retired = 0 WHERE pack_id = ? AND retired = 1').run(pack.id);
    db.prepare('UPDATE packs SET removed_at = NULL WHERE id = ?').run(pack.id);
  })();
}

/** Whether a pack with this key already exists (a re-import is written in one transaction, never staged). */
export const packExists = (db: Db, key: string): boolean => !!db.prepare('SELECT 1 FROM packs WHERE key = ?').get(key);
