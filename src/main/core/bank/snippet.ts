/**
 * Search-result excerpts, built in JS from the stored search text. FTS5's snippet() re-runs the whole MATCH for
 * the 25 rows of a page (tens of ms on a big bank); cutting a window around the first hit costs microseconds.
 * Matches are wrapped in \u0001 … \u0002 so the renderer highlights them without parsing HTML.
 */
const WORD = /[\p{L}\p{N}]+/gu;

/** The words a query searches for: the same split as ftsQuery (the last word matches as a prefix). */
export function queryWords(query: string): string[] {
  return (query.normalize('NFKC').match(WORD) ?? []).slice(0, 12).map((w) => w.toLowerCase());
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function matcher(words: string[]): RegExp | null {
  if (!words.length) return null;
  const parts = words.map((w, i) => (i === words.length - 1 ? `${escapeRegex(w)}[\\p{L}\\p{N}]*` : `${escapeRegex(w)}(?![\\p{L}\\p{N}])`));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})`, 'giu');
}

/** About `width` characters of `text` around its first match, with every match in the window marked. */
export function buildSnippet(text: string, re: RegExp | null, width = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!re) return flat.length > width ? `${flat.slice(0, width).replace(/\s\S*$/, '')}…` : flat;
  re.lastIndex = 0;
  const first = re.exec(flat);
  let start = first ? Math.max(0, first.index - Math.floor(width / 3)) : 0;
  let end = Math.min(flat.length, start + width);
  start = Math.max(0, end - width);
  // Cut at word boundaries so no word is split.
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start;
  if (end < flat.length) end = flat.lastIndexOf(' ', end) > start ? flat.lastIndexOf(' ', end) : end;
  const window = flat.slice(start, end);
  re.lastIndex = 0;
  const marked = window.replace(re, (m) => `\u0001${m}\u0002`);
  return `${start > 0 ? '…' : ''}${marked}${end < flat.length ? '…' : ''}`;
}
