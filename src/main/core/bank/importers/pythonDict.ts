/**
 * Options written as the text of a Python dict, as some redistributions of MedXpertQA and MedQA store them
 * (`"{'A': 'Gout', 'B': \"it's\", …}"`: pandas wrote `str(dict)`). Read by a small parser of that one literal — keys
 * and values are quoted strings (or plain numbers as values) — never by evaluating it, so nothing in a file can run.
 */

export type DictResult = { value: Record<string, string> } | { error: string };

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

export function parsePythonDict(text: string): DictResult {
  let pos = 0;
  const blank = () => {
    while (pos < text.length && /\s/.test(text.charAt(pos))) pos++;
  };
  const fail = (what: string): DictResult => ({ error: pos >= text.length ? 'the text ends before its closing }' : `${what} at character ${pos + 1}` });

  /** A quoted string at pos ('…' or "…", with backslash escapes); undefined when there is none. */
  const quoted = (): string | undefined => {
    const quote = text.charAt(pos);
    if (quote !== "'" && quote !== '"') return undefined;
    let value = '';
    for (let i = pos + 1; i < text.length; i++) {
      const ch = text.charAt(i);
      if (ch === quote) {
        pos = i + 1;
        return value;
      }
      if (ch !== '\\') {
        value += ch;
        continue;
      }
      const next = text.charAt(++i);
      if (next === 'x' || next === 'u') {
        const width = next === 'x' ? 2 : 4;
        const hex = text.slice(i + 1, i + 1 + width);
        if (!/^[0-9a-f]+$/i.test(hex) || hex.length !== width) return undefined;
        value += String.fromCharCode(parseInt(hex, 16));
        i += width;
      } else value += ESCAPES[next] ?? `\\${next}`;
    }
    pos = text.length;
    return undefined;
  };

  blank();
  if (text.charAt(pos) !== '{') return fail('expected {');
  pos++;
  const result: Record<string, string> = {};
  blank();
  if (text.charAt(pos) === '}') return { value: result };
  for (;;) {
    blank();
    const key = quoted();
    if (key === undefined) return fail('expected a quoted key');
    blank();
    if (text.charAt(pos) !== ':') return fail('expected :');
    pos++;
    blank();
    const number = /^-?\d+(?:\.\d+)?/.exec(text.slice(pos, pos + 40))?.[0];
    let value: string | undefined;
    if (number !== undefined) {
      value = number;
      pos += number.length;
    } else value = quoted();
    if (value === undefined) return fail('expected a quoted text');
    result[key] = value;
    blank();
    const ch = text.charAt(pos);
    pos++;
    if (ch === '}') break;
    if (ch !== ',') {
      pos--;
      return fail('expected , or }');
    }
    blank();
    if (text.charAt(pos) === '}') {
      pos++;
      break;
    }
  }
  blank();
  return pos === text.length ? { value: result } : fail('unexpected text after }');
}
