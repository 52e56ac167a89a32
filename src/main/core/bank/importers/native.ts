/** Native pack v1: a .json file, or a folder / .zip holding pack.json and media/. */
import { packMetaSchema, packSchema, PACK_FORMAT } from '../../../../shared/pack';
import { AppError, type Problem } from '../../../../shared/result';
import type { ParsedSource } from '../draft';
import { decodeText, type SourceGroup } from '../sources';
import { parseJson } from './json';

export function looksNative(group: SourceGroup): boolean {
  if (group.kind !== 'file') return group.files.some((f) => /(^|\/)pack\.json$/.test(f.path));
  const f = group.files[0];
  if (!f || !f.path.toLowerCase().endsWith('.json')) return false;
  const head = new TextDecoder().decode(f.bytes.subarray(0, 2000));
  return head.includes(PACK_FORMAT);
}

export function parseNative(group: SourceGroup): ParsedSource {
  // The pack root is the folder that holds pack.json (a zip often wraps everything in one top folder).
  const manifest =
    group.kind === 'file' ? group.files[0] : group.files.filter((f) => /(^|\/)pack\.json$/.test(f.path)).sort((a, b) => a.path.length - b.path.length)[0];
  if (!manifest) throw new AppError('IMPORT_INVALID', `${group.name}: no pack.json found`, [{ file: group.name, message: 'no pack.json found' }]);
  const root = group.kind === 'file' ? '' : manifest.path.slice(0, manifest.path.length - 'pack.json'.length);
  const file = group.kind === 'file' ? group.name : `${group.name}/${manifest.path}`;
  const data = parseJson(file, decodeText(file, manifest.bytes));
  const top = packSchema.safeParse(data);
  if (!top.success) {
    const problems: Problem[] = top.error.issues.map((i) => ({
      file,
      field: i.path.join('.') || 'format',
      message: i.path[0] === 'format' ? `must be "${PACK_FORMAT}"` : i.message,
    }));
    throw new AppError('IMPORT_INVALID', `${file}: not a valid Vignette pack`, problems);
  }
  const files = new Map<string, Uint8Array>();
  for (const f of group.files) if (f !== manifest && f.path.startsWith(root)) files.set(f.path.slice(root.length), f.bytes);
  return {
    format: 'native',
    file,
    pack: packMetaSchema.parse(top.data.pack),
    items: top.data.questions.map((value, item) => ({ value, item })),
    files,
    problems: [],
    warnings: [],
  };
}
