/**
 * zstd decoding with a size cap. Node 20 has no zstd; fzstd (pure JS) decodes Anki's collection.anki21b, its media
 * list and media files. Decoding streams in chunks and stops as soon as the output passes the cap, so a
 * "zstd bomb" (a few KB that claim gigabytes) is refused before it is allocated.
 */
import { Decompress } from 'fzstd';

export class ZstdTooLarge extends Error {}

const CHUNK = 64 * 1024;

export function isZstd(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x28 && bytes[1] === 0xb5 && bytes[2] === 0x2f && bytes[3] === 0xfd;
}

/** Decompresses a zstd frame; throws ZstdTooLarge past `maxBytes`, or fzstd's error on corrupt data. */
export function zstdDecompress(input: Uint8Array, maxBytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  const stream = new Decompress((chunk) => {
    total += chunk.length;
    if (total > maxBytes) throw new ZstdTooLarge(`more than ${maxBytes} bytes`);
    parts.push(chunk);
  });
  for (let at = 0; at < input.length; at += CHUNK) {
    const end = Math.min(input.length, at + CHUNK);
    stream.push(input.subarray(at, end), end === input.length);
  }
  if (input.length === 0) throw new Error('empty input');
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
