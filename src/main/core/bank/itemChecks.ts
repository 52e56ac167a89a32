/**
 * Checks the schema cannot express, applied to every item whatever its format: keys the format does not know (a
 * misspelled `explanaton` would otherwise vanish without a word), and choices that repeat each other.
 */
import { CHOICE_LABELS, packChoiceSchema, packImageSchema, packQuestionSchema, type PackQuestion } from '../../../shared/pack';
import type { Problem } from '../../../shared/result';
import { closest } from './importers/suggest';

const QUESTION_KEYS = Object.keys(packQuestionSchema.shape);
const CHOICE_KEYS = Object.keys(packChoiceSchema.shape);
const IMAGE_KEYS = Object.keys(packImageSchema.shape);
const KNOWN = new Map<readonly string[], Set<string>>([QUESTION_KEYS, CHOICE_KEYS, IMAGE_KEYS].map((keys) => [keys, new Set(keys)]));

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface KeyFindings {
  /** Misspellings of a key the object lacks: refused, because the field they meant would be lost. */
  problems: Problem[];
  /** Other unknown keys: ignored, and said so. */
  warnings: Problem[];
  /** Field paths the misspellings meant (pack.id), whose "is missing" they explain. */
  meant: string[];
}

/**
 * Unknown keys of one object. A key that is a near miss for a known key the object does not have is a problem
 * ("did you mean"); any other unknown key is a warning, so a pack may carry extra data of its own.
 */
export function unknownKeys(value: unknown, known: readonly string[], where: Omit<Problem, 'message'>, prefix: string, findings: KeyFindings): void {
  if (!isRecord(value)) return;
  const knownSet = KNOWN.get(known) ?? new Set(known);
  for (const key in value) {
    // "$schema" and other "$" keys are for editors, as in JSON Schema: neither a mistake nor worth a warning.
    if (knownSet.has(key) || key.startsWith('$') || !Object.hasOwn(value, key)) continue;
    const field = prefix ? `${prefix}.${key}` : key;
    const meant = closest(key, known);
    if (meant !== undefined && !(meant in value)) {
      findings.problems.push({ ...where, field, message: `unknown key '${key}'; did you mean '${meant}'?` });
      findings.meant.push(prefix ? `${prefix}.${meant}` : meant);
    } else {
      findings.warnings.push({ ...where, field, message: `unknown key '${key}'; ignored${meant ? ` (the item also has '${meant}')` : ''}` });
    }
  }
}

/** Unknown keys of a question, its choices and its images. */
export function unknownQuestionKeys(value: unknown, where: Omit<Problem, 'message'>): KeyFindings {
  const findings: KeyFindings = { problems: [], warnings: [], meant: [] };
  if (!isRecord(value)) return findings;
  unknownKeys(value, QUESTION_KEYS, where, '', findings);
  if (Array.isArray(value.choices)) value.choices.forEach((c, i) => unknownKeys(c, CHOICE_KEYS, where, `choices[${i}]`, findings));
  if (Array.isArray(value.images)) value.images.forEach((im, i) => unknownKeys(im, IMAGE_KEYS, where, `images[${i}]`, findings));
  return findings;
}

/**
 * Choice text as a student would compare it: case, spacing and a final full stop do not make two choices differ.
 * The schema has already trimmed the text.
 */
function comparable(text: string): string {
  let key = text.toLowerCase();
  if (key.endsWith('.')) key = key.replace(/[.\s]+$/, '');
  // Most choices are short single-spaced phrases: skip the regex unless there is spacing to collapse.
  return key.includes('  ') || key.includes('\n') || key.includes('\t') || key.includes('\r') ? key.replace(/\s+/g, ' ') : key;
}

/**
 * One problem per choice that repeats an earlier one: two identical choices cannot both be right or wrong. A plain
 * list, not a Map: questions have a handful of choices, and this runs for every imported question.
 */
export function duplicateChoices(q: PackQuestion): { index: number; message: string }[] {
  const keys: string[] = [];
  const found: { index: number; message: string }[] = [];
  q.choices.forEach((choice, index) => {
    const key = comparable(choice.text);
    const earlier = keys.indexOf(key);
    if (earlier >= 0) found.push({ index, message: `repeats choice ${CHOICE_LABELS[earlier] ?? '?'} ('${choice.text.trim().slice(0, 60)}'); every choice must differ` });
    keys.push(key);
  });
  return found;
}
