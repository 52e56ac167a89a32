/**
 * Every importer turns its format into the same thing: pack metadata plus raw items in the pack-question shape.
 * One validation (validateItems) then checks every item against the pack schema, so rules and messages are
 * identical whatever the format; each importer only says which of its own field names a pack field came from.
 */
import type { ImportFormat } from '../../../shared/types';
import { CHOICE_LABELS, packQuestionSchema, type PackMeta, type PackQuestion } from '../../../shared/pack';
import { canonicalDiscipline, canonicalSystem } from '../../../shared/vocabulary';
import type { Problem } from '../../../shared/result';
import { htmlToText, markdownToSafeHtml } from './sanitize';
import { duplicateChoices, unknownQuestionKeys } from './itemChecks';
import { stripRepeatedChoices } from './stemChoices';

export interface RawItem {
  value: unknown;
  /** 1-based source line (text formats). */
  line?: number;
  /** 0-based index in the file's item list (JSON formats). */
  item?: number;
}

export interface ParsedSource {
  format: ImportFormat;
  file: string;
  pack: PackMeta;
  items: RawItem[];
  /** Pack files by path relative to the pack root (e.g. media/ecg.svg). */
  files: Map<string, Uint8Array>;
  problems: Problem[];
  warnings: Problem[];
  /** Source field name for each pack field, for messages in the user's own terms (stem → question). */
  fieldNames?: Partial<Record<string, string>>;
}

export interface ValidQuestion {
  question: PackQuestion;
  line?: number;
  item?: number;
}


function fieldName(path: PropertyKey[], names: ParsedSource['fieldNames']): string {
  const [head, ...rest] = path.map(String);
  const mapped = (head && names?.[head]) ?? head ?? '';
  return [mapped, ...rest].reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

const NO_KEY_FINDINGS = { problems: [], warnings: [], meant: [] } as const;

/** Validates every item; collects all problems (never stops at the first) and applies the outline vocabulary. */
export function validateItems(source: ParsedSource): { valid: ValidQuestion[]; problems: Problem[]; warnings: Problem[] } {
  const valid: ValidQuestion[] = [];
  const problems: Problem[] = [...source.problems];
  const warnings: Problem[] = [...source.warnings];
  const seen = new Map<string, number | undefined>();
  for (const raw of source.items) {
    const where = { file: source.file, ...(raw.line !== undefined ? { line: raw.line } : {}), ...(raw.item !== undefined ? { item: raw.item } : {}) };
    // Only a pack's items carry the author's own keys; the other importers build items from known fields.
    const keys = source.format === 'native' ? unknownQuestionKeys(raw.value, where) : NO_KEY_FINDINGS;
    warnings.push(...keys.warnings);
    if (keys.problems.length) {
      // A misspelled key explains the schema's complaints (answr → "answer is missing"): report only the cause.
      problems.push(...keys.problems);
      continue;
    }
    const parsed = packQuestionSchema.safeParse(raw.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        let message = issue.message;
        if (issue.code === 'invalid_type' && /received undefined/.test(message)) message = 'is missing';
        problems.push({ ...where, field: fieldName(issue.path, source.fieldNames), message });
      }
      continue;
    }
    const q = parsed.data;
    const repeated = duplicateChoices(q);
    if (repeated.length) {
      for (const r of repeated) problems.push({ ...where, field: fieldName(['choices', r.index, 'text'], source.fieldNames), message: r.message });
      continue;
    }
    q.stem = stripRepeatedChoices(q.stem, q.choices);
    const emptied = emptiedFields(q);
    if (emptied.length) {
      for (const field of emptied) problems.push({ ...where, field: fieldName(field, source.fieldNames), message: 'has no text left once unsafe HTML is removed' });
      continue;
    }
    if (seen.has(q.id)) {
      problems.push({ ...where, field: fieldName(['id'], source.fieldNames), message: `duplicate id '${q.id}' (also at ${raw.line !== undefined ? `line ${seen.get(q.id)}` : `item ${(seen.get(q.id) ?? 0) + 1}`})` });
      continue;
    }
    seen.set(q.id, raw.line ?? raw.item);
    if (q.discipline) {
      const known = canonicalDiscipline(q.discipline);
      if (known) q.discipline = known;
      else {
        warnings.push({ ...where, field: 'discipline', message: `'${q.discipline}' is not a USMLE discipline; kept as a tag` });
        q.tags = [...q.tags, q.discipline];
        delete q.discipline;
      }
    }
    if (q.system) {
      const known = canonicalSystem(q.system);
      if (known) q.system = known;
      else {
        warnings.push({ ...where, field: 'system', message: `'${q.system}' is not a USMLE system; kept as a tag` });
        q.tags = [...q.tags, q.system];
        delete q.system;
      }
    }
    const missing = q.images.filter((image) => !source.files.has(image.file));
    for (const image of missing) problems.push({ ...where, field: 'images', message: `image '${image.file}' is not in the pack` });
    if (missing.length) continue;
    valid.push({ question: q, ...(raw.line !== undefined ? { line: raw.line } : {}), ...(raw.item !== undefined ? { item: raw.item } : {}) });
  }
  return { valid, problems, warnings };
}

/** Fields whose only content was markup that sanitising removes (e.g. a stem that is just a <script>). */
function emptiedFields(q: PackQuestion): PropertyKey[][] {
  const empty = (text: string) => /<[a-zA-Z!/?]/.test(text) && htmlToText(markdownToSafeHtml(text)).trim() === '';
  const fields: PropertyKey[][] = [];
  if (empty(q.stem)) fields.push(['stem']);
  q.choices.forEach((c, i) => {
    if (empty(c.text)) fields.push(['choices', i, 'text']);
  });
  return fields;
}

export function letterOf(index: number): string {
  return CHOICE_LABELS[index] ?? '?';
}

/** A readable, stable pack key from a file name: "MedQA US test.jsonl" → "medqa-us-test". */
export function slugFromFile(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const slug = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return slug || 'imported';
}

export function titleFromFile(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim() || 'Imported questions';
}
