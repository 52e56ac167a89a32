/**
 * CSV / TSV, as spreadsheets and Anki export them: a header row naming the columns (or Anki's `#columns:` line), then
 * one question a record. Quoting follows RFC 4180, so a stem may hold separators, quotes and line breaks. Every record
 * keeps the line it starts on, so a problem points at a line the user can find in a text editor.
 *
 * The importer only reshapes: it emits raw values in the pack-question shape and leaves every rule (choice count,
 * answer range, lengths, difficulty range) to validateItems, so messages match the other formats.
 */
import type { Problem } from '../../../../shared/result';
import { letterOf, slugFromFile, titleFromFile, type ParsedSource, type RawItem } from '../draft';
import { decodeText, extensionOf, type SourceGroup } from '../sources';
import { tokenizeCsv, type CsvRecord } from './csvTokenizer';
import { readCsvMapping, type CsvMapping } from './csvMap';
import { contentId, difficultyFrom, normaliseExam, splitList } from './fields';

// ---------------------------------------------------------------------------------------------------------------
// Detection

/** Anki `#key:value` lines, as they open a file. */
const ANKI_HEADER = /^#\s*([a-z][a-z ]*?)\s*:/i;

export function looksCsv(group: SourceGroup): boolean {
  const f = group.files[0];
  if (group.kind !== 'file' || !f) return false;
  const head = new TextDecoder().decode(f.bytes.subarray(0, 4000)).replace(/^\uFEFF/, '');
  const lines = head.split(/\r\n?|\n/).filter((l) => l.trim() !== '');
  // Anki exports open with several header lines (#separator, #html, #tags column…); either of the two that shape the
  // table is enough to know it is one.
  for (const line of lines) {
    const key = ANKI_HEADER.exec(line)?.[1]?.toLowerCase();
    if (key === undefined) break;
    if (key === 'separator' || key === 'columns') return true;
  }
  // Otherwise a header row: one of its cells must name the stem. Matching whole cells, not words, keeps prose such as
  // "Questions about the heart, lungs" (a Markdown note) from passing for a table.
  const first = lines[0] ?? '';
  const separator = detectSeparator(first);
  return first.includes(separator) && first.split(separator).some((cell) => FIELD_OF[normaliseName(cell.replace(/"/g, ''))] === 'stem');
}

// ---------------------------------------------------------------------------------------------------------------
// Anki header lines and the separator

const CANDIDATE_SEPARATORS = [',', ';', '\t', '|'] as const;
const NAMED_SEPARATORS: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', pipe: '|', space: ' ', colon: ':' };
const SEPARATOR_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe', ' ': 'space', ':': 'colon' };

interface FileHeader {
  /** Separator declared by `#separator:`. */
  separator?: string;
  /** `#columns:` value, split later: the separator may be declared after it. */
  columns?: string;
  /** 0-based column that holds tags (`#tags column:N`, 1-based in the file). */
  tagsColumn?: number;
  /** Any `#` header line: tags are then separated by spaces, as Anki writes them. */
  anki: boolean;
  /** Where the table starts: offset in the text and its 1-based line. */
  bodyOffset: number;
  bodyLine: number;
  problems: Problem[];
  warnings: Problem[];
}

/** One-character values are taken literally, so `#separator:` followed by a tab or a space is not lost to trimming. */
function separatorFrom(value: string): string | undefined {
  const candidate = value.length === 1 ? value : (NAMED_SEPARATORS[value.trim().toLowerCase()] ?? value.trim());
  return candidate.length === 1 && candidate !== '"' ? candidate : undefined;
}

function readFileHeader(file: string, text: string): FileHeader {
  const header: FileHeader = { anki: false, bodyOffset: 0, bodyLine: 1, problems: [], warnings: [] };
  while (header.bodyOffset < text.length && text.charAt(header.bodyOffset) === '#') {
    const end = text.indexOf('\n', header.bodyOffset);
    const stop = end < 0 ? text.length : end;
    applyHeaderLine(file, text.slice(header.bodyOffset + 1, stop), header);
    header.anki = true;
    header.bodyOffset = stop + 1;
    header.bodyLine++;
  }
  return header;
}

function applyHeaderLine(file: string, raw: string, header: FileHeader): void {
  const line = header.bodyLine;
  const colon = raw.indexOf(':');
  if (colon < 0) return; // a plain comment
  const key = raw.slice(0, colon).trim().toLowerCase();
  const value = raw.slice(colon + 1);
  if (key === 'separator') {
    const separator = separatorFrom(value);
    if (separator) header.separator = separator;
    else header.problems.push({ file, line, field: '#separator', message: `'${value.trim()}' is not comma, semicolon, tab, pipe, space or a single character` });
  } else if (key === 'columns') {
    header.columns = value;
  } else if (key === 'tags column') {
    const n = Number(value.trim());
    if (Number.isInteger(n) && n >= 1) header.tagsColumn = n - 1;
    else header.warnings.push({ file, line, field: '#tags column', message: `'${value.trim()}' is not a column number; ignored` });
  }
  // #html, #notetype, #deck and the rest describe Anki notes, not questions: accepted and ignored.
}

/** The most frequent candidate outside quotes in the header line; a comma when none occurs. */
function detectSeparator(headerLine: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: string = ',';
  for (const sep of CANDIDATE_SEPARATORS) if ((counts.get(sep) ?? 0) > (counts.get(best) ?? 0)) best = sep;
  return best;
}

/** Walks line by line rather than splitting: the file may be hundreds of megabytes. */
function firstNonBlankLine(text: string, offset: number): string {
  for (let start = offset; start < text.length; ) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    if (line.trim() !== '') return line;
    start = end < 0 ? text.length : end + 1;
  }
  return '';
}

// ---------------------------------------------------------------------------------------------------------------
// Columns

type FieldKey = 'id' | 'stem' | 'answer' | 'explanation' | 'objective' | 'exam' | 'discipline' | 'system' | 'topic' | 'tags' | 'difficulty' | 'references';

const FIELD_OF: Record<string, FieldKey> = {
  id: 'id',
  stem: 'stem',
  question: 'stem',
  answer: 'answer',
  explanation: 'explanation',
  objective: 'objective',
  exam: 'exam',
  discipline: 'discipline',
  system: 'system',
  topic: 'topic',
  tags: 'tags',
  difficulty: 'difficulty',
  references: 'references',
};

/** Column names match case-insensitively, ignoring spaces, underscores and dashes. */
function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

export type Role = { kind: 'field'; field: FieldKey } | { kind: 'choice'; letter: number } | { kind: 'choiceExplanation'; letter: number };

/** "Choice_A", "option-a", "A" → choice 0; "why_b" → explanation of choice 1; "Question" → stem. */
function roleOf(name: string): Role | undefined {
  const key = normaliseName(name);
  const field = FIELD_OF[key];
  if (field) return { kind: 'field', field };
  const choice = /^(?:choice|option)?([a-z])$/.exec(key)?.[1];
  if (choice) return { kind: 'choice', letter: choice.charCodeAt(0) - 97 };
  const explanation = /^(?:explanation|why)([a-z])$/.exec(key)?.[1];
  if (explanation) return { kind: 'choiceExplanation', letter: explanation.charCodeAt(0) - 97 };
  return undefined;
}

interface Columns {
  /** Column names as the file spells them. */
  names: string[];
  field: Partial<Record<FieldKey, number>>;
  /** Choice columns in label order. */
  choices: { letter: number; column: number }[];
  /** Choice letter → column of its explanation. */
  choiceExplanations: Map<number, number>;
}

const roleKey = (role: Role) => (role.kind === 'field' ? role.field : `${role.kind}:${role.letter}`);

/**
 * Gives every column its role: first the ones a mapping names (`--map`), then the rest by their names. A column whose
 * name suggests a role the mapping already gave another column is left out, and said so.
 */
function mapColumns(
  file: string,
  names: string[],
  tagsColumn: number | undefined,
  mapping?: CsvMapping,
): { columns: Columns; problems: Problem[]; warnings: Problem[] } {
  const columns: Columns = { names, field: {}, choices: [], choiceExplanations: new Map() };
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const claimed = new Map<string, number>(); // role key → first column that took it
  const assign = (role: Role, column: number) => {
    claimed.set(roleKey(role), column);
    if (role.kind === 'field') columns.field[role.field] = column;
    else if (role.kind === 'choice') columns.choices.push({ letter: role.letter, column });
    else columns.choiceExplanations.set(role.letter, column);
  };
  for (const [column, role] of mapping?.roles ?? []) assign(role, column);
  const mapped = new Set(claimed.keys());
  names.forEach((name, column) => {
    if (mapping?.roles.has(column)) return;
    if (name === '' && column !== tagsColumn) return; // an unnamed column, e.g. a trailing separator in the header
    const role: Role | undefined = column === tagsColumn ? { kind: 'field', field: 'tags' } : roleOf(name);
    if (!role) {
      warnings.push({ file, field: name, message: 'is not a known column; ignored' });
      return;
    }
    const key = roleKey(role);
    if (mapped.has(key) || (role.kind === 'choice' && mapping?.mapsChoices)) {
      warnings.push({ file, field: name, message: `is not used: the mapping takes ${role.kind === 'field' ? role.field : 'the choices'} from other columns` });
      return;
    }
    const earlier = claimed.get(key);
    if (earlier !== undefined) {
      problems.push({ file, field: name, message: `means the same as column '${names[earlier] ?? ''}'; keep one of them` });
      return;
    }
    assign(role, column);
  });
  columns.choices.sort((a, b) => a.letter - b.letter);
  for (const [letter, column] of columns.choiceExplanations) {
    if (!columns.choices.some((c) => c.letter === letter)) {
      warnings.push({ file, field: names[column] ?? '', message: `explains choice ${letterOf(letter)}, but there is no choice ${letterOf(letter)} column; ignored` });
    }
  }
  if (columns.field.stem === undefined) problems.push({ file, field: 'stem', message: "no stem column: name one 'stem' or 'question', or map one (stem=<column>)" });
  if (columns.choices.length < 2) {
    problems.push({
      file,
      field: 'choices',
      message: `needs at least two choice columns (A, B, … or choice_a, choice_b, …), or a mapping that names them (choices=opa,opb,…); found ${columns.choices.length} among ${names.filter(Boolean).join(', ')}`,
    });
  }
  if (columns.field.answer === undefined) problems.push({ file, field: 'answer', message: "no answer column: name one 'answer', or map one (answer=<column>)" });
  return { columns, problems, warnings };
}

/** Problems name fields as the file spells its columns (a `Question` column → "Question: must not be empty"). */
function fieldNamesOf(columns: Columns): Partial<Record<string, string>> {
  const names: Partial<Record<string, string>> = {};
  for (const [field, column] of Object.entries(columns.field)) names[field] = columns.names[column];
  return names;
}

// ---------------------------------------------------------------------------------------------------------------
// Values

interface PresentChoice {
  letter: number;
  text: string;
  explanation?: string;
}

/**
 * A letter names a choice column as the user sees it in the spreadsheet; it becomes that choice's position among the
 * row's non-empty choices (the same letter unless a column in between is empty). A number is the choice column's
 * index, counted from 0 or 1 as the whole file does (see answerBase). The exact text of a choice becomes its letter.
 * Anything else goes through unchanged for validateItems to report.
 */
function answerOf(cell: string, present: PresentChoice[], columns: Columns, base: number): { answer: string } | { error: string } {
  const raw = answerToken(cell);
  const index = /^\d+$/.test(raw) ? Number(raw) - base : undefined;
  if (/^[a-z]$/i.test(raw) || (index !== undefined && index >= 0 && index < columns.choices.length)) {
    const letter = index === undefined ? raw.toUpperCase().charCodeAt(0) - 65 : columns.choices[index]!.letter;
    const name = index === undefined ? raw.toUpperCase() : `${raw} (${letterOf(index)})`;
    const position = present.findIndex((c) => c.letter === letter);
    if (position >= 0) return { answer: letterOf(position) };
    if (columns.choices.some((c) => c.letter === letter)) return { error: `'${name}' names choice ${letterOf(index ?? letter)}, which is empty on this row` };
    return { answer: raw.toUpperCase() };
  }
  if (index !== undefined) {
    return { error: `'${raw}' is not a choice number: the file counts choices from ${base}, so use ${base}–${columns.choices.length - 1 + base}` };
  }
  const position = present.findIndex((c) => c.text === cell);
  if (position >= 0) return { answer: letterOf(position) };
  const last = letterOf(Math.max(0, present.length - 1));
  return { error: `'${cell}' is not a choice: give its letter (A–${last}), its number or its exact text` };
}

/**
 * The letter or number inside the forms public files write an answer in: "(C)", "C)", "C.", "C:" are the letter C,
 * and "2.0" (pandas writes a whole-number column holding a gap as floats) is 2. Anything else is left as written.
 */
function answerToken(cell: string): string {
  const letter = /^\(?([a-z])\s*[).:]?$/i.exec(cell)?.[1];
  if (letter) return letter;
  const number = /^(\d+)(?:\.0+)?$/.exec(cell)?.[1];
  return number ?? cell;
}

interface RowContext {
  file: string;
  columns: Columns;
  fieldNames: Partial<Record<string, string>>;
  separator: string;
  /** Anki writes tags separated by spaces; spreadsheets use ; or , */
  anki: boolean;
  /** What a numeric answer counts from: 0 (first choice = 0) or 1. */
  answerBase: number;
}

function rowItem(record: CsvRecord, ctx: RowContext): RawItem | Problem {
  const { file, columns } = ctx;
  const { line, fields } = record;
  const extra = fields.slice(columns.names.length);
  // Trailing empty fields (a separator at the end of each row) are harmless; text past the last column is not.
  if (extra.some((f) => f.trim() !== '')) {
    return {
      file,
      line,
      message: `has ${fields.length} fields but the header has ${columns.names.length} columns; put a field that contains a ${separatorName(ctx.separator)} in double quotes`,
    };
  }
  const cell = (column: number | undefined): string | undefined => {
    const value = column === undefined ? undefined : fields[column]?.trim();
    return value ? value : undefined;
  };
  const get = (field: FieldKey) => cell(columns.field[field]);

  const present: PresentChoice[] = [];
  for (const { letter, column } of columns.choices) {
    const text = cell(column);
    const explanation = cell(columns.choiceExplanations.get(letter));
    if (text !== undefined) present.push({ letter, text, ...(explanation !== undefined ? { explanation } : {}) });
  }
  const answerRaw = get('answer');
  const answer = answerRaw === undefined ? undefined : answerOf(answerRaw, present, columns, ctx.answerBase);
  if (answer && 'error' in answer) return { file, line, field: ctx.fieldNames.answer ?? 'answer', message: answer.error };

  const stem = get('stem');
  const tags = get('tags');
  const difficulty = get('difficulty');
  const exam = get('exam');
  const references = get('references');
  const value: Record<string, unknown> = {
    id: get('id') ?? (stem !== undefined ? contentId('csv', stem) : `line-${line}`),
    stem,
    choices: present.map(({ text, explanation }) => (explanation !== undefined ? { text, explanation } : { text })),
    answer: answer?.answer,
    explanation: get('explanation'),
    objective: get('objective'),
    exam: exam === undefined ? undefined : normaliseExam(exam),
    discipline: get('discipline'),
    system: get('system'),
    topic: get('topic'),
    tags: tags === undefined ? [] : splitList(tags, ctx.anki ? /[\s;,]+/ : /[;,]/),
    difficulty: difficulty === undefined ? undefined : difficultyFrom(difficulty),
    references: references === undefined ? [] : splitList(references, /;/),
  };
  // Absent keys, not `undefined` values: the schema then applies its defaults and says "is missing" for required ones.
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return get('id') === undefined ? { line, value, derivedId: true } : { line, value };
}

// ---------------------------------------------------------------------------------------------------------------
// The importer

/**
 * Whether numeric answers count from 0 or 1, decided once for the file: a 0 anywhere means 0-based; an answer equal
 * to the number of choice columns means 1-based. When neither occurs (a short file) 0-based is assumed, and said so.
 */
function answerBase(records: CsvRecord[], columns: Columns, file: string, warnings: Problem[]): number {
  const column = columns.field.answer;
  if (column === undefined) return 0;
  let numbers = 0;
  let oneBased = false;
  for (const r of records) {
    const cell = answerToken(r.fields[column]?.trim() ?? '');
    if (!/^\d+$/.test(cell)) continue;
    numbers++;
    const n = Number(cell);
    if (n === 0) return 0;
    if (n === columns.choices.length) oneBased = true;
  }
  if (oneBased) return 1;
  if (numbers > 0) {
    warnings.push({
      file,
      field: columns.names[column] ?? 'answer',
      message: `answers are numbers but none is 0 or ${columns.choices.length}, so it is not clear whether they count from 0 or 1; read as 0 = first choice (check a question)`,
    });
  }
  return 0;
}

export function parseCsv(group: SourceGroup, map: Record<string, string> = {}): ParsedSource {
  const file = group.name;
  const source = group.files[0];
  const text = source ? decodeText(file, source.bytes) : '';
  const header = readFileHeader(file, text);
  const result: ParsedSource = {
    format: 'csv',
    file,
    pack: { id: slugFromFile(file), title: titleFromFile(file), version: '1', description: 'Imported from a CSV file.', license: '', author: '' },
    items: [],
    files: new Map(),
    problems: header.problems,
    warnings: header.warnings,
  };
  if (header.problems.length) return result;

  const isTsv = extensionOf(file) === 'tsv' || extensionOf(source?.path ?? '') === 'tsv';
  const separator = header.separator ?? (isTsv ? '\t' : detectSeparator(header.columns ?? firstNonBlankLine(text, header.bodyOffset)));
  const tokens = tokenizeCsv(text.slice(header.bodyOffset), separator, header.bodyLine);
  const unclosed: Problem[] =
    tokens.unclosedLine === undefined ? [] : [{ file, line: tokens.unclosedLine, message: 'unclosed quote: a field opened with " never ends' }];

  // With #columns: the names come from that line and every record is a question; otherwise the first record names them.
  const records = tokens.records;
  const names = header.columns ? (tokenizeCsv(header.columns, separator).records[0]?.fields ?? []) : (records.shift()?.fields ?? []);
  if (names.length === 0) {
    // Nothing but blank lines (or a quote left open before the first row): the pipeline reports an empty file.
    result.problems.push(...unclosed);
    return result;
  }
  const trimmed = names.map((n) => n.trim());
  const mapping = Object.keys(map).length ? readCsvMapping(file, trimmed, map) : undefined;
  if (mapping?.problems.length) {
    result.problems.push(...mapping.problems);
    return result;
  }
  const mapped = mapColumns(file, trimmed, header.tagsColumn, mapping);
  const fieldNames = fieldNamesOf(mapped.columns);
  result.fieldNames = fieldNames;
  result.warnings.push(...mapped.warnings);
  if (mapped.problems.length) {
    result.problems.push(...mapped.problems, ...unclosed);
    return result;
  }

  const base = answerBase(records, mapped.columns, file, result.warnings);
  const ctx: RowContext = { file, columns: mapped.columns, fieldNames, separator, anki: header.anki, answerBase: base };
  for (const record of records) {
    const item = rowItem(record, ctx);
    if ('value' in item) result.items.push(item);
    else result.problems.push(item);
  }
  result.problems.push(...unclosed);
  return result;
}

/** For messages: "tab" reads better than an invisible character. */
function separatorName(separator: string): string {
  return SEPARATOR_NAMES[separator] ?? `'${separator}'`;
}
