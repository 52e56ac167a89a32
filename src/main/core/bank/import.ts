/**
 * The import pipeline: picked paths or uploaded files → source groups → format detection → one importer per format →
 * one validation → one transaction. All-or-nothing unless skipInvalid; a dry run does the whole write and rolls it back,
 * so the preview's added / updated / unchanged counts are exact.
 */
import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '../../../shared/contract';
import { AppError, formatProblem, type Problem } from '../../../shared/result';
import type { ImportFormat, ImportItemPreview, ImportReport } from '../../../shared/types';
import type { CoreContext } from '../context';
import { validateItems, type ParsedSource, type ValidQuestion } from './draft';
import { checkMedia, type CheckedMedia } from './media';
import { htmlToText, markdownToSafeHtml } from './sanitize';
import { decodeText, extensionOf, groupsFromPaths, groupsFromUploads, type SourceGroup } from './sources';
import { packExists, packWriter, publishPack, writePack, type PackWriteResult } from './writer';
import { resolvePackKey } from './packIdentity';
import { writeBackup } from '../db/backups';
import { markdownImages } from '../../../shared/markdownImages';
import { looksNative, parseNative } from './importers/native';
import { isMedqaArray, looksMedqa, parseMedqa } from './importers/medqa';
import { looksCsv, parseCsv } from './importers/csv';
import { parseJsonMap } from './importers/jsonMap';
import { looksLikeNotes, parseNotes, writeNotes, type ParsedNote } from '../notes/importNotes';
import { ankiSources, importAnkiPackages } from '../srs/anki/importAnki';

type ImportInput = ParsedInput<'packs:import'>;

class Rollback extends Error {}
/** The import changes more than a few questions of a bank in use: roll back, take a backup, write again. */
class NeedsBackup extends Error {}
/** More changed questions than this, in a database that already holds questions, triggers a pre-import backup. */
export const PRE_IMPORT_BACKUP_THRESHOLD = 10;
/** Staged imports commit this many questions per transaction (a few milliseconds each), then let other writers in. */
export const STAGE_CHUNK = 25;
const STAGE_MIN = 500;

export function detectFormat(group: SourceGroup, mapped = false): ImportFormat {
  if (looksNative(group)) return 'native';
  if (group.kind === 'file' && extensionOf(group.name) === 'json') return jsonKind(group, mapped);
  if (group.kind === 'file') {
    const ext = extensionOf(group.name);
    // JSON Lines with a mapping (MedMCQA-style objects) are mapped JSON; without one, MedQA.
    if (ext === 'jsonl' || looksMedqa(group)) return mapped ? 'json-map' : 'medqa';
    if (ext === 'json') return 'json-map';
    if (ext === 'csv' || ext === 'tsv' || looksCsv(group)) return 'csv';
  }
  if (looksLikeNotes(group)) return 'notes';
  throw new AppError('IMPORT_INVALID', `${group.name}: cannot tell what kind of file this is`, [
    {
      file: group.name,
      message: 'unknown format: expected a Vignette pack (.json, folder or .zip with pack.json), MedQA .jsonl, .csv/.tsv, a JSON array with a field mapping, or Markdown notes',
    },
  ]);
}

/**
 * A .json file is a native pack when it is an object with `format`, or with `pack` and `questions` (key order is
 * irrelevant). MedQA saved as .json — an array of MedQA objects, or JSONL under a .json name — is MedQA, unless the
 * user gave a field mapping. Any other array, or an object holding one array, is a JSON export that needs a field
 * mapping. A file that is not JSON at all goes to the native importer, whose message names the line of the syntax error.
 */
function jsonKind(group: SourceGroup, mapped: boolean): ImportFormat {
  let value: unknown;
  const text = decodeText(group.name, group.files[0]!.bytes);
  try {
    value = JSON.parse(text);
  } catch {
    // Not one JSON document: JSON Lines (MedQA, or other objects that need a mapping), or a broken pack.
    if (mapped) return 'json-map';
    if (looksMedqa(group)) return 'medqa';
    return isJsonLines(text) ? 'json-map' : 'native';
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && ('format' in value || ('pack' in value && 'questions' in value))) return 'native';
  return !mapped && isMedqaArray(value) ? 'medqa' : 'json-map';
}

/** Several lines, the first of them a whole JSON object: JSON Lines, not a pack with a syntax error. */
function isJsonLines(text: string): boolean {
  const lines = text.trim().split('\n');
  if (lines.length < 2) return false;
  try {
    const first: unknown = JSON.parse(lines[0]!);
    return typeof first === 'object' && first !== null && !Array.isArray(first);
  } catch {
    return false;
  }
}

function parseGroup(group: SourceGroup, format: ImportFormat, input: ImportInput): ParsedSource {
  switch (format) {
    case 'native':
      return parseNative(group);
    case 'medqa':
      return parseMedqa(group);
    case 'csv':
      return parseCsv(group, input.map ?? {});
    case 'json-map':
      return parseJsonMap(group, input.map ?? {});
    case 'notes':
      throw new Error('notes are parsed by parseNotes');
  }
}

