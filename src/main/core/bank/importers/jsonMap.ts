/**
 * Any JSON array of question objects, with a field mapping saying where each pack field lives:
 * `--map stem=questionText --map choices=answers[].text --map answer=correct`.
 *
 * Paths: `a.b.c` walks into objects, `x[]` takes each element of array x (so `answers[].text` is the list of every
 * answer's text), `x[2]` takes one element. Like the other importers this only reshapes: every rule is checked by
 * validateItems, and problems name the source paths the user wrote in the mapping.
 */
import { CHOICE_LABELS } from '../../../../shared/pack';
import { AppError, type Problem } from '../../../../shared/result';
import { MAP_TARGETS, type MapTarget } from '../../../../shared/pack';
import { slugFromFile, titleFromFile, type ParsedSource, type RawItem } from '../draft';
import { decodeText, type SourceGroup } from '../sources';
import { contentId, difficultyFrom, normaliseExam, splitList } from './fields';
import { parseJson } from './json';
import { parsePythonDict } from './pythonDict';
import { didYouMean } from './suggest';

const TARGETS = MAP_TARGETS;
type Target = MapTarget;

const REQUIRED: readonly Target[] = ['stem', 'choices', 'answer'];
const REQUIRED_MESSAGE = 'the mapping needs stem, choices and answer (e.g. --map stem=question --map choices=options --map answer=answer_idx)';

// ---------------------------------------------------------------------------------------------------------------
// Paths

type Step = { kind: 'key'; key: string } | { kind: 'each' } | { kind: 'index'; index: number };

/** "answers[].text" → key answers, each, key text. Undefined when the path is malformed. */
export function parsePath(path: string): Step[] | undefined {
  const steps: Step[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]+)((?:\[\d*\])*)$/.exec(part);
    if (!match?.[1]) return undefined;
    steps.push({ kind: 'key', key: match[1] });
    for (const bracket of (match[2] ?? '').match(/\[\d*\]/g) ?? []) {
      steps.push(bracket === '[]' ? { kind: 'each' } : { kind: 'index', index: Number(bracket.slice(1, -1)) });
    }
  }
  return steps;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An object's values ordered by key, numerically where keys are numbers ("2" before "10"): option objects such as
 * {"A": …, "B": …} are written in order by people but not always by programs.
 */
