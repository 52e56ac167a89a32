/** readAnkiPackage: an .apkg / .colpkg's bytes → plain typed notes, cards, review history and media. */
import type { AnkiPackage } from './types';
import { readCollection } from './collection';
import { readPackage } from './package';

export function readAnkiPackage(file: string, bytes: Uint8Array): AnkiPackage {
  const raw = readPackage(file, bytes);
  const collection = readCollection(file, raw.collectionName, raw.collection);
  return { file, layout: raw.layout, ...collection, media: raw.media };
}

