/** Turning picked or dropped files into `{ path, base64 }` for packs:import (browser mode and drag and drop). */

export interface UploadFile {
  path: string;
  base64: string;
}

const CHUNK = 32 * 1024;

/** Base64 of any size: the binary string is built 32 KB at a time, so no call gets millions of arguments. */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  }
  return btoa(parts.join(''));
}

export async function readUpload(file: File, path?: string): Promise<UploadFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { path: path ?? (file.webkitRelativePath || file.name), base64: bytesToBase64(bytes) };
}

/** Hidden files and OS litter (.DS_Store, Thumbs.db, .obsidian settings) never belong in an import. */
function isLitter(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.') || part === 'Thumbs.db' || part === '__MACOSX');
}

export async function readFileList(files: Iterable<File>): Promise<UploadFile[]> {
  const list = [...files].filter((f) => !isLitter(f.webkitRelativePath || f.name));
  return Promise.all(list.map((f) => readUpload(f)));
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function readAllEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries returns at most ~100 entries per call; keep asking until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, out: { file: File; path: string }[]): Promise<void> {
  const path = entry.fullPath.replace(/^\/+/, '');
  if (isLitter(path)) return;
  if (entry.isFile) out.push({ file: await entryFile(entry as FileSystemFileEntry), path });
  else if (entry.isDirectory) for (const child of await readAllEntries(entry as FileSystemDirectoryEntry)) await walk(child, out);
}

/** Dropped files and folders; folders are walked so their files keep their relative paths. */
export async function readDrop(data: DataTransfer): Promise<UploadFile[]> {
  const entries = [...data.items].map((item) => item.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => e !== null && e !== undefined);
  if (entries.length === 0) return readFileList(data.files);
  const found: { file: File; path: string }[] = [];
  for (const entry of entries) await walk(entry, found);
  return Promise.all(found.map((f) => readUpload(f.file, f.path)));
}

export function describeUploads(files: UploadFile[]): string {
  const roots = [...new Set(files.map((f) => f.path.split('/')[0]!))];
  const size = files.reduce((n, f) => n + Math.floor((f.base64.length * 3) / 4), 0);
  const mb = size / (1024 * 1024);
  const sizeText = mb >= 1 ? `${mb.toFixed(1)} MB` : `${Math.max(1, Math.round(size / 1024))} KB`;
  const what = roots.length <= 3 ? roots.join(', ') : `${roots.slice(0, 3).join(', ')} and ${roots.length - 3} more`;
  return `${what} (${files.length} file${files.length === 1 ? '' : 's'}, ${sizeText})`;
}
