/** What the user hands us → virtual files: strict UTF-8 decoding, checked unzipping, path and upload grouping. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeText, extensionOf, groupsFromPaths, groupsFromUploads, isZip, unzipChecked, type SourceGroup } from '../../../src/main/core/bank/sources';
import { LIMITS } from '../../../src/shared/pack';
import { AppError } from '../../../src/shared/result';
import { FIXTURES, tempDir } from '../../helpers/db';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]) => {
  const chunks = parts.map((p) => (typeof p === 'string' ? utf8(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};
const MTIME = new Date(Date.UTC(2026, 0, 1));
const zip = (entries: Record<string, string | Uint8Array>, level: 0 | 6 = 6) =>
  zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, typeof v === 'string' ? utf8(v) : v])), { mtime: MTIME, level });

/** Runs fn and returns the AppError it throws (failing the test if it throws anything else, or nothing). */
function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError, but nothing was thrown');
}

/**
 * Rewrites the uncompressed size an entry declares, in both its local header and the central directory, as a crafted
 * archive would. Walks the real structure (end record → central directory) rather than searching for signatures.
 */
function declareSize(archive: Uint8Array, entry: string, size: number): Uint8Array {
  const out = archive.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let end = out.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let found = false;
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('bad central directory');
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = new TextDecoder().decode(out.subarray(at + 46, at + 46 + nameLength));
    if (name === entry) {
      view.setUint32(at + 24, size, true);
      const local = view.getUint32(at + 42, true);
      view.setUint32(local + 22, size, true);
      found = true;
    }
    at += 46 + nameLength + extra + comment;
  }
  if (!found) throw new Error(`no entry ${entry}`);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------

