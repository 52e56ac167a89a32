/**
 * Writes Anki packages into the database, all packages in one transaction (a dry run does it all and rolls back):
 * flashcards matched by their origin key (note guid + Anki note id), their cards by (flashcard, ord), images into card_media
 * (checked like pack images; a different file under a taken name gets a hash suffix), and the review history into
 * review_log with source 'anki', replayed through our scheduler so each card ends in its FSRS state.
 * Re-importing the same package changes nothing: content equal → unchanged; log rows keyed by the Anki revlog id.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { AnkiImportSummary } from '../../../../shared/anki';
import { AppError, type Problem } from '../../../../shared/result';
import type { ImportReport } from '../../../../shared/types';
import type { CoreContext } from '../../context';
import type { Db } from '../../db/open';
import { checkMedia } from '../../bank/media';
import { extensionOf } from '../../bank/sources';
import { schedulerParams } from '../config';
import { enforceExamCap } from '../examCap';
import type { SchedulerParams } from '../scheduler';
import { convertNotes, type FlashcardDraft } from './convert';
import { readAnkiPackage } from './read';
import { replayHistory, type ReplayedLog } from './replay';
import type { AnkiPackage, AnkiReview } from './types';
import { ANKI_LIMITS } from './zip';

export interface AnkiSource {
  name: string;
  bytes: Uint8Array;
}

class Rollback extends Error {}

const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg']);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface PreparedMedia {
  stored: string;
  mime: string;
  bytes: Uint8Array;
  sha: string;
}

/**
 * Valid images of the package under the name they will have in card_media; problems become warnings. Stored names
 * are safe inside Markdown image syntax (no spaces, brackets or parentheses), and a name already taken by different
 * bytes — in the database or earlier in this import (`claimed`) — gets a hash suffix.
 */
function prepareMedia(db: Db, pkg: AnkiPackage, claimed: Map<string, string>, warnings: Problem[]): Map<string, PreparedMedia> {
  const existing = db.prepare('SELECT sha256 FROM card_media WHERE name = ?').pluck();
  const out = new Map<string, PreparedMedia>();
  for (const [name, bytes] of pkg.media) {
    if (!IMAGE_EXTENSIONS.has(extensionOf(name))) continue;
    const checked = checkMedia(pkg.file, name, bytes);
    if ('message' in checked) {
      warnings.push({ ...checked, message: `${checked.message}; the image was left out` });
      continue;
    }
    const sha = sha256(checked.bytes);
    const safe = name.replace(/[\s()[\]<>]/g, '_');
    const taken = claimed.get(safe) ?? (existing.get(safe) as string | undefined);
    const dot = safe.lastIndexOf('.');
    const stored = taken === undefined || taken === sha ? safe : `${safe.slice(0, dot)}-${sha.slice(0, 8)}${safe.slice(dot)}`;
    claimed.set(stored, sha);
    out.set(name, { stored, mime: checked.mime, bytes: checked.bytes, sha });
  }
  return out;
}

function resolver(media: Map<string, PreparedMedia>): (name: string) => string | null {
  return (raw) => {
    const candidates = [raw, raw.normalize('NFC')];
    try {
      candidates.push(decodeURIComponent(raw).normalize('NFC'));
    } catch {
      /* not URL-encoded */
    }
    for (const c of candidates) {
      const hit = media.get(c);
      if (hit) return hit.stored;
    }
    return null;
  };
}

