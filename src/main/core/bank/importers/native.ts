/** Native pack v1: a .json file, or a folder / .zip holding pack.json and media/. */
import { packMetaSchema, packSchema, PACK_FORMAT } from '../../../../shared/pack';
import { AppError, formatProblem, type Problem } from '../../../../shared/result';
import type { ParsedSource } from '../draft';
import { unknownKeys, type KeyFindings } from '../itemChecks';
import { decodeText, type SourceGroup } from '../sources';
import { parseJson } from './json';

export function looksNative(group: SourceGroup): boolean {
  if (group.kind !== 'file') return group.files.some((f) => /(^|\/)pack\.json$/.test(f.path));
  const f = group.files[0];
  if (!f || !f.path.toLowerCase().endsWith('.json')) return false;
  const head = new TextDecoder().decode(f.bytes.subarray(0, 2000));
  return head.includes(PACK_FORMAT);
}

const ENVELOPE_KEYS = Object.keys(packSchema.shape);
const META_KEYS = Object.keys(packMetaSchema.shape);
const FORMAT_VERSION = Number(PACK_FORMAT.split('/')[1]);

/** What a JSON value is, in the words a message needs: "an object", "a number", "null". */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The message for a wrong `format`: a newer version says so, so the user knows to update rather than fix the file. */
function formatMessage(value: unknown): string {
  if (value === undefined) return `is missing; must be "${PACK_FORMAT}"`;
  if (typeof value !== 'string') return `is ${kindOf(value)}; must be the text "${PACK_FORMAT}"`;
  const version = /^vignette-pack\/(\d+)$/.exec(value.trim())?.[1];
  if (version !== undefined && Number(version) > FORMAT_VERSION) {
    return `"${value}" is a newer pack format than this version of Vignette reads ("${PACK_FORMAT}"); update Vignette to import it`;
  }
  return `"${value}" is not a Vignette pack format; must be "${PACK_FORMAT}"`;
}

/** Problems of the pack envelope (format, pack, questions), each naming its field and what was found there. */
function envelopeProblems(file: string, data: unknown): { problems: Problem[]; warnings: Problem[] } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { problems: [{ file, message: `is ${kindOf(data)}, not a Vignette pack: expected an object with "format", "pack" and "questions"` }], warnings: [] };
  }
  const record = data as Record<string, unknown>;
  const keys: KeyFindings = { problems: [], warnings: [], meant: [] };
  unknownKeys(record, ENVELOPE_KEYS, { file }, '', keys);
  unknownKeys(record.pack, META_KEYS, { file }, 'pack', keys);
  // A misspelled key explains the schema's "is missing" for the key it meant: report only the cause.
  const meant = new Set(keys.meant);
  const problems: Problem[] = [...keys.problems];
  const top = packSchema.safeParse(data);
  if (top.success) return { problems, warnings: keys.warnings };
  const reported = new Set<string>();
  for (const issue of top.error.issues) {
    const field = issue.path.join('.') || 'format';
    if (meant.has(field) || reported.has(field)) continue;
    reported.add(field);
    problems.push({ file, field, message: envelopeMessage(record, issue.path.map(String), issue.message) });
  }
  return { problems, warnings: keys.warnings };
}

function envelopeMessage(record: Record<string, unknown>, path: string[], zodMessage: string): string {
  const [head, sub] = path;
  if (head === 'format') return formatMessage(record.format);
  if (head === 'questions') {
    if (record.questions === undefined) return 'is missing; must be a list (JSON array) of questions';
    if (!Array.isArray(record.questions)) return `must be a list (JSON array) of questions; found ${kindOf(record.questions)}`;
    return zodMessage;
  }
  if (head === 'pack' && sub === undefined) {
    return record.pack === undefined ? 'is missing; must be an object with "id", "title" and "version"' : `must be an object with "id", "title" and "version"; found ${kindOf(record.pack)}`;
  }
  const pack = record.pack as Record<string, unknown>;
  if (head === 'pack' && sub !== undefined && pack[sub] === undefined) {
    if (sub === 'id') return 'is missing; give the pack a stable id such as "cardio-basics" (lower-case letters, digits, dot, dash or underscore), so a new version replaces this one';
    return 'is missing';
  }
  return zodMessage;
}

export function parseNative(group: SourceGroup): ParsedSource {
  // The pack root is the folder that holds pack.json (a zip often wraps everything in one top folder).
  const manifest =
    group.kind === 'file' ? group.files[0] : group.files.filter((f) => /(^|\/)pack\.json$/.test(f.path)).sort((a, b) => a.path.length - b.path.length)[0];
  if (!manifest) throw new AppError('IMPORT_INVALID', `${group.name}: no pack.json found`, [{ file: group.name, message: 'no pack.json found' }]);
  const root = group.kind === 'file' ? '' : manifest.path.slice(0, manifest.path.length - 'pack.json'.length);
  const file = group.kind === 'file' ? group.name : `${group.name}/${manifest.path}`;
  const data = parseJson(file, decodeText(file, manifest.bytes));
  const envelope = envelopeProblems(file, data);
  if (envelope.problems.length) {
    const first = formatProblem(envelope.problems[0]!);
    const more = envelope.problems.length - 1;
    throw new AppError('IMPORT_INVALID', `not a valid Vignette pack: ${first}${more ? ` (and ${more} more)` : ''}`, envelope.problems);
  }
  const top = packSchema.parse(data);
  const files = new Map<string, Uint8Array>();
  for (const f of group.files) if (f !== manifest && f.path.startsWith(root)) files.set(f.path.slice(root.length), f.bytes);
  return {
    format: 'native',
    file,
    pack: packMetaSchema.parse(top.pack),
    items: top.questions.map((value, item) => ({ value, item })),
    files,
    problems: [],
    warnings: envelope.warnings,
  };
}
