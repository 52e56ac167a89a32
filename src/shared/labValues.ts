/** Searching the lab reference table (src/shared/labValueTable.ts) as the runner's panel does on every keystroke. */
import { LAB_VALUES, type LabValue } from './labValueTable';

export { LAB_SECTIONS, LAB_VALUES, type LabSection, type LabValue } from './labValueTable';

/** Lower-cased search text per row, built on first search and reused (rows are treated as immutable). */
const haystacks = new WeakMap<LabValue, string>();

function haystackOf(row: LabValue): string {
  let text = haystacks.get(row);
  if (text === undefined) {
    // Fields joined by newlines so that a query word (which never contains whitespace) cannot match across fields.
    text = [row.name, row.qualifier ?? '', ...(row.aliases ?? []), row.section].join('\n').toLowerCase();
    haystacks.set(row, text);
  }
  return text;
}

/** ASCII digit or lower-case letter (the haystack is already lower-cased). */
function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122);
}

/**
 * True when `word` occurs in `text` at the start of a word, so 'male' does not match 'female' and 'na' does not match
 * 'hematologic'. A word that itself begins with punctuation (e.g. '+') may match anywhere.
 */
function matchesWordStart(text: string, word: string): boolean {
  if (!isWordChar(word.charCodeAt(0))) return text.includes(word);
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) {
    if (i === 0 || !isWordChar(text.charCodeAt(i - 1))) return true;
  }
  return false;
}

/**
 * Case-insensitive search over name, qualifier, aliases and section; empty query returns all rows, in table order.
 * Every whitespace-separated query word must begin a word somewhere in the row's text ('ferr fem' finds ferritin, female).
 */
export function searchLabValues(query: string, values: readonly LabValue[] = LAB_VALUES): LabValue[] {
  const words = query.toLowerCase().split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0) return values.slice();
  return values.filter((row) => {
    const text = haystackOf(row);
    return words.every((word) => matchesWordStart(text, word));
  });
}
