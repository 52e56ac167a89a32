/**
 * Builds small Anki packages the way Anki lays them out, for tests: the collection is a real SQLite file created
 * with better-sqlite3 (schema 11 for legacy packages, schema 18 with protobuf configs and `unicase` name columns for
 * current ones), zipped with fflate; current packages are zstd-compressed with raw (stored) zstd blocks, which is a
 * valid frame any decoder reads (fzstd is a decoder only).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { zipSync, type Zippable } from 'fflate';

export type Layout = 'legacy1' | 'legacy2' | 'latest';

export interface NoteTypeSpec {
  id: number;
  name: string;
  cloze?: boolean;
  /** Anki's OriginalStockKind; 6 = image occlusion. */
  stockKind?: number;
  fields: string[];
  templates: { name: string; front: string; back: string }[];
}
export interface NoteSpec {
  id: number;
  /** Anki's globally unique note id; `guid<id>` when absent. */
  guid?: string;
  mid: number;
  fields: string[];
  tags?: string[];
}
export interface CardSpec {
  id: number;
  nid: number;
  did: number;
  ord: number;
  type?: number;
  queue?: number;
  due?: number;
  ivl?: number;
  factor?: number;
  reps?: number;
  lapses?: number;
  /** The card's home deck while it sits in a filtered deck (did is then the filtered deck). */
  odid?: number;
}
export interface RevSpec {
  id: number;
  cid: number;
  ease: number;
  type: number;
  ivl?: number;
  lastIvl?: number;
  time?: number;
}
export interface DeckSpec {
  noteTypes: NoteTypeSpec[];
  decks: { id: number; name: string; dyn?: boolean }[];
  notes: NoteSpec[];
  cards: CardSpec[];
  revlog: RevSpec[];
  media: { name: string; bytes: Uint8Array }[];
}

// ---- zstd (raw blocks) and protobuf writers --------------------------------------------------------------

export function zstdFrame(data: Uint8Array): Uint8Array {
  const BLOCK = 128 * 1024;
  const parts: number[] = [0x28, 0xb5, 0x2f, 0xfd, 0xa0]; // magic; single segment, 4-byte content size
  parts.push(data.length & 0xff, (data.length >>> 8) & 0xff, (data.length >>> 16) & 0xff, (data.length >>> 24) & 0xff);
  const header = new Uint8Array(parts);
  const blocks: Uint8Array[] = [header];
  let at = 0;
  do {
    const size = Math.min(BLOCK, data.length - at);
    const last = at + size >= data.length ? 1 : 0;
    const h = (size << 3) | last; // block type 0 = raw
    blocks.push(new Uint8Array([h & 0xff, (h >>> 8) & 0xff, (h >>> 16) & 0xff]), data.subarray(at, at + size));
    at += size;
  } while (at < data.length);
  return concat(blocks);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 128) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}
export const pb = {
  int: (field: number, n: number) => new Uint8Array([...varint(field * 8), ...varint(n)]),
  bytes: (field: number, b: Uint8Array) => concat([new Uint8Array([...varint(field * 8 + 2), ...varint(b.length)]), b]),
  str: (field: number, s: string) => pb.bytes(field, new TextEncoder().encode(s)),
  msg: (...parts: Uint8Array[]) => concat(parts),
};

// ---- collections -------------------------------------------------------------------------------------------

const V11 = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null,
  dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null,
  tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null,
  usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null,
  factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null,
  odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null,
  lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_revlog_cid on revlog (cid);
`;

const V18 = `
CREATE TABLE notetypes (id integer not null primary key, name text not null, mtime_secs integer not null, usn integer not null, config blob not null);
CREATE UNIQUE INDEX idx_notetypes_name ON notetypes (name);
CREATE TABLE fields (ntid integer not null, ord integer not null, name text not null, config blob not null, PRIMARY KEY (ntid, ord)) without rowid;
CREATE UNIQUE INDEX idx_fields_name_ntid ON fields (name, ntid);
CREATE TABLE templates (ntid integer not null, ord integer not null, name text not null, mtime_secs integer not null, usn integer not null,
  config blob not null, PRIMARY KEY (ntid, ord)) without rowid;
