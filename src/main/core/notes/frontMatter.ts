/**
 * Front matter of a Markdown note: a small YAML subset (key: value, [a, b] lists, "- a" lists, quoted strings).
 * Anything else is ignored rather than reported, because vaults carry plugin keys we have no use for and should not
 * block an import. Also the outline vocabulary for notes' system and discipline values.
 */
import { canonicalDiscipline as vocabularyDiscipline, canonicalSystem as vocabularySystem } from '../../../shared/vocabulary';


type YamlValue = string | string[];

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1).replace(/\\(["\\])/g, '$1');
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
  return v;
}

/** Splits "a, 'b, c', d" on commas outside quotes. */
function splitList(text: string): string[] {
  const items: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ',') {
      items.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  items.push(current);
  return items.map(unquote).filter((item) => item !== '');
}

/** YAML comments start at a '#' that begins the value or follows a space; quoted values keep theirs. */
function stripComment(value: string): string {
  if (/^["']/.test(value)) return value;
  const hash = value.search(/(?:^|\s)#/);
  return hash < 0 ? value : value.slice(0, hash);
}

export function parseFrontMatter(lines: string[]): Map<string, YamlValue> {
  const out = new Map<string, YamlValue>();
  let listKey: string | null = null;
  for (const line of lines) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const item = /^\s*-\s+(.*)$/.exec(line) ?? /^\s*-$/.exec(line);
    const list = listKey === null ? undefined : out.get(listKey);
    if (item && Array.isArray(list)) {
      const value = unquote(stripComment(item[1] ?? ''));
      if (value) list.push(value);
      continue;
    }
    listKey = null;
    // Top-level keys only: indented lines belong to nested mappings we do not read.
    const pair = /^([A-Za-z_][\w -]*?)\s*:(?:\s+(.*))?$/.exec(line);
    if (!pair) continue;
    const key = pair[1]!.toLowerCase();
    const value = stripComment(pair[2] ?? '').trim();
    if (value === '') {
      out.set(key, []);
      listKey = key;
    } else if (value.startsWith('[') && value.endsWith(']')) out.set(key, splitList(value.slice(1, -1)));
    else out.set(key, unquote(value));
  }
  return out;
}

/** Separates leading `---` … `---` (or `...`) front matter from the body; no closing line means no front matter. */
export function splitFrontMatter(text: string): { yaml: string[]; body: string } {
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== '---') return { yaml: [], body: text };
  const end = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  if (end < 0) return { yaml: [], body: text };
  return { yaml: lines.slice(1, end), body: lines.slice(end + 1).join('\n') };
}

export const scalar = (value: YamlValue | undefined): string | null => {
  const v = Array.isArray(value) ? value[0] : value;
  return v?.trim() ? v.trim() : null;
};

/** `tags: a, b` is a list too, as Obsidian reads it. */
export const tagList = (value: YamlValue | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : splitList(value));

// The shared vocabulary, so notes land on the same outline names as questions; an unknown name is kept as written.
export const canonicalSystem = (value: string | null): string | null => (value === null ? null : (vocabularySystem(value) ?? value));
export const canonicalDiscipline = (value: string | null): string | null => (value === null ? null : (vocabularyDiscipline(value) ?? value));