describe('decodeText', () => {
  it('drops a byte-order mark and normalises CRLF and CR to LF', () => {
    expect(decodeText('a.csv', bytes([0xef, 0xbb, 0xbf], 'id,stem\r\nq1,Fever\r\n'))).toBe('id,stem\nq1,Fever\n');
    expect(decodeText('a.csv', utf8('one\rtwo\r\nthree\n'))).toBe('one\ntwo\nthree\n');
    // A BOM-like character later in the text is content, not a mark.
    expect(decodeText('a.txt', utf8('x\uFEFFy'))).toBe('x\uFEFFy');
  });

  it('keeps multi-byte characters', () => {
    expect(decodeText('a.json', utf8('Na⁺/K⁺ — café 😀'))).toBe('Na⁺/K⁺ — café 😀');
  });

  it('reports the line and byte of an invalid byte', () => {
    const error = appError(() => decodeText('bank.csv', bytes('id,stem\nq1,ok\nq2,caf', [0xff], 'e\n')));
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.message).toBe('bank.csv: line 3: the file is not valid UTF-8');
    expect(error.details).toEqual([{ file: 'bank.csv', line: 3, message: 'not valid UTF-8 (byte 20); save the file as UTF-8' }]);
  });

  it('counts from line 1 and byte 0', () => {
    expect(appError(() => decodeText('a.csv', bytes([0x80], 'abc'))).details).toEqual([{ file: 'a.csv', line: 1, message: 'not valid UTF-8 (byte 0); save the file as UTF-8' }]);
  });

  it.each([
    ['an overlong encoding', [0xc0, 0xaf]],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a Latin-1 é', [0xe9, 0x20]],
  ])('rejects %s on the right line', (_name, bad) => {
    const error = appError(() => decodeText('a.md', bytes('line one\nline two\n', bad, ' tail\n')));
    expect(error.details).toHaveLength(1);
    expect(error.details![0]).toMatchObject({ file: 'a.md', line: 3 });
  });

  it('puts a sequence cut short by a line break on the line it starts on', () => {
    expect(appError(() => decodeText('a.md', bytes('ab', [0xe2, 0x82], '\nnext\n'))).details![0]).toMatchObject({ line: 1 });
  });

  it('puts a sequence cut short by the end of the file on the last line', () => {
    expect(appError(() => decodeText('a.md', bytes('ok\nab', [0xe2, 0x82]))).details![0]).toMatchObject({ line: 2 });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('unzipChecked', () => {
  it('returns the files, skipping folders, dot files and __MACOSX', () => {
    const archive = zip({
      'pack.json': '{}',
      'media/ecg.svg': '<svg/>',
      'media/.DS_Store': 'x',
      '.hidden/secret.json': 'x',
      '__MACOSX/._pack.json': 'x',
      'a..b/notes..md': 'two dots inside a name are fine',
    });
    const files = unzipChecked('pack.zip', archive);
    expect(files.map((f) => f.path).sort()).toEqual(['a..b/notes..md', 'media/ecg.svg', 'pack.json']);
    expect(new TextDecoder().decode(files.find((f) => f.path === 'media/ecg.svg')!.bytes)).toBe('<svg/>');
  });

  it.each(['../evil.json', 'media/../../evil.json', '..', 'media\\..\\..\\evil.json', '/etc/passwd', '/pack.json', 'C:/Windows/evil.dll', 'c:evil.json'])(
    'rejects the entry %s',
    (entry) => {
      const error = appError(() => unzipChecked('pack.zip', zip({ 'pack.json': '{}', [entry]: 'pwned' })));
      expect(error.code).toBe('IMPORT_INVALID');
      expect(error.message).toBe('pack.zip: zip entry escapes the pack (absolute path or "..")');
      expect(error.details).toEqual([{ file: 'pack.zip', field: entry, message: 'zip entry escapes the pack (absolute path or "..")' }]);
    },
  );

  it('lists every escaping entry, not just the first', () => {
    const error = appError(() => unzipChecked('pack.zip', zip({ '../a.json': 'x', 'pack.json': '{}', '/b.json': 'y' })));
    expect(error.details!.map((p) => p.field)).toEqual(['../a.json', '/b.json']);
  });

  it('rejects a declared uncompressed total over 200 MB, naming the entry that crossed it', () => {
    const half = LIMITS.packBytes / 2 + 1;
    const archive = declareSize(declareSize(zip({ 'pack.json': '{}', 'media/a.png': 'a', 'media/b.png': 'b' }), 'media/a.png', half), 'media/b.png', half);
    const error = appError(() => unzipChecked('big.zip', archive));
    expect(error.message).toBe('big.zip: uncompressed size exceeds the 200 MB pack limit');
    expect(error.details).toEqual([{ file: 'big.zip', field: 'media/b.png', message: 'uncompressed size exceeds the 200 MB pack limit (zip bomb?)' }]);
  });

  it('checks the declared sizes before inflating anything', () => {
    // 4 GB declared over a few bytes of data: inflating first would try to allocate the declared size.
    const archive = declareSize(zip({ 'pack.json': '{}', 'media/a.png': 'tiny' }), 'media/a.png', 0xfffffff0);
    expect(appError(() => unzipChecked('lie.zip', archive)).details).toEqual([
      { file: 'lie.zip', field: 'media/a.png', message: 'uncompressed size exceeds the 200 MB pack limit (zip bomb?)' },
    ]);
  });

  it('never yields more than an entry declares', () => {
    // The opposite lie: 100 KB of data declared as 10 bytes. Output is bounded by the (checked) declared size, or refused.
    const archive = declareSize(zip({ 'pack.json': '{}', 'media/a.svg': 'x'.repeat(100_000) }), 'media/a.svg', 10);
    const outcome = (() => {
      try {
        return unzipChecked('lie.zip', archive).find((f) => f.path === 'media/a.svg')!.bytes.length;
      } catch (error) {
        if (error instanceof AppError) return 'refused';
        throw error;
      }
    })();
    expect(outcome === 'refused' || outcome <= 10, `got ${outcome}`).toBe(true);
  });

  it('rejects the zip bomb fixture (300 MB of zeros in ~300 KB)', () => {
    const archive = readFileSync(join(FIXTURES, 'hostile/zip-bomb.zip'));
    expect(archive.length).toBeLessThan(1024 * 1024);
    expect(appError(() => unzipChecked('zip-bomb.zip', archive)).details).toEqual([
      { file: 'zip-bomb.zip', field: 'media/padding.png', message: 'uncompressed size exceeds the 200 MB pack limit (zip bomb?)' },
    ]);
  });

  it('rejects bytes that only start like a zip', () => {
    const error = appError(() => unzipChecked('broken.zip', bytes([0x50, 0x4b, 0x03, 0x04], 'garbage'.repeat(10))));
    expect(error.message).toBe('broken.zip is not a readable zip archive');
    expect(error.details).toEqual([{ file: 'broken.zip', message: expect.stringMatching(/^not a readable zip archive \(.+\)$/) }]);
  });
});

describe('isZip and extensionOf', () => {
  it('knows a zip by its signature, not its name', () => {
    expect(isZip(zip({ 'a.txt': 'a' }))).toBe(true);
    expect(isZip(utf8('PK'))).toBe(false);
    expect(isZip(utf8('{"format": "vignette-pack/1"}'))).toBe(false);
    expect(isZip(new Uint8Array(0))).toBe(false);
  });

  it('lower-cases the last extension', () => {
    expect(extensionOf('Bank.CSV')).toBe('csv');
    expect(extensionOf('pack.tar.gz')).toBe('gz');
    expect(extensionOf('README')).toBe('');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('groupsFromUploads', () => {
  const upload = (path: string, content: string | Uint8Array) => ({ path, base64: Buffer.from(typeof content === 'string' ? utf8(content) : content).toString('base64') });
  const shape = (groups: SourceGroup[]) =>
    groups.map((g) => ({ name: g.name, kind: g.kind, files: g.files.map((f) => [f.path, new TextDecoder().decode(f.bytes)]) }));

  it('keeps top-level files single and groups files under a common folder', () => {
    const groups = groupsFromUploads([
      upload('my-pack/pack.json', '{"format":"vignette-pack/1"}'),
      upload('bank.csv', 'id,stem'),
      upload('my-pack/media/ecg.svg', '<svg/>'),
      upload('Vault\\Cardiology\\Heart failure.md', '# HF'),
      upload('/leading/slash.json', '[]'),
      upload('medqa.jsonl', '{}'),
    ]);
    expect(shape(groups)).toEqual([
      { name: 'bank.csv', kind: 'file', files: [['bank.csv', 'id,stem']] },
      { name: 'medqa.jsonl', kind: 'file', files: [['medqa.jsonl', '{}']] },
      {
        name: 'my-pack',
        kind: 'folder',
        files: [
          ['pack.json', '{"format":"vignette-pack/1"}'],
          ['media/ecg.svg', '<svg/>'],
        ],
      },
      { name: 'Vault', kind: 'folder', files: [['Cardiology/Heart failure.md', '# HF']] },
      { name: 'leading', kind: 'folder', files: [['slash.json', '[]']] },
    ]);
  });

  it('opens an uploaded zip, with the same checks as a zip on disk', () => {
    const [group] = groupsFromUploads([upload('pack.zip', zip({ 'p/pack.json': '{}', 'p/media/a.svg': '<svg/>' }))]);
    expect(group!.name).toBe('pack.zip');
    expect(group!.kind).toBe('zip');
    expect(group!.files.map((f) => f.path).sort()).toEqual(['p/media/a.svg', 'p/pack.json']);
    const error = appError(() => groupsFromUploads([upload('evil.zip', zip({ 'pack.json': '{}', '../evil.json': 'x' }))]));
    expect(error.details).toEqual([{ file: 'evil.zip', field: '../evil.json', message: 'zip entry escapes the pack (absolute path or "..")' }]);
  });
});

describe('groupsFromPaths', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir('vignette-sources-');
  });
  afterEach(() => tmp.cleanup());

  it('reads a file, a folder (without dot files) and a zip', () => {
    const file = join(tmp.dir, 'bank.csv');
    writeFileSync(file, 'id,stem\n');
    const folder = join(tmp.dir, 'my-pack');
    mkdirSync(join(folder, 'media'), { recursive: true });
    mkdirSync(join(folder, '.git'), { recursive: true });
    writeFileSync(join(folder, 'pack.json'), '{}');
    writeFileSync(join(folder, 'media/ecg.svg'), '<svg/>');
    writeFileSync(join(folder, '.DS_Store'), 'x');
    writeFileSync(join(folder, '.git/HEAD'), 'ref');
    const archive = join(tmp.dir, 'pack.zip');
    writeFileSync(archive, zip({ 'pack.json': '{}' }));

    const groups = groupsFromPaths([file, folder, archive]);
    expect(groups.map((g) => [g.name, g.kind, g.files.map((f) => f.path).sort()])).toEqual([
      ['bank.csv', 'file', ['bank.csv']],
      ['my-pack', 'folder', ['media/ecg.svg', 'pack.json']],
      ['pack.zip', 'zip', ['pack.json']],
    ]);
  });

  it('says which path does not exist', () => {
    const missing = join(tmp.dir, 'nope.json');
    const error = appError(() => groupsFromPaths([missing]));
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.details).toEqual([{ file: missing, message: 'does not exist' }]);
  });
});