CREATE TABLE decks (id integer primary key not null, name text not null, mtime_secs integer not null, usn integer not null, common blob not null, kind blob not null);
CREATE UNIQUE INDEX idx_decks_name ON decks (name);
`;

function writeCollection(path: string, spec: DeckSpec, schema: 11 | 18): void {
  const db = new Database(path);
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = OFF');
  db.transaction(() => fillCollection(db, spec, schema))();
  if (schema === 18) {
    // Anki declares these name columns COLLATE unicase; better-sqlite3 cannot create that, so write it into the schema.
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    for (const table of ['notetypes', 'decks', 'fields']) {
      db.prepare("UPDATE sqlite_master SET sql = replace(sql, 'name text not null', 'name text not null COLLATE unicase') WHERE type = 'table' AND name = ?").run(table);
    }
    db.pragma('writable_schema = OFF');
  }
  db.close();
}

function fillCollection(db: Database.Database, spec: DeckSpec, schema: 11 | 18): void {
  db.exec(V11);
  const models: Record<string, unknown> = {};
  const decks: Record<string, unknown> = {};
  if (schema === 11) {
    for (const nt of spec.noteTypes) {
      models[nt.id] = {
        id: nt.id,
        name: nt.name,
        type: nt.cloze ? 1 : 0,
        ...(nt.stockKind ? { originalStockKind: nt.stockKind } : {}),
        flds: nt.fields.map((name, ord) => ({ name, ord })),
        tmpls: nt.templates.map((t, ord) => ({ name: t.name, ord, qfmt: t.front, afmt: t.back })),
      };
    }
    for (const d of spec.decks) decks[d.id] = { id: d.id, name: d.name, dyn: d.dyn ? 1 : 0 };
  }
  db.prepare('INSERT INTO col VALUES (1, 1600000000, 0, 0, ?, 0, 0, 0, ?, ?, ?, ?, ?)').run(
    schema,
    '{}',
    schema === 11 ? JSON.stringify(models) : '',
    schema === 11 ? JSON.stringify(decks) : '',
    '{}',
    '{}',
  );
  if (schema === 18) {
    db.exec(V18);
    for (const nt of spec.noteTypes) {
      const config = pb.msg(pb.int(1, nt.cloze ? 1 : 0), pb.str(3, '.card {}'), ...(nt.stockKind ? [pb.int(9, nt.stockKind)] : []));
      db.prepare('INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)').run(nt.id, nt.name, config);
      nt.fields.forEach((name, ord) => db.prepare('INSERT INTO fields VALUES (?, ?, ?, ?)').run(nt.id, ord, name, pb.msg(pb.str(3, 'Arial'))));
      nt.templates.forEach((t, ord) => db.prepare('INSERT INTO templates VALUES (?, ?, ?, 0, 0, ?)').run(nt.id, ord, t.name, pb.msg(pb.str(1, t.front), pb.str(2, t.back))));
    }
    for (const d of spec.decks) db.prepare('INSERT INTO decks VALUES (?, ?, 0, 0, ?, ?)').run(d.id, d.name.split('::').join('\x1f'), new Uint8Array(), new Uint8Array());
  }
  for (const n of spec.notes) {
    db.prepare('INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, 0, 0, 0, ?)').run(n.id, n.guid ?? `guid${n.id}`, n.mid, n.tags?.length ? ` ${n.tags.join(' ')} ` : '', n.fields.join('\x1f'), '');
  }
  for (const c of spec.cards) {
    db.prepare('INSERT INTO cards VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 0, ?)').run(
      c.id, c.nid, c.did, c.ord, c.type ?? 0, c.queue ?? 0, c.due ?? 0, c.ivl ?? 0, c.factor ?? 0, c.reps ?? 0, c.lapses ?? 0, c.odid ? c.due ?? 0 : 0, c.odid ?? 0, '',
    );
  }
  for (const r of spec.revlog) {
    db.prepare('INSERT INTO revlog VALUES (?, ?, 0, ?, ?, ?, 0, ?, ?)').run(r.id, r.cid, r.ease, r.ivl ?? 0, r.lastIvl ?? 0, r.time ?? 5000, r.type);
  }
}

function collectionBytes(spec: DeckSpec, schema: 11 | 18): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'anki-build-'));
  try {
    const path = join(dir, 'c.db');
    writeCollection(path, spec, schema);
    return new Uint8Array(readFileSync(path));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface BuildOptions {
  /** Replace or add zip members after the package is laid out (hostile variants). */
  members?: Record<string, Uint8Array | null>;
}

/** The zip members of a package of the given layout, before zipping. */
export function packageMembers(layout: Layout, spec: DeckSpec): Record<string, Uint8Array> {
  const members: Record<string, Uint8Array> = {};
  if (layout === 'latest') {
    members['collection.anki21b'] = zstdFrame(collectionBytes(spec, 18));
    members['collection.anki2'] = collectionBytes({ noteTypes: [], decks: [], notes: [], cards: [], revlog: [], media: [] }, 11);
    members.meta = pb.int(1, 3);
    members.media = zstdFrame(pb.msg(...spec.media.map((m) => pb.bytes(1, pb.msg(pb.str(1, m.name), pb.int(2, m.bytes.length))))));
    spec.media.forEach((m, i) => (members[String(i)] = zstdFrame(m.bytes)));
  } else {
    members[layout === 'legacy1' ? 'collection.anki2' : 'collection.anki21'] = collectionBytes(spec, 11);
    members.media = new TextEncoder().encode(JSON.stringify(Object.fromEntries(spec.media.map((m, i) => [String(i), m.name]))));
    spec.media.forEach((m, i) => (members[String(i)] = m.bytes));
  }
  return members;
}

export function buildPackage(layout: Layout, spec: DeckSpec, options: BuildOptions = {}): Uint8Array {
  const members: Zippable = packageMembers(layout, spec);
  for (const [name, bytes] of Object.entries(options.members ?? {})) {
    if (bytes === null) delete members[name];
    else members[name] = bytes;
  }
  return zipSync(members, { level: 1 });
}

// ---- a small sample deck: basic, reversed, cloze and image-occlusion notes, one image, review history ----------

/** A real 1×1 PNG. */
export const PNG = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));

const DAY = 86_400_000;
/** 2026-01-05 10:00 UTC, a review time well inside a study day. */
export const T0 = Date.UTC(2026, 0, 5, 10);

export function sampleDeck(): DeckSpec {
  return {
    noteTypes: [
      { id: 1001, name: 'Basic', fields: ['Front', 'Back'], templates: [{ name: 'Card 1', front: '{{Front}}', back: '{{FrontSide}}<hr id=answer>{{Back}}' }] },
      {
        id: 1002,
        name: 'Basic (and reversed card)',
        fields: ['Front', 'Back'],
        templates: [
          { name: 'Card 1', front: '{{Front}}', back: '{{FrontSide}}<hr id=answer>{{Back}}' },
          { name: 'Card 2', front: '{{Back}}', back: '{{FrontSide}}<hr id=answer>{{Front}}' },
        ],
      },
      { id: 1003, name: 'Cloze', cloze: true, fields: ['Text', 'Back Extra'], templates: [{ name: 'Cloze', front: '{{cloze:Text}}', back: '{{cloze:Text}}<br>{{Back Extra}}' }] },
      {
        id: 1004,
        name: 'Image Occlusion',
        cloze: true,
        stockKind: 6,
        fields: ['Occlusion', 'Image', 'Header', 'Back Extra', 'Comments'],
        templates: [{ name: 'Image Occlusion', front: '{{cloze:Occlusion}}', back: '{{cloze:Occlusion}}' }],
      },
    ],
    decks: [
      { id: 1, name: 'Default' },
      { id: 2, name: 'Step 1::Cardio' },
    ],
    notes: [
      { id: 11, mid: 1001, fields: ['What nerve innervates the diaphragm?', 'Phrenic nerve (C3–C5)<br><img src="heart.png">'], tags: ['anatomy', 'high_yield'] },
      { id: 12, mid: 1002, fields: ['ACE inhibitor cough', 'Bradykinin'], tags: ['pharm'] },
      { id: 13, mid: 1003, fields: ['{{c1::Digoxin}} inhibits the {{c2::Na/K ATPase::pump}}', 'Narrow therapeutic index'], tags: [] },
      { id: 14, mid: 1004, fields: ['{{c1::image-occlusion:rect:left=.1:top=.2:width=.3:height=.1}}', '<img src="heart.png">', '', '', ''], tags: [] },
    ],
    cards: [
      { id: 101, nid: 11, did: 2, ord: 0, type: 2, queue: 2, due: 100, ivl: 4, factor: 2500, reps: 3 },
      { id: 102, nid: 12, did: 2, ord: 0 },
      { id: 103, nid: 12, did: 2, ord: 1, queue: -1 },
      { id: 104, nid: 13, did: 1, ord: 0, type: 2, queue: 2, due: 90, ivl: 1, factor: 2500, reps: 2, lapses: 1 },
      { id: 105, nid: 13, did: 1, ord: 1 },
      { id: 106, nid: 14, did: 1, ord: 0 },
    ],
    revlog: [
      { id: T0, cid: 101, ease: 3, type: 0, ivl: -600, time: 8000 },
      { id: T0 + 600_000, cid: 101, ease: 3, type: 0, ivl: 1, lastIvl: -600, time: 6000 },
      { id: T0 + 1 * DAY, cid: 101, ease: 3, type: 1, ivl: 4, lastIvl: 1, time: 4000 },
      { id: T0 + 1000, cid: 104, ease: 3, type: 0, ivl: 1, time: 7000 },
      { id: T0 + 2 * DAY, cid: 104, ease: 1, type: 1, ivl: -600, lastIvl: 1, time: 12000 },
      { id: T0 + 2 * DAY + 600_000, cid: 104, ease: 3, type: 2, ivl: 1, lastIvl: -600, time: 5000 },
    ],
    media: [{ name: 'heart.png', bytes: PNG }],
  };
}

/** A deck of basic notes whose cards carry the given review histories (ms times, ratings) as Anki revlog rows. */
export function deckWithHistory(histories: { rating: number; at: number; kind: string }[][], firstNoteId = 10_000): DeckSpec {
  const deck: DeckSpec = { ...sampleDeck(), notes: [], cards: [], revlog: [], media: [] };
  deck.noteTypes = deck.noteTypes.slice(0, 1);
  const seen = new Set<number>();
  histories.forEach((history, i) => {
    const nid = firstNoteId + i;
    deck.notes.push({ id: nid, mid: 1001, fields: [`Fact ${i}`, `Answer ${i}`], tags: ['simulated'] });
    deck.cards.push({ id: nid, nid, did: 2, ord: 0, type: 2, queue: 2 });
    for (const r of history) {
      let id = r.at;
      while (seen.has(id)) id++; // revlog ids are unique per collection
      seen.add(id);
      deck.revlog.push({ id, cid: nid, ease: r.rating, type: r.kind === 'learn' ? 0 : r.kind === 'relearn' ? 2 : 1, ivl: 1 });
    }
  });
  return deck;
}