function statements(db: Db) {
  return {
    findFlashcard: db.prepare('SELECT id, kind, front_md, back_md FROM flashcards WHERE origin_key = ?'),
    insertFlashcard: db.prepare("INSERT INTO flashcards (kind, front_md, back_md, origin, origin_key, created_at, updated_at) VALUES (?, ?, ?, 'anki', ?, ?, ?)"),
    updateFlashcard: db.prepare('UPDATE flashcards SET kind = ?, front_md = ?, back_md = ?, updated_at = ? WHERE id = ?'),
    insertTag: db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING'),
    findTag: db.prepare('SELECT id FROM tags WHERE name = ?').pluck(),
    linkTag: db.prepare('INSERT OR IGNORE INTO flashcard_tags (flashcard_id, tag_id) VALUES (?, ?)'),
    findCard: db.prepare('SELECT id FROM cards WHERE flashcard_id = ? AND ord = ?').pluck(),
    insertCard: db.prepare(
      `INSERT INTO cards (flashcard_id, ord, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state, last_review, suspended, created_at, updated_at)
       VALUES (@flashcardId, @ord, @due, @stability, @difficulty, @scheduledDays, @learningSteps, @reps, @lapses, @state, @lastReview, @suspended, @now, @now)`,
    ),
    updateCard: db.prepare(
      `UPDATE cards SET due = @due, stability = @stability, difficulty = @difficulty, scheduled_days = @scheduledDays, learning_steps = @learningSteps,
         reps = @reps, lapses = @lapses, state = @state, last_review = @lastReview, updated_at = @now WHERE id = @id`,
    ),
    ankiKeys: db.prepare("SELECT source_key FROM review_log WHERE card_id = ? AND source = 'anki'").pluck(),
    appReviews: db.prepare("SELECT count(*) FROM review_log WHERE card_id = ? AND source = 'app'").pluck(),
    deleteAnkiLogs: db.prepare("DELETE FROM review_log WHERE card_id = ? AND source = 'anki'"),
    insertLog: db.prepare(
      `INSERT INTO review_log (card_id, kind, source, source_key, rating, review, state, due, stability, difficulty, elapsed_days, last_elapsed_days,
         scheduled_days, learning_steps, new_state, new_due, new_stability, new_difficulty, new_scheduled_days, new_learning_steps, duration_ms, snapshot)
       VALUES (?, ?, 'anki', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
    ),
    rekeyFlashcard: db.prepare('UPDATE flashcards SET origin_key = ? WHERE id = ?'),
    flashcardAnkiKeys: db.prepare("SELECT l.source_key FROM review_log l JOIN cards c ON c.id = l.card_id WHERE c.flashcard_id = ? AND l.source = 'anki'").pluck(),
    rekeyLogs: db.prepare(
      "UPDATE review_log SET source_key = @to || substr(source_key, length(@from) + 1) WHERE source = 'anki' AND card_id IN (SELECT id FROM cards WHERE flashcard_id = @flashcardId) AND substr(source_key, 1, length(@from)) = @from",
    ),
    findMedia: db.prepare('SELECT sha256 FROM card_media WHERE name = ?').pluck(),
    insertMedia: db.prepare('INSERT INTO card_media (name, mime, sha256, bytes) VALUES (?, ?, ?, ?)'),
  };
}
type Statements = ReturnType<typeof statements>;

function writeLogs(s: Statements, cardId: number, logs: ReplayedLog[]): void {
  for (const l of logs) {
    const b = l.before;
    const a = l.after;
    s.insertLog.run(cardId, l.kind, l.sourceKey, l.rating, l.review, b.state, b.due, b.stability, b.difficulty, l.elapsedDays, l.lastElapsedDays, b.scheduledDays, b.learningSteps, a.state, a.due, a.stability, a.difficulty, a.scheduledDays, a.learningSteps, l.durationMs);
  }
}

type FoundFlashcard = { id: number; kind: string; front_md: string; back_md: string };

/** Text without markup or spacing, to recognise the same note across converter versions. */
const bareText = (md: string) => md.replace(/<[^>]*>|[\\*_`~\s]/g, '');

/**
 * A flashcard imported before origin keys carried the note id (key guid + ord) is the same note only when there is
 * evidence: one of its Anki reviews is in this deck's history, or its text is the same. Then it takes the new key
 * (and its review rows theirs), so upgrading never duplicates a deck; without evidence, the note is a new one.
 */
function adoptLegacy(s: Statements, draft: FlashcardDraft, history: Map<number, AnkiReview[]>): FoundFlashcard | undefined {
  const old = s.findFlashcard.get(draft.legacyKey) as FoundFlashcard | undefined;
  if (!old) return undefined;
  const revIds = new Set(draft.cards.flatMap(({ anki }) => (history.get(anki.id) ?? []).map((r) => String(r.id))));
  const sameHistory = (s.flashcardAnkiKeys.all(old.id) as string[]).some((k) => revIds.has(k.slice(k.lastIndexOf(':') + 1)));
  const sameText = bareText(old.front_md) === bareText(draft.frontMd) && bareText(old.back_md) === bareText(draft.backMd);
  if (!sameHistory && !sameText) return undefined;
  s.rekeyFlashcard.run(draft.originKey, old.id);
  for (const { anki } of draft.cards) {
    s.rekeyLogs.run({ from: `anki:${draft.guid}:${anki.ord}:`, to: `anki:${draft.guid}:${anki.noteId}:${anki.ord}:`, flashcardId: old.id });
  }
  return old;
}

function writePackage(db: Db, s: Statements, pkg: AnkiPackage, drafts: FlashcardDraft[], media: Map<string, PreparedMedia>, params: SchedulerParams, now: number, summary: AnkiImportSummary, warnings: Problem[]): void {
  const history = new Map<number, AnkiReview[]>();
  for (const r of pkg.revlog) {
    let list = history.get(r.cardId);
    if (!list) history.set(r.cardId, (list = []));
    list.push(r);
  }
  const byStored = new Map([...media.values()].map((m) => [m.stored, m]));
  for (const name of new Set(drafts.flatMap((d) => d.images))) {
    const m = byStored.get(name);
    if (!m) continue;
    if (s.findMedia.get(name) === undefined) {
      s.insertMedia.run(name, m.mime, m.sha, m.bytes);
      summary.media.added++;
    } else summary.media.unchanged++;
  }
  for (const draft of drafts) {
    const found = (s.findFlashcard.get(draft.originKey) ?? adoptLegacy(s, draft, history)) as FoundFlashcard | undefined;
    let flashcardId: number;
    if (!found) {
      flashcardId = Number(s.insertFlashcard.run(draft.kind, draft.frontMd, draft.backMd, draft.originKey, now, now).lastInsertRowid);
      summary.flashcards.added++;
    } else {
      flashcardId = found.id;
      if (found.kind !== draft.kind || found.front_md !== draft.frontMd || found.back_md !== draft.backMd) {
        s.updateFlashcard.run(draft.kind, draft.frontMd, draft.backMd, now, flashcardId);
        summary.flashcards.updated++;
      } else summary.flashcards.unchanged++;
    }
    for (const tag of draft.tags) {
      s.insertTag.run(tag);
      s.linkTag.run(flashcardId, s.findTag.get(tag));
    }
    for (const { anki, ord } of draft.cards) {
      const cardKey = `anki:${draft.guid}:${anki.noteId}:${anki.ord}`;
      const reviews = history.get(anki.id) ?? [];
      const firstReview = reviews.length ? Math.min(...reviews.map((r) => r.id)) : now;
      const replay = replayHistory(cardKey, reviews, Math.min(firstReview, now), params);
      const existingId = s.findCard.get(flashcardId, ord) as number | undefined;
      const row = { ...replay.memory, suspended: anki.queue === -1 ? 1 : 0, flashcardId, ord, now };
      if (existingId === undefined) {
        const cardId = Number(s.insertCard.run(row).lastInsertRowid);
        writeLogs(s, cardId, replay.logs);
        summary.cards.added++;
        summary.reviews.added += replay.logs.length;
        summary.reviews.notReplayed += replay.skipped;
        continue;
      }
      const have = new Set(s.ankiKeys.all(existingId) as string[]);
      if (replay.logs.every((l) => have.has(l.sourceKey))) {
        summary.cards.unchanged++;
        continue;
      }
      if ((s.appReviews.get(existingId) as number) > 0) {
        warnings.push({ file: pkg.file, field: draft.originKey, message: 'this card has reviews in Vignette since the last import; its newer Anki history was not merged' });
        summary.cards.unchanged++;
        continue;
      }
      // More Anki history than last time (the deck was studied further in Anki): replay it all again.
      s.deleteAnkiLogs.run(existingId);
      s.updateCard.run({ ...row, id: existingId });
      writeLogs(s, existingId, replay.logs);
      summary.cards.updated++;
      summary.reviews.added += replay.logs.filter((l) => !have.has(l.sourceKey)).length;
    }
  }
}

const isAnkiName = (name: string) => /\.(apkg|colpkg)$/i.test(name);

/**
 * The Anki packages among what the user picked, read into memory; null when there are none (another importer's turn).
 * Anki packages are imported on their own: they become flashcards, not question packs.
 */
export function ankiSources(input: { paths?: string[]; files?: { path: string; base64: string }[] }): AnkiSource[] | null {
  const names = [...(input.paths ?? []), ...(input.files ?? []).map((f) => f.path)];
  const anki = names.filter(isAnkiName);
  if (anki.length === 0) return null;
  if (anki.length < names.length) {
    const other = names.find((n) => !isAnkiName(n))!;
    throw new AppError('IMPORT_INVALID', `${other}: import Anki packages (.apkg, .colpkg) on their own, not together with other files`, [{ file: other, message: 'mixed with Anki packages' }]);
  }
  const fromPaths = (input.paths ?? []).map((path): AnkiSource => {
    const name = basename(path);
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      throw new AppError('IMPORT_INVALID', `${path} does not exist`, [{ file: path, message: 'does not exist' }]);
    }
    if (size > ANKI_LIMITS.totalBytes) throw new AppError('IMPORT_INVALID', `${name} is larger than the 1 GB Anki package limit`, [{ file: name, message: 'larger than 1 GB' }]);
    return { name, bytes: readFileSync(path) };
  });
  const fromUploads = (input.files ?? []).map((f): AnkiSource => ({ name: basename(f.path.replace(/\\/g, '/')), bytes: Buffer.from(f.base64, 'base64') }));
  return [...fromPaths, ...fromUploads];
}

