/**
 * Every importer turns its format into the same thing: pack metadata plus raw items in the pack-question shape.
 * One validation (validateItems) then checks every item against the pack schema, so rules and messages are
 * identical whatever the format; each importer only says which of its own field names a pack field came from.
 */
import { createHash } from 'node:crypto';
import type { ImportFormat } from '../../../shared/types';
import { CHOICE_LABELS, packQuestionSchema, type PackMeta, type PackQuestion } from '../../../shared/pack';
import { canonicalDiscipline, canonicalSystem, isNoSystem } from '../../../shared/vocabulary';
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
  /**
   * The id was made from the stem because the file has none (CSV, MedQA, mapped JSON): two items with the same stem
   * are then told apart by their choices, or reported as one question written twice (see derivedDuplicate).
   */
  derivedId?: boolean;
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
  const seen = new Map<string, { at: number | undefined; question: PackQuestion }>();
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
    const placeOf = (at: number | undefined) => (raw.line !== undefined ? `line ${at}` : `item ${(at ?? 0) + 1}`);
    if (raw.derivedId) {
      const verdict = derivedDuplicate(q, seen);
      if (verdict.kind === 'copy') {
        warnings.push({ ...where, message: `duplicate of ${placeOf(verdict.at)} (the same question, choices and answer); imported once` });
        continue;
      }
      if (verdict.kind === 'conflict') {
        const message = `repeats the question and choices of ${placeOf(verdict.at)} with a different answer (${q.answer} here, ${verdict.answer} there); keep the right one`;
        problems.push({ ...where, field: fieldName(['answer'], source.fieldNames), message });
        continue;
      }
      q.id = verdict.id;
    } else if (seen.has(q.id)) {
      problems.push({ ...where, field: fieldName(['id'], source.fieldNames), message: `duplicate id '${q.id}' (also at ${placeOf(seen.get(q.id)?.at)})` });
      continue;
    }
    seen.set(q.id, { at: raw.line ?? raw.item, question: q });
    if (q.discipline) {
      const known = canonicalDiscipline(q.discipline);
      if (known) q.discipline = known;
      else {
        warnings.push({ ...where, field: 'discipline', message: `'${q.discipline}' is not a USMLE discipline; kept as a tag` });
        q.tags = [...q.tags, q.discipline];
        delete q.discipline;
      }
    }
    if (q.system && isNoSystem(q.system)) delete q.system;
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

type DerivedVerdict = { kind: 'new'; id: string } | { kind: 'copy'; at: number | undefined } | { kind: 'conflict'; at: number | undefined; answer: string };

/**
 * For an id made from the stem: a new question keeps it; a later item with the same stem is the same question when
 * its choices are too (a copy, or a conflict when the answer differs), else a different question (a series sharing a
 * short stem such as "Which drug was most likely prescribed?") whose id adds a hash of its choices. The first keeps the
 * plain stem id, as before, so ids stay stable across re-imports of the same file and of files imported earlier.
 */
function derivedDuplicate(q: PackQuestion, seen: ReadonlyMap<string, { at: number | undefined; question: PackQuestion }>): DerivedVerdict {
  const earlier = seen.get(q.id);
  if (!earlier) return { kind: 'new', id: q.id };
  const choices = JSON.stringify(q.choices.map((c) => c.text));
  const id = `${q.id}-${createHash('sha1').update(choices).digest('hex').slice(0, 8)}`;
  const same = [earlier, seen.get(id)].find((e) => e !== undefined && JSON.stringify(e.question.choices.map((c) => c.text)) === choices);
  if (!same) return { kind: 'new', id };
  return same.question.answer === q.answer ? { kind: 'copy', at: same.at } : { kind: 'conflict', at: same.at, answer: same.question.answer };
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
