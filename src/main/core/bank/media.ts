/** Pack images: only real png/jpeg/gif/webp files and sanitised svg, each ≤ 10 MB. */
import { LIMITS } from '../../../shared/pack';
import type { Problem } from '../../../shared/result';
import { sanitizeSvg } from './sanitize';
import { extensionOf } from './sources';

const MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};

function hasSignature(ext: string, b: Uint8Array): boolean {
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  switch (ext) {
    case 'png':
      return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case 'jpg':
    case 'jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'gif':
      return starts(0x47, 0x49, 0x46, 0x38);
    case 'webp':
      return starts(0x52, 0x49, 0x46, 0x46) && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50;
    default:
      return false;
  }
}

export interface CheckedMedia {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

/** Validates one image; returns the bytes to store (svg sanitised) or a problem naming the file. */
export function checkMedia(packFile: string, name: string, bytes: Uint8Array): CheckedMedia | Problem {
  const ext = extensionOf(name);
  const mime = MIME[ext];
  if (!mime) return { file: packFile, field: name, message: `image type .${ext || '?'} is not allowed (png, jpeg, gif, webp or svg)` };
  if (bytes.length > LIMITS.imageBytes) return { file: packFile, field: name, message: `image is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is 10 MB` };
  if (ext === 'svg') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { file: packFile, field: name, message: 'svg is not valid UTF-8' };
    }
    let clean = sanitizeSvg(text);
    if (!clean) return { file: packFile, field: name, message: 'not an SVG image' };
    // An SVG shown through <img> needs its namespace; DOMPurify's HTML parse may drop it.
    if (!/^<svg[^>]*\sxmlns=/.test(clean)) clean = clean.replace(/^<svg\b/, '<svg xmlns="http://www.w3.org/2000/svg"');
    return { name, mime, bytes: new TextEncoder().encode(clean) };
  }
  if (!hasSignature(ext, bytes)) return { file: packFile, field: name, message: `file is not a real ${ext.toUpperCase()} image (its contents do not match the extension)` };
  return { name, mime, bytes };
}