/** Checks the images the valid questions use; a bad image invalidates the questions that use it. */
function checkPackMedia(source: ParsedSource, valid: ValidQuestion[], problems: Problem[]): { media: Map<string, CheckedMedia>; valid: ValidQuestion[] } {
  const media = new Map<string, CheckedMedia>();
  const bad = new Set<string>();
  const wanted = new Set<string>();
  for (const v of valid) {
    for (const image of v.question.images) wanted.add(image.file);
    for (const text of [v.question.stem, v.question.explanation]) {
      for (const { file } of markdownImages(text)) if (source.files.has(file)) wanted.add(file);
    }
  }
  for (const name of wanted) {
    const checked = checkMedia(source.file, name, source.files.get(name)!);
    if ('message' in checked) {
      problems.push(checked);
      bad.add(name);
    } else media.set(name, checked);
  }
  return { media, valid: bad.size ? valid.filter((v) => !v.question.images.some((i) => bad.has(i.file))) : valid };
}

/** Ids of items that were rejected: with skipInvalid they are left as they were, not retired. */
function rejectedIds(source: ParsedSource, valid: ValidQuestion[]): Set<string> {
  const ok = new Set(valid.map((v) => v.question.id));
  const ids = new Set<string>();
  for (const raw of source.items) {
    const id = (raw.value as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && !ok.has(id.trim())) ids.add(id.trim());
  }
  return ids;
}

function previewOf(valid: ValidQuestion[]): ImportItemPreview[] {
  return valid.slice(0, 5).map(({ question: q }) => ({
    sourceId: q.id,
    stem: htmlToText(markdownToSafeHtml(q.stem)).slice(0, 300),
    choiceCount: q.choices.length,
    ...(q.exam ? { exam: q.exam } : {}),
    ...(q.system ? { system: q.system } : {}),
  }));
}

type PackPlan = { source: ParsedSource; valid: ValidQuestion[]; media: Map<string, CheckedMedia> };
/** Everything an import needs after reading, parsing and checking the files, before any write. */
interface ParsedImport {
  problems: Problem[];
  warnings: Problem[];
  packs: PackPlan[];
  notes: ParsedNote[];
}

function parseImport(ctx: CoreContext, input: ImportInput): ParsedImport {
  const groups = [...(input.paths?.length ? groupsFromPaths(input.paths) : []), ...(input.files?.length ? groupsFromUploads(input.files) : [])];
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const packs: PackPlan[] = [];
  const notes: ParsedNote[] = [];

  for (const group of groups) {
    const format = input.format ?? detectFormat(group, Object.keys(input.map ?? {}).length > 0);
    if (format === 'notes') {
      const parsed = parseNotes(group);
      notes.push(...parsed.notes);
      problems.push(...parsed.problems);
      warnings.push(...parsed.warnings);
      continue;
    }
    const source = parseGroup(group, format, input);
    const checked = validateItems(source);
    warnings.push(...checked.warnings);
    const itemProblems = [...checked.problems];
    const { media, valid } = checkPackMedia(source, checked.valid, itemProblems);
    problems.push(...itemProblems);
    const renamed = resolvePackKey(ctx.db, source, valid, new Set(packs.map((p) => p.source.pack.id)));
    if (renamed) warnings.push(renamed);
    if (valid.length === 0 && itemProblems.length === 0) {
      problems.push({ file: source.file, message: 'contains no questions' });
    }
    packs.push({ source, valid, media });
  }

  // Two files with the same pack id would overwrite each other: keep the first, report the rest.
  const seenKeys = new Set<string>();
  for (let i = 0; i < packs.length; i++) {
    const key = packs[i]!.source.pack.id;
    if (!seenKeys.has(key)) {
      seenKeys.add(key);
      continue;
    }
    problems.push({ file: packs[i]!.source.file, message: `is the same pack '${key}' as another picked file; import one of them` });
    packs.splice(i--, 1);
  }

  if (problems.length && !input.skipInvalid) {
    const count = problems.length;
    throw new AppError(
      'IMPORT_INVALID',
      `${count} problem${count === 1 ? '' : 's'} found; nothing was imported. First: ${formatProblem(problems[0]!)}`,
      problems,
    );
  }

  return { problems, warnings, packs, notes };
}

/**
 * Staged import: a preview (dry run) keeps what it parsed and checked under a stage id; the import that follows
 * passes the id back and commits that result without reading or parsing the files again. Two stages are kept per
 * core (the latest previews); a stage is used only with the same options it was made with.
 */
const stages = new WeakMap<CoreContext, Map<string, { options: string; parsed: ParsedImport }>>();
const optionsKey = (input: ImportInput) => JSON.stringify([input.format ?? null, input.map ?? null, input.skipInvalid]);

function keepStage(ctx: CoreContext, input: ImportInput, parsed: ParsedImport): string {
  let mine = stages.get(ctx);
  if (!mine) stages.set(ctx, (mine = new Map()));
  const id = randomUUID();
  mine.set(id, { options: optionsKey(input), parsed });
  while (mine.size > 2) mine.delete(mine.keys().next().value!);
  return id;
}

