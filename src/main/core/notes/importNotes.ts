/**
 * Markdown notes — one .md/.markdown/.txt file, or an Obsidian-style vault as a folder or zip — become notes the user can
 * search and see beside related questions. Parsing is pure (files in, notes and problems out); writing happens inside
 * the import pipeline's transaction, so a dry run or a failed pack rolls the notes back with everything else.
 */
import { AppError, type Problem } from '../../../shared/result';
import type { Db } from '../db/open';
import { checkMedia, type CheckedMedia } from '../bank/media';
import { htmlToText, markdownToSafeHtml } from '../bank/sanitize';
import { decodeText, extensionOf, type SourceGroup } from '../bank/sources';
import { parseFrontMatter, splitFrontMatter, scalar, tagList, canonicalSystem, canonicalDiscipline } from './frontMatter';
import { MARKDOWN_IMAGE_SOURCE } from '../../../shared/markdownImages';

export interface ParsedNote {
  /** Stable across re-imports of the same vault: `${vault}/${path inside the vault}`, or the file name for a single file. */
  sourceKey: string;
  title: string;
  /** The note's Markdown without front matter and without image syntax (images travel in `media`). */
  bodyMd: string;
  tags: string[];
  system: string | null;
  discipline: string | null;
  media: { name: string; mime: string; bytes: Uint8Array }[];
}

const NOTE_EXTENSIONS = new Set(['md', 'markdown', 'txt']);
const MAX_BODY_CHARS = 200_000;

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const dirName = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));
/** Extension of the file name only: a dot in a folder name ("Step 1.0/notes") is not an extension. */
const extOf = (path: string) => extensionOf(baseName(path));
const isNoteFile = (path: string) => NOTE_EXTENSIONS.has(extOf(path));

