/**
 * Reads the collection database of a package into plain objects. The bytes are written to a private temp file and
 * opened there (never the user's file), only SELECTs run, and the copy is deleted afterwards.
 * Schema 11 keeps note types and decks as JSON in `col`; schema 18 has tables with protobuf configs whose name
 * columns use Anki's `unicase` collation, which better-sqlite3 cannot register: they are read NOT INDEXED, never
 * sorted or filtered by name in SQL.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../../shared/result';
import type { AnkiCard, AnkiNote, AnkiNoteKind, AnkiNoteType, AnkiReview, AnkiTemplate } from './types';
import { refuse } from './errors';
import { decodeMessage, fieldNumber, fieldString } from './protobuf';

export interface RawCollection {
  schema: number;
  noteTypes: Map<number, AnkiNoteType>;
  notes: AnkiNote[];
  cards: AnkiCard[];
  revlog: AnkiReview[];
}

const SQLITE_HEADER = 'SQLite format 3\0';
const IMAGE_OCCLUSION_STOCK_KIND = 6;

type Row = Record<string, unknown>;

function kindOf(cloze: boolean, stockKind: number): AnkiNoteKind {
  if (stockKind === IMAGE_OCCLUSION_STOCK_KIND) return 'image-occlusion';
  return cloze ? 'cloze' : 'basic';
}

function noteTypesV11(file: string, member: string, json: string): Map<number, AnkiNoteType> {
  let models: unknown;
  try {
    models = JSON.parse(json);
  } catch {
    throw refuse(file, 'note types (col.models) are not valid JSON', member);
  }
  const out = new Map<number, AnkiNoteType>();
  for (const model of Object.values((models ?? {}) as Record<string, Row>)) {
    const fields = ((model.flds as Row[] | undefined) ?? []).slice().sort((a, b) => Number(a.ord) - Number(b.ord));
    const templates = ((model.tmpls as Row[] | undefined) ?? []).map(
      (t): AnkiTemplate => ({ ord: Number(t.ord), name: String(t.name ?? ''), front: String(t.qfmt ?? ''), back: String(t.afmt ?? '') }),
    );
    const id = Number(model.id);
    out.set(id, { id, name: String(model.name ?? ''), kind: kindOf(model.type === 1, Number(model.originalStockKind ?? 0)), fields: fields.map((f) => String(f.name)), templates });
  }
  return out;
}

function decksV11(file: string, member: string, json: string): Map<number, string> {
  try {
    const decks = JSON.parse(json) as Record<string, Row>;
    return new Map(Object.values(decks ?? {}).map((d) => [Number(d.id), String(d.name ?? '')]));
  } catch {
    throw refuse(file, 'decks (col.decks) are not valid JSON', member);
  }
}

function noteTypesV18(db: Database.Database): Map<number, AnkiNoteType> {
  const out = new Map<number, AnkiNoteType>();
  for (const row of db.prepare('SELECT id, name, config FROM notetypes NOT INDEXED').all() as Row[]) {
    const config = decodeMessage(row.config as Uint8Array);
    out.set(Number(row.id), {
      id: Number(row.id),
      name: String(row.name),
      kind: kindOf(fieldNumber(config, 1) === 1, fieldNumber(config, 9)),
      fields: [],
      templates: [],
    });
  }
  const fields = (db.prepare('SELECT ntid, ord, name FROM fields NOT INDEXED').all() as Row[]).sort((a, b) => Number(a.ord) - Number(b.ord));
  for (const f of fields) out.get(Number(f.ntid))?.fields.push(String(f.name));
  for (const t of db.prepare('SELECT ntid, ord, name, config FROM templates NOT INDEXED').all() as Row[]) {
    const config = decodeMessage(t.config as Uint8Array);
    out.get(Number(t.ntid))?.templates.push({ ord: Number(t.ord), name: String(t.name), front: fieldString(config, 1), back: fieldString(config, 2) });
  }
  for (const nt of out.values()) nt.templates.sort((a, b) => a.ord - b.ord);
  return out;
}

function decksV18(db: Database.Database): Map<number, string> {
  // Schema 18 separates deck levels with \x1f; show them the way Anki users know them, "A::B".
  return new Map((db.prepare('SELECT id, name FROM decks NOT INDEXED').all() as Row[]).map((d) => [Number(d.id), String(d.name).split('\x1f').join('::')]));
}

function tableNames(db: Database.Database): Set<string> {
  return new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
}

function read(file: string, member: string, db: Database.Database): RawCollection {
  const tables = tableNames(db);
  for (const needed of ['col', 'notes', 'cards']) {
    if (!tables.has(needed)) throw refuse(file, `is not an Anki collection (no ${needed} table)`, member);
  }
  const col = db.prepare('SELECT ver, models, decks FROM col LIMIT 1').get() as Row | undefined;
  if (!col) throw refuse(file, 'is not an Anki collection (empty col table)', member);
  const schema = Number(col.ver);
  if (!(schema >= 11 && schema <= 18)) throw refuse(file, `collection schema ${schema} is not supported (expected 11–18)`, member);
  const modern = tables.has('notetypes');
  const noteTypes = modern ? noteTypesV18(db) : noteTypesV11(file, member, String(col.models ?? '{}'));
  const decks = modern && tables.has('decks') ? decksV18(db) : decksV11(file, member, String(col.decks ?? '{}'));

  const notes = (db.prepare('SELECT id, guid, mid, tags, flds FROM notes ORDER BY id').all() as Row[]).map(
    (n): AnkiNote => ({
      id: Number(n.id),
      guid: String(n.guid),
      noteTypeId: Number(n.mid),
      fields: String(n.flds ?? '').split('\x1f'),
      tags: String(n.tags ?? '').split(/\s+/).filter(Boolean),
    }),
  );
  const cards = (db.prepare('SELECT id, nid, did, odid, ord, type, queue, due, ivl, factor, reps, lapses FROM cards ORDER BY id').all() as Row[]).map(
    (c): AnkiCard => ({
      id: Number(c.id),
      noteId: Number(c.nid),
      // A card in a filtered deck belongs to its original deck.
      deck: decks.get(Number(c.odid) || Number(c.did)) ?? 'Default',
      ord: Number(c.ord),
      type: Number(c.type),
      queue: Number(c.queue),
      due: Number(c.due),
      ivl: Number(c.ivl),
      factor: Number(c.factor),
      reps: Number(c.reps),
      lapses: Number(c.lapses),
    }),
  );
  const revlog = tables.has('revlog')
    ? (db.prepare('SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id').all() as Row[]).map(
        (r): AnkiReview => ({
          id: Number(r.id),
          cardId: Number(r.cid),
          ease: Number(r.ease),
          ivl: Number(r.ivl),
          lastIvl: Number(r.lastIvl),
          factor: Number(r.factor),
          timeMs: Number(r.time),
          type: Number(r.type),
        }),
      )
    : [];
  return { schema, noteTypes, notes, cards, revlog };
}

export function readCollection(file: string, member: string, bytes: Uint8Array): RawCollection {
  if (bytes.length < 100 || Buffer.from(bytes.subarray(0, 16)).toString('latin1') !== SQLITE_HEADER) {
    throw refuse(file, 'is not an SQLite database', member);
  }
  const dir = mkdtempSync(join(tmpdir(), 'vignette-anki-'));
  const path = join(dir, 'collection.sqlite');
  let db: Database.Database | undefined;
  try {
    writeFileSync(path, bytes);
    db = new Database(path, { fileMustExist: true });
    db.pragma('query_only = ON');
    return read(file, member, db);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse(file, `the collection database cannot be read (${(error as Error).message})`, member);
  } finally {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