function keysInOrder(value: Record<string, unknown>): string[] {
  return Object.keys(value).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** Follows a path; `[]` over an object takes its values in key order. A missing step yields undefined. */
export function evaluatePath(value: unknown, steps: readonly Step[]): unknown {
  const [step, ...rest] = steps;
  if (!step) return value;
  if (step.kind === 'key') return isRecord(value) ? evaluatePath(value[step.key], rest) : undefined;
  if (step.kind === 'index') return Array.isArray(value) ? evaluatePath(value[step.index], rest) : undefined;
  const list = Array.isArray(value) ? value : isRecord(value) ? keysInOrder(value).map((k) => value[k]) : undefined;
  return list?.map((element) => evaluatePath(element, rest));
}

// ---------------------------------------------------------------------------------------------------------------
// The mapping

/**
 * One mapped target. `choices` and `choiceExplanations` may list several paths separated by commas
 * (`choices=opa,opb,opc,opd`, as MedMCQA stores its options): their values, in order, make the list.
 */
interface MapEntry {
  path: string;
  steps: Step[];
  members?: { path: string; steps: Step[] }[];
}
type Mapping = Partial<Record<Target, MapEntry>>;

/** Targets that may list several paths: their values, in order, make the list (`tags=medical_task,question_type`). */
const LIST_TARGETS: readonly string[] = ['choices', 'choiceExplanations', 'tags'];

function evaluateEntry(element: unknown, entry: MapEntry): unknown {
  return entry.members ? entry.members.map((m) => evaluatePath(element, m.steps)) : evaluatePath(element, entry.steps);
}

function readMapping(file: string, map: Record<string, string>): Mapping {
  const mapping: Mapping = {};
  const problems: Problem[] = [];
  for (const [target, path] of Object.entries(map)) {
    if (!(TARGETS as readonly string[]).includes(target)) {
      problems.push({ file, field: 'map', message: `'${target}' is not a field to map${didYouMean(target, TARGETS)}; use ${TARGETS.join(', ')}` });
      continue;
    }
    const parts = LIST_TARGETS.includes(target) && path.includes(',') ? path.split(',').map((p) => p.trim()).filter(Boolean) : [path.trim()];
    const members = parts.map((p) => ({ path: p, steps: parsePath(p) }));
    const bad = members.find((m) => !m.steps);
    if (bad) problems.push({ file, field: 'map', message: `${target}=${path}: '${bad.path}' is not a path like a.b, answers[].text or options` });
    else {
      const valid = members as { path: string; steps: Step[] }[];
      mapping[target as Target] = { path: path.trim(), steps: valid[0]!.steps, ...(valid.length > 1 ? { members: valid } : {}) };
    }
  }
  // A required target given with a malformed path is already reported above; only an absent one needs this message.
  if (REQUIRED.some((target) => !map[target]?.trim())) problems.unshift({ file, field: 'map', message: REQUIRED_MESSAGE });
  if (problems.length) throw new AppError('IMPORT_INVALID', `${file}: ${problems[0]?.message ?? REQUIRED_MESSAGE}`, problems);
  return mapping;
}

// ---------------------------------------------------------------------------------------------------------------
// Values

/** null means "not given" in most exports; treating it as absent gives "is missing" or the default, not a type error. */
const present = (value: unknown): boolean => value !== undefined && value !== null;

/** Numbers and booleans read as text, so a choice "5" written as 5 is not rejected. */
function asText(value: unknown): unknown {
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}

interface MappedChoices {
  texts: unknown[];
  /** Keys when the choices came from an object ({"A": …}), so an answer may name a key. */
  keys?: string[];
}

/**
 * Options stored as the text of a Python dict (`"{'A': 'Gout', …}"`, MedXpertQA as pandas saves it) become that
 * object; other values are returned as they are. A text that opens with `{` but is not such a literal is an error.
 */
function optionsValue(value: unknown): { value: unknown } | { error: string } {
  if (typeof value !== 'string' || !value.trimStart().startsWith('{')) return { value };
  const parsed = parsePythonDict(value);
  return 'error' in parsed ? { error: `is not a list of options like {'A': '…', 'B': '…'}: ${parsed.error}` } : parsed;
}

function choicesFrom(raw: unknown): MappedChoices | undefined {
  const options = optionsValue(raw);
  const value = 'value' in options ? options.value : undefined;
  if (Array.isArray(value)) return { texts: value.map(asText) };
  if (isRecord(value)) {
    const keys = keysInOrder(value);
    return { texts: keys.map((k) => asText(value[k])), keys };
  }
  return undefined;
}

/**
 * A letter; a key of an options object; the exact text of a choice; an index (a JSON number, counted from 0 or 1 as the
 * whole file does: see answerBase); or a list of flags with exactly one true (`answers[].correct`). Each becomes the
 * choice's letter. Anything else goes through for validateItems to report.
 */
function answerFrom(value: unknown, choices: MappedChoices | undefined, base: number): unknown {
  const letter = (index: number): unknown => CHOICE_LABELS[index] ?? value;
  if (typeof value === 'number') return Number.isInteger(value) && value - base >= 0 ? letter(value - base) : value;
  // `answers[].correct`: answers without the flag count as wrong.
  if (Array.isArray(value) && value.every((v) => typeof v === 'boolean' || !present(v)) && value.filter((v) => v === true).length === 1) {
    return letter(value.indexOf(true));
  }
  if (typeof value !== 'string') return value;
  const raw = value.trim();
  const keyIndex = choices?.keys?.indexOf(raw) ?? -1;
  if (keyIndex >= 0) return letter(keyIndex);
  if (/^[a-z]$/i.test(raw)) return raw.toUpperCase();
  const textIndex = choices?.texts.findIndex((t) => typeof t === 'string' && t.trim() === raw) ?? -1;
  return textIndex >= 0 ? letter(textIndex) : value;
}

function listFrom(value: unknown, separators: RegExp): unknown {
  if (typeof value === 'string') return splitList(value, separators);
  if (Array.isArray(value)) return value.filter(present).map(asText);
  return value;
}

/**
 * Whether numeric answers count from 0 or 1, decided once for the file (MedMCQA's `cop` counts from 1 in its JSON
 * files, from 0 in others): a 0 anywhere means 0-based; an answer equal to its question's number of choices means
 * 1-based. With neither (a short file), 0-based, with a warning.
 */
function answerBase(file: string, objects: Record<string, unknown>[], mapping: Mapping, warnings: Problem[]): number {
  const answer = mapping.answer;
  const choices = mapping.choices;
  if (!answer || !choices) return 0;
  let numbers = 0;
  let oneBased = false;
  for (const o of objects) {
    const value = evaluateEntry(o, answer);
    if (typeof value !== 'number' || !Number.isInteger(value)) continue;
    numbers++;
    if (value === 0) return 0;
    if (value === choicesFrom(evaluateEntry(o, choices))?.texts.filter(present).length) oneBased = true;
  }
  if (oneBased) return 1;
  if (numbers > 0) {
    warnings.push({
      file,
      field: answer.path,
      message: 'answers are numbers but none is 0 or the last choice, so it is not clear whether they count from 0 or 1; read as 0 = first choice (check a question)',
    });
  }
  return 0;
}

function buildQuestion(element: Record<string, unknown>, mapping: Mapping, base: number): Record<string, unknown> | { field: string; error: string } {
  const read = (target: Target): unknown => {
    const entry = mapping[target];
    const value = entry ? evaluateEntry(element, entry) : undefined;
    return present(value) ? value : undefined;
  };
  const stem = read('stem');
  const rawChoices = read('choices');
  const options = optionsValue(rawChoices);
  if ('error' in options) return { field: mapping.choices!.path, error: options.error };
  const choices = choicesFrom(rawChoices);
  const explanations = choicesFrom(read('choiceExplanations'))?.texts ?? [];
  const id = read('id');
  const exam = read('exam');
  const difficulty = read('difficulty');
  const tags = read('tags');
  const references = read('references');
  const answer = read('answer');

  const value: Record<string, unknown> = {
    id: typeof id === 'string' || typeof id === 'number' ? String(id) : typeof stem === 'string' ? contentId('json', stem.trim()) : id,
    stem,
    choices: choices
      ? choices.texts.map((text, i) => {
          const explanation = explanations[i];
          return typeof explanation === 'string' && explanation.trim() !== '' ? { text, explanation } : { text };
        })
      : rawChoices,
    answer: answer === undefined ? undefined : answerFrom(answer, choices, base),
    explanation: read('explanation'),
    objective: read('objective'),
    exam: typeof exam === 'string' ? normaliseExam(exam) : exam,
    discipline: read('discipline'),
    system: read('system'),
    topic: read('topic'),
    tags: tags === undefined ? undefined : listFrom(tags, /[;,]/),
    difficulty: typeof difficulty === 'string' ? difficultyFrom(difficulty) : difficulty,
    references: references === undefined ? undefined : listFrom(references, /;/),
  };
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return value;
}

// ---------------------------------------------------------------------------------------------------------------
// The importer

/** The question list: the document itself, or the one array inside a wrapper such as {"questions": […]}. */
function questionList(file: string, data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (isRecord(data)) {
    const arrays = Object.entries(data).filter(([, v]) => Array.isArray(v));
    const only = arrays.length === 1 ? arrays[0]?.[1] : undefined;
    if (Array.isArray(only)) return only;
    if (arrays.length > 1) {
      const names = arrays.map(([k]) => `'${k}'`).join(', ');
      throw new AppError('IMPORT_INVALID', `${file}: more than one array (${names}); cannot tell which holds the questions`, [
        { file, message: `more than one array (${names}); cannot tell which holds the questions` },
      ]);
    }
  }
  throw new AppError('IMPORT_INVALID', `${file}: expected a JSON array of question objects`, [
    { file, message: 'expected a JSON array of question objects, or an object holding one' },
  ]);
}

/** Whether a path led somewhere: null is a value ("not given"); a list of nothing but misses (answers[].txt) is not. */
const reached = (value: unknown): boolean => value !== undefined && (!Array.isArray(value) || value.length === 0 || value.some(reached));

/**
 * A mapped path that finds a value in no item at all is a mistake (a misspelled `explanaton` would otherwise drop every
 * explanation without a word): one problem per such target, naming the key it probably meant.
 */
function unmatchedPaths(file: string, list: unknown[], mapping: Mapping): Problem[] {
  const objects = list.filter(isRecord);
  if (objects.length === 0) return [];
  const keys = [...new Set(objects.slice(0, 100).flatMap((o) => Object.keys(o)))];
  const problems: Problem[] = [];
  for (const target of TARGETS) {
    const entry = mapping[target];
    for (const member of entry?.members ?? (entry ? [entry] : [])) {
      if (objects.some((o) => reached(evaluatePath(o, member.steps)))) continue;
      const first = member.steps[0]?.kind === 'key' ? member.steps[0].key : '';
      const hint = keys.includes(first) ? '' : didYouMean(first, keys);
      problems.push({ file, field: 'map', message: `${target}=${entry!.path}: no item has a value at '${member.path}'${hint || `; the items' keys are ${keys.slice(0, 20).join(', ')}`}` });
    }
  }
  return problems;
}

/**
 * Keys of the items that name a field the mapping leaves out (`explanation` when only stem, choices and answer are
 * mapped): left alone they would vanish without a word, so the user is told how to keep them.
 */
function unmappedFields(file: string, list: unknown[], mapping: Mapping): Problem[] {
  const squash = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');
  const keys = [...new Set(list.slice(0, 100).filter(isRecord).flatMap((o) => Object.keys(o)))];
  const used = new Set(Object.values(mapping).flatMap((e) => (e.members ?? [e]).map((m) => (m.steps[0]?.kind === 'key' ? m.steps[0].key : ''))));
  const warnings: Problem[] = [];
  for (const target of TARGETS) {
    if (mapping[target]) continue;
    const key = keys.find((k) => !used.has(k) && squash(k) === squash(target));
    if (key !== undefined) warnings.push({ file, field: key, message: `is not mapped, so it is not imported; map it with ${target}=${key}` });
  }
  return warnings;
}

/**
 * The question list of a JSON document, or of JSON Lines (one object a line, as MedMCQA ships its .json files): then
 * each item keeps its line, for messages.
 */
function readList(file: string, text: string): { list: unknown[]; lines?: number[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // Not one JSON document: JSON Lines when it opens with an object and has more than one line, else the JSON error.
    const trimmed = text.trim();
    if (!trimmed.startsWith('{') || !trimmed.includes('\n')) parseJson(file, text);
    return readLines(file, text);
  }
  return { list: questionList(file, data) };
}

function readLines(file: string, text: string): { list: unknown[]; lines: number[] } {
  const list: unknown[] = [];
  const lines: number[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      list.push(JSON.parse(raw));
    } catch (error) {
      const detail = (error as Error).message.replace(/^.*?JSON[^:]*:\s*/, '').replace(/ in JSON at position \d+.*$/, '');
      throw new AppError('IMPORT_INVALID', `${file}: line ${i + 1}: invalid JSON (${detail})`, [{ file, line: i + 1, message: `invalid JSON: ${detail}` }]);
    }
    lines.push(i + 1);
  });
  return { list, lines };
}

export function parseJsonMap(group: SourceGroup, map: Record<string, string>): ParsedSource {
  const file = group.name;
  const mapping = readMapping(file, map);
  const source = group.files[0];
  const { list, lines } = readList(file, source ? decodeText(file, source.bytes) : '');
  const items: RawItem[] = [];
  const warnings: Problem[] = unmappedFields(file, list, mapping);
  const problems: Problem[] = unmatchedPaths(file, list, mapping);
  // With a path that matches nothing, every item would repeat the same complaint: report the path alone.
  if (!problems.length) {
    const base = answerBase(file, list.filter(isRecord), mapping, warnings);
    list.forEach((element, item) => {
      const where = lines ? { line: lines[item]! } : { item };
      const value = isRecord(element) ? buildQuestion(element, mapping, base) : undefined;
      if (!value) problems.push({ file, ...where, message: 'must be a JSON object' });
      else if (typeof value.error === 'string') problems.push({ file, ...where, field: String(value.field), message: value.error });
      else items.push({ ...where, value, ...(mapping.id ? {} : { derivedId: true }) });
    });
  }
  const fieldNames: Partial<Record<string, string>> = {};
  for (const target of TARGETS) {
    const entry = mapping[target];
    if (entry && target !== 'choiceExplanations') fieldNames[target] = entry.path;
  }
  return {
    format: 'json-map',
    file,
    pack: {
      id: slugFromFile(file),
      title: titleFromFile(file),
      version: '1',
      description: 'Imported from a JSON file with a field mapping.',
      license: '',
      author: '',
    },
    items,
    files: new Map(),
    problems,
    warnings,
    fieldNames,
  };
}