function takeStage(ctx: CoreContext, input: ImportInput): ParsedImport | undefined {
  if (!input.stageId) return undefined;
  const stage = stages.get(ctx)?.get(input.stageId);
  if (stage && stage.options === optionsKey(input)) {
    if (!input.dryRun) stages.get(ctx)!.delete(input.stageId);
    return stage.parsed;
  }
  if (input.paths?.length || input.files?.length) return undefined; // the files came again: parse them
  throw new AppError('CONFLICT', 'The preview of this import is no longer available; pick the files again.');
}

export async function runImport(ctx: CoreContext, input: ImportInput): Promise<ImportReport> {
  const anki = ankiSources(input);
  if (anki) return importAnkiPackages(ctx, anki, input.dryRun);
  const started = performance.now();
  if (input.handles?.length) throw new AppError('FORBIDDEN', 'File handles are resolved by the desktop window before they reach the core.');
  const parsed = takeStage(ctx, input) ?? parseImport(ctx, input);
  const { problems, warnings, packs, notes } = parsed;

  const now = ctx.clock.now();
  const total = packs.reduce((n, p) => n + p.valid.length, 0);
  if (ctx.stagedImports && !input.dryRun && notes.length === 0 && total >= STAGE_MIN && packs.every((p) => !packExists(ctx.db, p.source.pack.id))) {
    const results = await writeStaged(ctx as Parameters<typeof writeStaged>[0], packs, now, total);
    return { dryRun: false, packs: results, notes: { added: 0, updated: 0, unchanged: 0 }, rejected: problems, warnings, preview: previewOf(packs.flatMap((p) => p.valid)), durationMs: Math.round(performance.now() - started) };
  }
  let results: PackWriteResult[] = [];
  let noteCounts = { added: 0, updated: 0, unchanged: 0 };
  const bankInUse = !input.dryRun && !!ctx.db.prepare('SELECT 1 FROM questions LIMIT 1').get();
  const write = ctx.db.transaction((backedUp: boolean) => {
    results = [];
    packs.forEach((p, i) => {
      if (p.valid.length === 0) return;
      results.push(writePack(ctx.db, p.source, p.valid, p.media, now, rejectedIds(p.source, p.valid)));
      ctx.emit({ kind: 'import', done: i + 1, total: packs.length, label: p.source.pack.title });
    });
    if (notes.length) noteCounts = writeNotes(ctx.db, notes, now);
    if (input.dryRun) throw new Rollback();
    const changed = results.reduce((n, r) => n + r.added + r.updated + r.retired, 0);
    if (bankInUse && !backedUp && changed > PRE_IMPORT_BACKUP_THRESHOLD) throw new NeedsBackup();
  });
  try {
    try {
      write(false);
    } catch (error) {
      if (!(error instanceof NeedsBackup)) throw error;
      await writeBackup(ctx.db, ctx.dbPath, 'pre-import', now);
      write(true);
    }
    // Keep the planner's statistics fresh after a bulk change (cheap: it analyses only what needs it).
    ctx.db.pragma('optimize');
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return {
    ...(input.dryRun ? { stageId: keepStage(ctx, input, parsed) } : {}),
    dryRun: input.dryRun,
    packs: results,
    notes: noteCounts,
    rejected: problems,
    warnings,
    preview: previewOf(packs.flatMap((p) => p.valid)),
    durationMs: Math.round(performance.now() - started),
  };
}

/**
 * New packs, written in short transactions while hidden (pack removed, questions retired), then published in one
 * transaction: the import still appears all at once, and a crash midway leaves only an invisible pack that the next
 * import of the same file completes. Between chunks other writers get the database, so answers stay instant.
 */
async function writeStaged(
  ctx: CoreContext & { stagedImports: { betweenChunks: () => Promise<void> } },
  packs: { source: ParsedSource; valid: ValidQuestion[]; media: Map<string, CheckedMedia> }[],
  now: number,
  total: number,
): Promise<PackWriteResult[]> {
  if (total > PRE_IMPORT_BACKUP_THRESHOLD && ctx.db.prepare('SELECT 1 FROM questions LIMIT 1').get()) await writeBackup(ctx.db, ctx.dbPath, 'pre-import', now);
  const results: PackWriteResult[] = [];
  let written = 0;
  for (const p of packs) {
    if (p.valid.length === 0) continue;
    const steps = packWriter(ctx.db, p.source, p.valid, p.media, now, rejectedIds(p.source, p.valid), { chunk: STAGE_CHUNK, hidden: true });
    const step = ctx.db.transaction(() => steps.next());
    for (;;) {
      const next = step();
      if (next.done) {
        results.push(next.value);
        written += next.value.total;
        break;
      }
      ctx.emit({ kind: 'import', done: written + next.value, total, label: p.source.pack.title });
      await ctx.stagedImports.betweenChunks();
    }
  }
  ctx.db.transaction(() => {
    for (const p of packs) publishPack(ctx.db, p.source.pack.id);
  })();
  ctx.db.pragma('optimize');
  return results;
}
