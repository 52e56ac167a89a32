/**
 * Opens an Anki package (a zip) with every entry checked before it is inflated: no path escaping the package
 * (zip slip), a cap on the entry count and on the declared uncompressed total (zip bomb), and only the members an
 * Anki package can hold (meta, collection.*, media, numbered media files) are extracted.
 */
import { unzipSync } from 'fflate';
import { AppError } from '../../../../shared/result';
import { refuse } from './errors';

export const ANKI_LIMITS = {
  /** Uncompressed total of the members we extract. Large shared decks (with media) reach several hundred MB. */
  totalBytes: 1024 * 1024 * 1024,
  /** One decompressed collection database. */
  collectionBytes: 512 * 1024 * 1024,
  /** One decompressed media file. */
  mediaFileBytes: 100 * 1024 * 1024,
  entries: 200_000,
} as const;

const WANTED = /^(meta|media|collection\.anki2|collection\.anki21|collection\.anki21b|\d+)$/;

export function unzipPackage(file: string, bytes: Uint8Array): Map<string, Uint8Array> {
  if (!(bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    throw refuse(file, 'is not an Anki package (not a zip archive)');
  }
  let declared = 0;
  let count = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter(entry) {
        const name = entry.name;
        if (name.startsWith('/') || name.startsWith('\\') || /^[a-zA-Z]:/.test(name) || name.split(/[\\/]/).includes('..')) {
          throw refuse(file, 'zip entry escapes the package (absolute path or "..")', name);
        }
        if (++count > ANKI_LIMITS.entries) throw refuse(file, `has more than ${ANKI_LIMITS.entries.toLocaleString('en-US')} zip entries`);
        if (!WANTED.test(name)) return false;
        declared += entry.originalSize;
        if (declared > ANKI_LIMITS.totalBytes) throw refuse(file, 'uncompressed size exceeds the 1 GB Anki package limit (zip bomb?)', name);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse(file, `is not a readable zip archive (${(error as Error).message})`);
  }
  return new Map(Object.entries(entries));
}
