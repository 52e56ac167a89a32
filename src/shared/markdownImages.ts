/**
 * The Markdown image rules, in one place for packs (validation, media check, writer) and notes: what counts as an
 * image reference and which file it names. Pack images never stay URLs in HTML; they become media rows shown by id.
 */

/**
 * `![alt](src)`, `![alt](<src with spaces>)`, optionally followed by a "title" or 'title'.
 * Groups: 1 alt, 2 src written in <…>, 3 plain src. Other modules may append alternatives after these three groups.
 */
export const MARKDOWN_IMAGE_SOURCE = String.raw`!\[([^\]]*)\]\(\s*(?:<([^>]+)>|([^)\s]+))(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)`;

export interface MarkdownImage {
  alt: string;
  /** As written. */
  src: string;
  /** The pack-relative file it names: a leading ./ removed. */
  file: string;
}

const fromMatch = (m: RegExpMatchArray | string[]): MarkdownImage => {
  const src = (m[2] ?? m[3] ?? '').trim();
  return { alt: m[1] ?? '', src, file: src.replace(/^\.\//, '') };
};

/** Every image reference in the text, in order. */
export function markdownImages(md: string): MarkdownImage[] {
  return [...md.matchAll(new RegExp(MARKDOWN_IMAGE_SOURCE, 'g'))].map(fromMatch);
}

/** Replaces every image reference with what `replace` returns for it. */
export function replaceMarkdownImages(md: string, replace: (image: MarkdownImage) => string): string {
  return md.replace(new RegExp(MARKDOWN_IMAGE_SOURCE, 'g'), (...args: string[]) => replace(fromMatch(args)));
}