export function looksLikeNotes(group: SourceGroup): boolean {
  if (group.kind === 'file') return group.files.length === 1 && isNoteFile(group.files[0]!.path);
  // A vault holds images, PDFs and canvases too; one Markdown file is enough to call it notes. A .txt alone is not:
  // a folder of text files is more likely something else the user meant to import.
  return group.files.some((f) => {
    const ext = extOf(f.path);
    return ext === 'md' || ext === 'markdown';
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// The vault: files by path relative to its root

interface Vault {
  /** Prefix for source keys; null for a single file, whose key is its own name. */
  name: string | null;
  /** Path prefix removed from every file: a zipped vault is usually wrapped in one top folder. */
  root: string;
  files: Map<string, Uint8Array>;
  /** Lower-case file name → first path with that name, for Obsidian's "shortest path" embeds like ![[x.png]]. */
  byName: Map<string, string>;
}

function singleTopFolder(paths: string[]): string | null {
  const first = paths[0]?.split('/')[0];
  if (first === undefined || !paths.every((p) => p.startsWith(`${first}/`))) return null;
  return first;
}

function vaultOf(group: SourceGroup): Vault {
  const paths = group.files.map((f) => f.path);
  let name: string | null = group.kind === 'file' ? null : group.name;
  let root = '';
  if (group.kind === 'zip') {
    // "Vault.zip" holding "Vault/…" and the folder "Vault" should give the same keys, so re-imports match either way.
    const top = singleTopFolder(paths);
    root = top ? `${top}/` : '';
    name = top ?? group.name.replace(/\.zip$/i, '');
  }
  const files = new Map<string, Uint8Array>();
  for (const f of group.files) files.set(f.path.slice(root.length), f.bytes);
  const byName = new Map<string, string>();
  for (const path of [...files.keys()].sort()) {
    const key = baseName(path).toLowerCase();
    if (!byName.has(key)) byName.set(key, path);
  }
  return { name, root, files, byName };
}

// ---------------------------------------------------------------------------------------------------------------------
// Body: code-aware rewriting, title, inline tags, images

interface Segment {
  code: boolean;
  text: string;
}

/** Splits Markdown into fenced-code and prose segments, so rewrites never touch code samples. */
function segments(md: string): Segment[] {
  const out: Segment[] = [];
  let fence: string | null = null;
  let buffer: string[] = [];
  const flush = (code: boolean) => {
    if (buffer.length) out.push({ code, text: buffer.join('\n') });
    buffer = [];
  };
  for (const line of md.split('\n')) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null && marker) {
      flush(false);
      fence = marker;
      buffer.push(line);
    } else if (fence !== null && marker && marker[0] === fence[0] && marker.length >= fence.length) {
      buffer.push(line);
      flush(true);
      fence = null;
    } else buffer.push(line);
  }
  flush(fence !== null);
  return out;
}

const mapProse = (md: string, fn: (text: string) => string) =>
  segments(md)
    .map((s) => (s.code ? s.text : fn(s.text)))
    .join('\n');

const proseOnly = (md: string) =>
  segments(md)
    .filter((s) => !s.code)
    .map((s) => s.text.replace(/`[^`\n]*`/g, ' '))
    .join('\n');

const H1 = /^#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;

/** The first `# heading` outside code, and whether it opens the body (then it is dropped as the title). */
function firstHeading(body: string): { text: string; leading: boolean } | null {
  let seenContent = false;
  for (const segment of segments(body)) {
    for (const line of segment.text.split('\n')) {
      const m = segment.code ? null : H1.exec(line);
      if (m) return { text: m[1]!.trim(), leading: !seenContent };
      if (line.trim()) seenContent = true;
    }
  }
  return null;
}

function dropLeadingHeading(body: string): string {
  const lines = body.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  return lines.slice(first + 1).join('\n');
}

/** Obsidian tags: '#' after whitespace or at a line start, then letters, digits, _ - /; at least one non-digit. */
const INLINE_TAG = /(?:^|\s)#([\p{L}\p{N}_\-/]*[\p{L}_\-/][\p{L}\p{N}_\-/]*)/gu;

function inlineTags(body: string): string[] {
  return [...proseOnly(body).matchAll(INLINE_TAG)].map((m) => m[1]!.replace(/^\/+|\/+$/g, '')).filter(Boolean);
}

/** Case-insensitive de-duplication (the tags table is NOCASE); the first spelling wins. */
function uniqueTags(tags: string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of tags) {
    const tag = raw.trim().replace(/^#+/, '').trim();
    if (tag && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  return [...seen.values()];
}

/**
 * One pattern for both image syntaxes, so images are listed in the order they appear:
 * ![alt](src "title") with the src optionally in <angle brackets> (it may then hold spaces), and Obsidian's
 * ![[target]] / ![[target|size]] embeds and [[target|alias]] links, which have nowhere to go in the app.
 * The image part is the shared rule (shared/markdownImages.ts, groups 1–3); the wiki part is groups 4–7.
 */
const IMAGE_OR_WIKI = new RegExp(`${MARKDOWN_IMAGE_SOURCE}|(!?)\\[\\[([^\\]|#]*)(#[^\\]|]*)?(?:\\|([^\\]]*))?\\]\\]`, 'g');
const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'bmp', 'tif', 'tiff', 'avif', 'heic']);

/** Joins a relative path onto a folder; null if it climbs out of the vault. */
function joinPath(dir: string, rel: string): string | null {
  const parts = dir ? dir.split('/') : [];
  for (const part of rel.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!parts.length) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

function decodedForms(src: string): string[] {
  let decoded = src;
  try {
    decoded = decodeURIComponent(src);
  } catch {
    // a literal '%' in a file name: keep the raw form only
  }
  return decoded === src ? [src] : [src, decoded];
}

/** Resolves an image reference the way Obsidian does: the note's folder, then the vault root, then any file of that name. */
function resolveImage(vault: Vault, noteDir: string, src: string): string | null {
  for (const form of decodedForms(src)) {
    const fromRoot = form.startsWith('/');
    const candidates = fromRoot ? [joinPath('', form)] : [joinPath(noteDir, form), joinPath('', form)];
    for (const path of candidates) if (path !== null && vault.files.has(path)) return path;
    const byName = vault.byName.get(baseName(form).toLowerCase());
    if (byName) return byName;
  }
  return null;
}

interface NoteContext {
  vault: Vault;
  /** The note's name in messages. */
  file: string;
  noteDir: string;
  /** Checked images by vault path, shared by every note of the group so each image is checked once. */
  checked: Map<string, CheckedMedia | Problem>;
  problems: Problem[];
}

/** Adds one image to the note's media (once), or records why it cannot be shown. */
function takeImage(ctx: NoteContext, src: string, media: Map<string, CheckedMedia>): void {
  const path = resolveImage(ctx.vault, ctx.noteDir, src);
  if (path === null) {
    const hint = ctx.vault.name === null ? '; import the whole vault folder to bring its images' : '';
    ctx.problems.push({ file: ctx.file, field: src, message: `image '${src}' is not in the vault${hint}` });
    return;
  }
  if (media.has(path)) return;
  let result = ctx.checked.get(path);
  if (!result) ctx.checked.set(path, (result = checkMedia(ctx.file, path, ctx.vault.files.get(path)!)));
  if ('message' in result) ctx.problems.push({ ...result, file: ctx.file });
  else media.set(path, result);
}

const hasScheme = (src: string) => /^[a-z][a-z0-9+.-]*:/i.test(src);

/** Removes image syntax (images are shown under the note from `media`) and flattens wiki links to their text. */
function extractImages(ctx: NoteContext, body: string): { body: string; media: CheckedMedia[] } {
  const media = new Map<string, CheckedMedia>();
  const markdownImage = (alt: string, src: string) => {
    // The app is offline and its HTML allows no <img>: a web image becomes a link the user can open.
    if (/^https?:/i.test(src)) return `[${alt || src}](${src})`;
    if (!hasScheme(src)) takeImage(ctx, src, media);
    return '';
  };
  const wikiLink = (embed: boolean, target: string, heading: string, alias: string) => {
    if (embed && IMAGE_EXTENSIONS.has(extOf(target))) {
      takeImage(ctx, target, media);
      return '';
    }
    return alias || target || heading.replace(/^#/, '').trim();
  };
  const rewritten = mapProse(body, (text) =>
    text.replace(IMAGE_OR_WIKI, (_all, alt?: string, angled?: string, bare?: string, bang?: string, target?: string, heading?: string, alias?: string) => {
      if (target === undefined) return markdownImage(alt ?? '', (angled ?? bare ?? '').trim());
      return wikiLink(bang === '!', target.trim(), heading ?? '', alias?.trim() ?? '');
    }),
  );
  return { body: rewritten.replace(/\n{3,}/g, '\n\n').trim(), media: [...media.values()] };
}

// ---------------------------------------------------------------------------------------------------------------------
// One file → one note

function decodeNote(file: string, bytes: Uint8Array, problems: Problem[]): string | null {
  try {
    return decodeText(file, bytes);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problems.push(...(error.details ?? [{ file, message: error.message }]));
    return null;
  }
}

function parseOne(
  vault: Vault,
  group: SourceGroup,
  path: string,
  bytes: Uint8Array,
  checked: NoteContext['checked'],
  problems: Problem[],
  warnings: Problem[],
): ParsedNote | null {
  const file = group.kind === 'file' ? group.name : `${group.name}/${vault.root}${path}`;
  const text = decodeNote(file, bytes, problems);
  if (text === null) return null;
  const { yaml, body: rawBody } = splitFrontMatter(text);
  if (!rawBody.trim()) {
    warnings.push({ file, message: 'the note is empty; skipped' }); // an empty Untitled.md must not block a vault
    return null;
  }
  if (rawBody.length > MAX_BODY_CHARS) {
    problems.push({ file, message: `the note is ${rawBody.length.toLocaleString('en-US')} characters; the limit is ${MAX_BODY_CHARS.toLocaleString('en-US')}` });
    return null;
  }
  const meta = parseFrontMatter(yaml);
  const heading = firstHeading(rawBody);
  const metaTitle = scalar(meta.get('title'));
  const title = metaTitle ?? heading?.text ?? baseName(path).replace(/\.[^.]+$/, '');
  // The renderer prints the title above the body; a leading "# Title" repeating it would show twice.
  const repeatsTitle = heading?.leading === true && heading.text.toLowerCase() === title.toLowerCase();
  const body = repeatsTitle ? dropLeadingHeading(rawBody) : rawBody;

  // A broken image link must not block a whole vault: the note is kept without it and the user is warned.
  const ctx: NoteContext = { vault, file, noteDir: dirName(path), checked, problems: warnings };
  const images = extractImages(ctx, body);
  const folderTags = vault.name === null ? [] : dirName(path).split('/').filter(Boolean);
  const tags = uniqueTags([...folderTags, ...tagList(meta.get('tags') ?? meta.get('tag')), ...inlineTags(body)]);
  return {
    sourceKey: vault.name === null ? group.name : `${vault.name}/${path}`,
    title,
    bodyMd: images.body,
    tags,
    system: canonicalSystem(scalar(meta.get('system'))),
    discipline: canonicalDiscipline(scalar(meta.get('discipline'))),
    media: images.media.map((m) => ({ name: m.name, mime: m.mime, bytes: m.bytes })),
  };
}

export function parseNotes(group: SourceGroup): { notes: ParsedNote[]; problems: Problem[]; warnings: Problem[] } {
  const vault = vaultOf(group);
  const notes: ParsedNote[] = [];
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const checked: NoteContext['checked'] = new Map();
  const paths = [...vault.files.keys()].filter(isNoteFile).sort();
  for (const path of paths) {
    const note = parseOne(vault, group, path, vault.files.get(path)!, checked, problems, warnings);
    if (note) notes.push(note);
  }
  if (paths.length === 0) problems.push({ file: group.name, message: 'contains no Markdown notes (.md, .markdown or .txt)' });
  return { notes, problems, warnings };
}

// ---------------------------------------------------------------------------------------------------------------------
// Writing

interface StoredNote {
  id: number;
  title: string;
  body_md: string;
  system: string | null;
  discipline: string | null;
}

function prepare(db: Db) {
  return {
    find: db.prepare("SELECT id, title, body_md, system, discipline FROM notes WHERE source_key = ? AND origin = 'imported'"),
    tagNames: db.prepare('SELECT t.name FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = ?').pluck(),
    mediaCount: db.prepare('SELECT count(*) FROM note_media WHERE note_id = ?').pluck(),
    // Compares the blob inside SQLite, so an unchanged re-import never copies image bytes out of the database.
    sameMedia: db.prepare('SELECT 1 FROM note_media WHERE note_id = ? AND name = ? AND mime = ? AND bytes = ?').pluck(),
    insert: db.prepare(
      `INSERT INTO notes (origin, source_key, title, body_md, body_html, system, discipline, created_at, updated_at)
       VALUES ('imported', @sourceKey, @title, @bodyMd, @bodyHtml, @system, @discipline, @now, @now)`,
    ),
    update: db.prepare(
      `UPDATE notes SET title = @title, body_md = @bodyMd, body_html = @bodyHtml, system = @system, discipline = @discipline,
         updated_at = @now WHERE id = @id`,
    ),
    deleteTags: db.prepare('DELETE FROM note_tags WHERE note_id = ?'),
    insertTag: db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = name RETURNING id').pluck(),
    linkTag: db.prepare('INSERT OR IGNORE INTO note_tags (note_id, tag_id) VALUES (?, ?)'),
    deleteMedia: db.prepare('DELETE FROM note_media WHERE note_id = ?'),
    insertMedia: db.prepare('INSERT INTO note_media (note_id, name, mime, bytes) VALUES (?, ?, ?, ?)'),
    deleteFts: db.prepare('DELETE FROM notes_fts WHERE rowid = ?'),
    insertFts: db.prepare('INSERT INTO notes_fts (rowid, title, body) VALUES (?, ?, ?)'),
  };
}
type Statements = ReturnType<typeof prepare>;

function sameTags(stored: string[], tags: string[]): boolean {
  const a = new Set(stored.map((t) => t.toLowerCase()));
  const b = new Set(tags.map((t) => t.toLowerCase()));
  return a.size === b.size && [...a].every((t) => b.has(t));
}

function isUnchanged(s: Statements, prior: StoredNote, note: ParsedNote): boolean {
  return (
    prior.title === note.title &&
    prior.body_md === note.bodyMd &&
    prior.system === note.system &&
    prior.discipline === note.discipline &&
    sameTags(s.tagNames.all(prior.id) as string[], note.tags) &&
    s.mediaCount.get(prior.id) === note.media.length &&
    note.media.every((m) => s.sameMedia.get(prior.id, m.name, m.mime, m.bytes) !== undefined)
  );
}

function writeChildren(s: Statements, id: number, note: ParsedNote, bodyHtml: string, tagId: (name: string) => number): void {
  for (const tag of note.tags) s.linkTag.run(id, tagId(tag));
  for (const m of note.media) s.insertMedia.run(id, m.name, m.mime, m.bytes);
  s.insertFts.run(id, note.title, htmlToText(bodyHtml));
}

/** Upserts imported notes by source key. Runs inside the caller's transaction. */
export function writeNotes(db: Db, notes: ParsedNote[], now: number): { added: number; updated: number; unchanged: number } {
  const s = prepare(db);
  const tagIds = new Map<string, number>();
  const tagId = (name: string) => {
    const key = name.toLowerCase();
    let id = tagIds.get(key);
    if (id === undefined) tagIds.set(key, (id = s.insertTag.get(name) as number));
    return id;
  };
  const counts = { added: 0, updated: 0, unchanged: 0 };
  for (const note of notes) {
    const prior = s.find.get(note.sourceKey) as StoredNote | undefined;
    if (prior && isUnchanged(s, prior, note)) {
      counts.unchanged++;
      continue;
    }
    const bodyHtml = markdownToSafeHtml(note.bodyMd);
    const row = { title: note.title, bodyMd: note.bodyMd, bodyHtml, system: note.system, discipline: note.discipline, now };
    let id: number;
    if (prior) {
      id = prior.id;
      s.update.run({ ...row, id });
      s.deleteTags.run(id);
      s.deleteMedia.run(id);
      s.deleteFts.run(id);
      counts.updated++;
    } else {
      id = Number(s.insert.run({ ...row, sourceKey: note.sourceKey }).lastInsertRowid);
      counts.added++;
    }
    writeChildren(s, id, note, bodyHtml, tagId);
  }
  return counts;
}
