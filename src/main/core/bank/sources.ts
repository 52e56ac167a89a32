/**
 * What the user handed us, as a list of virtual files: from paths on disk (CLI, Electron dialog) or from bytes sent by
 * the renderer. Zip archives are opened here, with their entry paths and uncompressed sizes checked before extracting.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { LIMITS } from '../../../shared/pack';
import { AppError } from '../../../shared/result';

export interface VirtualFile {
  /** Path relative to what the user picked, with forward slashes (e.g. my-pack/media/ecg.svg). */
  path: string;
  bytes: Uint8Array;
}

/** One thing the user picked: a file, a folder or an archive, with its files. */
export interface SourceGroup {
  /** Name shown in messages: the file or folder name as picked. */
  name: string;
  kind: 'file' | 'folder' | 'zip';
  files: VirtualFile[];
}

const tooBig = (name: string) => new AppError('IMPORT_INVALID', `${name} is larger than the 200 MB pack limit`, [{ file: name, message: 'larger than the 200 MB pack limit' }]);

function walk(dir: string, root: string, out: VirtualFile[], budget: { bytes: number; name: string }): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue; // .obsidian, .DS_Store, .git
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, root, out, budget);
    else if (entry.isFile()) {
      budget.bytes += statSync(full).size;
      if (budget.bytes > LIMITS.packBytes) throw tooBig(budget.name);
      out.push({ path: relative(root, full).split('\\').join('/'), bytes: readFileSync(full) });
    }
  }
}

export function groupsFromPaths(paths: string[]): SourceGroup[] {
  return paths.map((path) => {
    const name = basename(path);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new AppError('IMPORT_INVALID', `${path} does not exist`, [{ file: path, message: 'does not exist' }]);
    }
    if (stat.isDirectory()) {
      const files: VirtualFile[] = [];
      walk(path, path, files, { bytes: 0, name });
      return { name, kind: 'folder' as const, files };
    }
    if (stat.size > LIMITS.packBytes) throw tooBig(name);
    return groupFromBytes(name, readFileSync(path));
  });
}

/** Files sent from the renderer: top-level files stay single; files under a common folder form one folder group. */
export function groupsFromUploads(files: { path: string; base64: string }[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  const singles: SourceGroup[] = [];
  let total = 0;
  for (const file of files) {
    const bytes = Buffer.from(file.base64, 'base64');
    total += bytes.length;
    if (total > LIMITS.packBytes) throw tooBig(file.path);
    const path = file.path.replace(/\\/g, '/').replace(/^\/+/, '');
    if (path.split('/').includes('..') || /^[a-zA-Z]:/.test(path)) {
      throw new AppError('IMPORT_INVALID', `${file.path}: file paths may not contain ".." or a drive`, [{ file: file.path, message: 'path escapes the picked folder' }]);
    }
    const slash = path.indexOf('/');
    if (slash < 0) {
      singles.push(groupFromBytes(path, bytes));
      continue;
    }
    const folder = path.slice(0, slash);
    let group = groups.get(folder);
    if (!group) groups.set(folder, (group = { name: folder, kind: 'folder', files: [] }));
    group.files.push({ path: path.slice(slash + 1), bytes });
  }
  return [...singles, ...groups.values()];
}

function groupFromBytes(name: string, bytes: Uint8Array): SourceGroup {
  if (isZip(bytes)) return { name, kind: 'zip', files: unzipChecked(name, bytes) };
  return { name, kind: 'file', files: [{ path: name, bytes }] };
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Unzips after checking every entry: no path escaping the pack, and the declared uncompressed total within limits. */
export function unzipChecked(name: string, bytes: Uint8Array): VirtualFile[] {
  let declared = 0;
  const problems: { file: string; field: string; message: string }[] = [];
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter(file) {
        const entry = file.name;
        if (entry.startsWith('/') || /^[a-zA-Z]:/.test(entry) || entry.split(/[\\/]/).includes('..')) {
          problems.push({ file: name, field: entry, message: 'zip entry escapes the pack (absolute path or "..")' });
          return false;
        }
        declared += file.originalSize;
        if (declared > LIMITS.packBytes) {
          problems.push({ file: name, field: entry, message: 'uncompressed size exceeds the 200 MB pack limit (zip bomb?)' });
          throw new AppError('IMPORT_INVALID', `${name}: uncompressed size exceeds the 200 MB pack limit`, problems);
        }
        return !entry.endsWith('/');
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('IMPORT_INVALID', `${name} is not a readable zip archive`, [{ file: name, message: `not a readable zip archive (${(error as Error).message})` }]);
  }
  if (problems.length) throw new AppError('IMPORT_INVALID', `${name}: ${problems[0]!.message}`, problems);
  let actual = 0;
  const files: VirtualFile[] = [];
  for (const [path, data] of Object.entries(entries)) {
    actual += data.length;
    if (actual > LIMITS.packBytes) throw tooBig(name);
    if (path.split('/').some((part) => part.startsWith('.')) || path.startsWith('__MACOSX/')) continue;
    files.push({ path, bytes: data });
  }
  return files;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 strictly (a bad byte is an error naming the file), drops a BOM and normalises line ends. */
export function decodeText(file: string, bytes: Uint8Array): string {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = countLines(bytes, offset);
    throw new AppError('IMPORT_INVALID', `${file}: line ${line}: the file is not valid UTF-8`, [
      { file, line, message: `not valid UTF-8 (byte ${offset}); save the file as UTF-8` },
    ]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.replace(/\r\n?/g, '\n');
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the shortest invalid prefix; decoding a prefix may fail on a cut sequence, so back off 3 bytes.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return Math.max(0, lo - 1);
}

export function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? '' : path.slice(dot + 1).toLowerCase();
}
