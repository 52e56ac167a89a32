/**
 * Reads an .apkg / .colpkg into plain objects: which layout it is, the collection database bytes, and its media.
 *   legacy 1: collection.anki2 (schema 11), media = JSON {"0": "name.jpg"}, media members raw
 *   legacy 2: collection.anki21 (schema 11), same media map
 *   latest:   collection.anki21b = zstd SQLite (schema 18) beside a dummy collection.anki2; meta = protobuf
 *             PackageMetadata; media = zstd protobuf MediaEntries (entry index = member name); members zstd
 */
import { AppError } from '../../../../shared/result';
import type { AnkiLayout } from './types';
import { refuse } from './errors';
import { decodeMessage, fieldMessages, fieldNumber, fieldString } from './protobuf';
import { ANKI_LIMITS, unzipPackage } from './zip';
import { ZstdTooLarge, zstdDecompress } from './zstd';

export interface RawPackage {
  layout: AnkiLayout;
  collectionName: string;
  collection: Uint8Array;
  /** Media bytes by safe, NFC-normalised name. */
  media: Map<string, Uint8Array>;
}

const COLLECTION: Record<AnkiLayout, string> = { legacy1: 'collection.anki2', legacy2: 'collection.anki21', latest: 'collection.anki21b' };

function layoutOf(file: string, members: Map<string, Uint8Array>): AnkiLayout {
  const meta = members.get('meta');
  if (!meta) return members.has('collection.anki21') ? 'legacy2' : 'legacy1';
  let version: number;
  try {
    version = fieldNumber(decodeMessage(meta), 1);
  } catch (error) {
    throw refuse(file, `package metadata is unreadable (${(error as Error).message})`, 'meta');
  }
  if (version === 1) return 'legacy1';
  if (version === 2) return 'legacy2';
  if (version === 3) return 'latest';
  throw refuse(file, `package version ${version} is not supported (made by a newer Anki?)`, 'meta');
}

function unzstd(file: string, member: string, bytes: Uint8Array, max: number): Uint8Array {
  try {
    return zstdDecompress(bytes, max);
  } catch (error) {
    if (error instanceof ZstdTooLarge) throw refuse(file, `decompresses to more than ${Math.round(max / 1048576)} MB (zstd bomb?)`, member);
    throw refuse(file, `is not valid zstd data (${(error as Error).message})`, member);
  }
}

/** Anki's own rule: a media name is a plain file name, never a path. */
export function safeMediaName(name: string): string | null {
  const nfc = name.normalize('NFC');
  if (!nfc || nfc === '.' || nfc === '..' || /[/\\:\0-\x1f]/.test(nfc) || nfc.length > 255) return null;
  return nfc;
}

/** member name → media file name, from the legacy JSON map or the latest protobuf list. */
function mediaList(file: string, layout: AnkiLayout, members: Map<string, Uint8Array>): Map<string, string> {
  const raw = members.get('media');
  const list = new Map<string, string>();
  if (!raw) return list;
  if (layout === 'latest') {
    let entries;
    try {
      entries = fieldMessages(decodeMessage(unzstd(file, 'media', raw, 64 * 1024 * 1024)), 1);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw refuse(file, `media list is unreadable (${(error as Error).message})`, 'media');
    }
    entries.forEach((entry, index) => {
      // legacy_zip_filename (255) records the original member number when Anki converted a legacy map.
      const member = String(fieldNumber(entry, 255, index));
      list.set(member, fieldString(entry, 1));
    });
    return list;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    throw refuse(file, 'media map is not valid JSON', 'media');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw refuse(file, 'media map must be a JSON object {"0": "name.jpg"}', 'media');
  for (const [member, name] of Object.entries(parsed)) {
    if (typeof name !== 'string') throw refuse(file, `media entry ${member} is not a file name`, 'media');
    list.set(member, name);
  }
  return list;
}

export function readPackage(file: string, bytes: Uint8Array): RawPackage {
  const members = unzipPackage(file, bytes);
  const layout = layoutOf(file, members);
  const collectionName = COLLECTION[layout];
  const stored = members.get(collectionName);
  if (!stored) throw refuse(file, `has no ${collectionName}; it is not an Anki package`);
  const collection = layout === 'latest' ? unzstd(file, collectionName, stored, ANKI_LIMITS.collectionBytes) : stored;

  const media = new Map<string, Uint8Array>();
  for (const [member, name] of mediaList(file, layout, members)) {
    const safe = safeMediaName(name);
    if (!safe) throw refuse(file, `media name "${name}" is not a plain file name (path traversal?)`, 'media');
    const data = members.get(member);
    if (!data) throw refuse(file, `media file "${safe}" (zip member ${member}) is missing from the package`, member);
    media.set(safe, layout === 'latest' ? unzstd(file, member, data, ANKI_LIMITS.mediaFileBytes) : data);
  }
  return { layout, collectionName, collection, media };
}
