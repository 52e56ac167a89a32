import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { decompress } from 'fzstd';
import { describe, expect, it } from 'vitest';
import { readAnkiPackage } from '../../../../src/main/core/srs/anki/read';
import { zstdDecompress } from '../../../../src/main/core/srs/anki/zstd';
import { buildPackage, pb, PNG, sampleDeck, zstdFrame, type Layout } from '../../../helpers/ankiPackage';

const LAYOUTS: Layout[] = ['legacy1', 'legacy2', 'latest'];

function sqliteWith(sql: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'anki-bad-'));
  try {
    const db = new Database(join(dir, 'x.db'));
    db.exec(sql);
    db.close();
    return new Uint8Array(readFileSync(join(dir, 'x.db')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A zstd frame of RLE blocks: a few KB that claim `blocks` × 128 KB. */
function zstdBomb(blocks: number): Uint8Array {
  const parts = [0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x58]; // no content size; window descriptor (128 MB)
  for (let i = 0; i < blocks; i++) {
    const h = ((128 * 1024) << 3) | (1 << 1) | (i === blocks - 1 ? 1 : 0); // RLE block
    parts.push(h & 0xff, (h >>> 8) & 0xff, (h >>> 16) & 0xff, 0x41);
  }
  return new Uint8Array(parts);
}

describe('zstd frames', () => {
  it('the test writer makes frames fzstd decodes, across several blocks', () => {
    const data = new Uint8Array(300_000).map((_, i) => (i * 7) % 251);
    expect(decompress(zstdFrame(data))).toEqual(data);
    expect(zstdDecompress(zstdFrame(data), 1_000_000)).toEqual(data);
  });
  it('stops decoding past the cap', () => {
    expect(() => zstdDecompress(zstdBomb(20), 1_000_000)).toThrow(/more than/);
  });
});

describe.each(LAYOUTS)('readAnkiPackage (%s)', (layout) => {
  const pkg = readAnkiPackage('deck.apkg', buildPackage(layout, sampleDeck()));

  it('detects the layout and schema', () => {
    expect(pkg.layout).toBe(layout);
    expect(pkg.schema).toBe(layout === 'latest' ? 18 : 11);
  });

  it('reads note types with their kind, fields and templates', () => {
    const kinds = [...pkg.noteTypes.values()].map((nt) => [nt.name, nt.kind, nt.fields.length, nt.templates.length]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['Basic', 'basic', 2, 1],
        ['Basic (and reversed card)', 'basic', 2, 2],
        ['Cloze', 'cloze', 2, 1],
        ['Image Occlusion', 'image-occlusion', 5, 1],
      ]),
    );
    expect(pkg.noteTypes.get(1002)!.templates[1]!.front).toBe('{{Back}}');
  });

  it('reads notes, cards with deck names, review history and media', () => {
    expect(pkg.notes.map((n) => n.id)).toEqual([11, 12, 13, 14]);
    expect(pkg.notes[0]!.fields[0]).toBe('What nerve innervates the diaphragm?');
    expect(pkg.notes[0]!.tags).toEqual(['anatomy', 'high_yield']);
    expect(pkg.cards).toHaveLength(6);
    expect(pkg.cards.find((c) => c.id === 101)!.deck).toBe('Step 1::Cardio');
    expect(pkg.cards.find((c) => c.id === 103)!.queue).toBe(-1);
    expect(pkg.revlog.map((r) => [r.cardId, r.ease])).toEqual([
      [101, 3],
      [104, 3],
      [101, 3],
      [101, 3],
      [104, 1],
      [104, 3],
    ]);
    expect(pkg.media.get('heart.png')).toEqual(PNG);
  });
});

describe('hostile packages are refused with a message naming the file', () => {
  const good = (layout: Layout, members: Record<string, Uint8Array | null>) => buildPackage(layout, sampleDeck(), { members });

  const cases: [string, () => Uint8Array, RegExp][] = [
    ['not a zip', () => new TextEncoder().encode('hello'), /bad\.apkg: is not an Anki package \(not a zip/],
    ['zip slip', () => good('legacy2', { '../../evil.sh': new Uint8Array([1]) }), /bad\.apkg \(\.\.\/\.\.\/evil\.sh\): zip entry escapes/],
    ['zip bomb (declared size)', () => declareHuge(good('legacy2', {})), /bad\.apkg.*exceeds the 1 GB/],
    ['zstd bomb', () => good('latest', { 'collection.anki21b': zstdBomb(4200) }), /bad\.apkg \(collection\.anki21b\): decompresses to more than 512 MB/],
    ['corrupt zstd', () => good('latest', { 'collection.anki21b': new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 9, 9, 9]) }), /collection\.anki21b\): is not valid zstd/],
    ['not SQLite', () => good('legacy2', { 'collection.anki21': new TextEncoder().encode('x'.repeat(200)) }), /bad\.apkg \(collection\.anki21\): is not an SQLite database/],
    ['SQLite without Anki tables', () => good('legacy1', { 'collection.anki2': sqliteWith('CREATE TABLE x (a)') }), /is not an Anki collection \(no col table\)/],
    [
      'unsupported schema',
      () => good('legacy1', { 'collection.anki2': sqliteWith("CREATE TABLE col (ver, models, decks); INSERT INTO col VALUES (99, '{}', '{}'); CREATE TABLE notes (a); CREATE TABLE cards (a)") }),
      /collection schema 99 is not supported/,
    ],
    ['media name with a path', () => good('legacy2', { media: new TextEncoder().encode('{"0": "../../.bashrc"}') }), /media name "\.\.\/\.\.\/\.bashrc" is not a plain file name/],
    ['missing media file', () => good('legacy2', { '0': null }), /media file "heart\.png" \(zip member 0\) is missing/],
    ['missing collection', () => good('legacy2', { 'collection.anki21': null, 'collection.anki2': null }), /has no collection\.anki2; it is not an Anki package/],
    ['unknown package version', () => good('latest', { meta: pb.int(1, 7) }), /\(meta\): package version 7 is not supported/],
    ['bad media list', () => good('latest', { media: zstdFrame(new Uint8Array([0x0a, 0x50, 1])) }), /\(media\): media list is unreadable/],
  ];
  it.each(cases)('%s', (_name, make, message) => {
    let error: unknown;
    try {
      readAnkiPackage('bad.apkg', make());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    expect((error as { details?: { file: string }[] }).details?.[0]?.file).toBe('bad.apkg');
  });
});

/** Rewrites the first central-directory entry to claim a 4 GB uncompressed size. */
function declareHuge(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = out.length - 4; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x02014b50) {
      view.setUint32(i + 24, 0xfffffff0, true);
      return out;
    }
  }
  throw new Error('no central directory');
}