export function importAnkiPackages(ctx: CoreContext, sources: AnkiSource[], dryRun: boolean): ImportReport {
  const started = performance.now();
  const warnings: Problem[] = [];
  // Read and convert everything first: a refused package throws here, before anything is written.
  const claimed = new Map<string, string>();
  const prepared = sources.map((source) => {
    const pkg = readAnkiPackage(source.name, source.bytes);
    const media = prepareMedia(ctx.db, pkg, claimed, warnings);
    const converted = convertNotes(pkg, resolver(media));
    return { pkg, media, converted };
  });
  const params: SchedulerParams = { ...schedulerParams(ctx.db).flash, examDate: null };
  const now = ctx.clock.now();
  const summaries: AnkiImportSummary[] = [];
  const write = ctx.db.transaction(() => {
    const s = statements(ctx.db);
    prepared.forEach(({ pkg, media, converted }, i) => {
      const summary: AnkiImportSummary = {
        file: pkg.file,
        layout: pkg.layout,
        notes: pkg.notes.length,
        deckCards: pkg.cards.length,
        flashcards: { added: 0, updated: 0, unchanged: 0 },
        cards: { added: 0, updated: 0, unchanged: 0 },
        reviews: { added: 0, notReplayed: 0 },
        media: { added: 0, unchanged: 0 },
        skipped: [...converted.skipped].map(([reason, count]) => ({ reason, count })),
      };
      if (converted.sounds) summary.skipped.push({ reason: 'sound references (flashcards do not play audio)', count: converted.sounds });
      if (converted.missingImages.size) {
        const names = [...converted.missingImages];
        warnings.push({ file: pkg.file, message: `${names.length} image${names.length === 1 ? ' is' : 's are'} referenced but not in the package: ${names.slice(0, 5).join(', ')}${names.length > 5 ? '…' : ''}` });
      }
      writePackage(ctx.db, s, pkg, converted.drafts, media, params, now, summary, warnings);
      const accounted = summary.cards.added + summary.cards.updated + summary.cards.unchanged + [...converted.skipped.values()].reduce((a, b) => a + b, 0);
      if (accounted !== pkg.cards.length) warnings.push({ file: pkg.file, message: `${pkg.cards.length - accounted} of the deck's ${pkg.cards.length} cards were neither imported nor listed as left out` });
      // History is replayed as it happened (no exam then); today's schedule obeys exam-date mode.
      enforceExamCap(ctx.db, schedulerParams(ctx.db).flash, now);
      summaries.push(summary);
      ctx.emit({ kind: 'import', done: i + 1, total: prepared.length, label: pkg.file });
    });
    if (dryRun) throw new Rollback();
  });
  try {
    write();
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return {
    dryRun,
    packs: [],
    notes: { added: 0, updated: 0, unchanged: 0 },
    rejected: [],
    warnings,
    preview: [],
    durationMs: Math.round(performance.now() - started),
    anki: summaries,
  };
}
