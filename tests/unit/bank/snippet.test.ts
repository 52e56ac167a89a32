import { describe, expect, it } from 'vitest';
import { buildSnippet, matcher, queryWords } from '../../../src/main/core/bank/snippet';

describe('search excerpts', () => {
  it('marks whole words, and the last word as a prefix', () => {
    const re = matcher(queryWords('chest pai'));
    expect(buildSnippet('Crushing chest pain, chesty cough and painful swallowing.', re)).toBe('Crushing \u0001chest\u0002 \u0001pain\u0002, chesty cough and \u0001painful\u0002 swallowing.');
  });

  it('centres a long text on the first match without splitting words', () => {
    const text = `${'lorem ipsum '.repeat(40)}the patient has hyperkalemia today ${'dolor sit '.repeat(40)}`;
    const s = buildSnippet(text, matcher(queryWords('hyperkalemia')), 120);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain('\u0001hyperkalemia\u0002');
    expect(s.length).toBeLessThanOrEqual(124);
    expect(s).toMatch(/^…(?:lorem|ipsum) /);
    expect(s).toMatch(/ (?:dolor|sit)…$/);
  });

  it('is case-insensitive, handles regex characters in the query, and falls back to the start when nothing matches', () => {
    expect(buildSnippet('Serum Na+ is LOW', matcher(queryWords('low')))).toBe('Serum Na+ is \u0001LOW\u0002');
    expect(buildSnippet('abc (def)', matcher(queryWords('(def')))).toBe('abc (\u0001def\u0002)');
    expect(buildSnippet('no hit here', matcher(queryWords('zebra')))).toBe('no hit here');
    expect(buildSnippet('plain text', null)).toBe('plain text');
  });
});
