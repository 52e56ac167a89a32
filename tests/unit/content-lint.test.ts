/**
 * Content lint over every sample pack in question-packs/ (issue 10 part 4): the item-writing flaws that let a student
 * answer without knowing the medicine (NBME item-writing guide: "longest option", a key alone in carrying a number,
 * absolute terms, "all/none of the above"), plus the completeness every sample item promises (explained choices, the
 * key's explanation marked "Correct.", an objective, references).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DISCIPLINES, SYSTEMS } from '../../src/shared/pack';
import { REPO } from '../helpers/db';

interface Choice {
  text: string;
  explanation?: string;
}
interface Item {
  id: string;
  exam?: string;
  stem: string;
  choices: Choice[];
  answer: string;
  objective?: string;
  references?: string[];
}

/** Words that make an option absolute; a test-wise student rules out options that carry them. */
const QUALIFIERS = ['sole', 'only', 'always', 'never'];
const MAX_KEY_RATIO = 1.5;

const hasWord = (text: string, word: string) => new RegExp(`\\b${word}\\b`, 'i').test(text);

/** Every flaw of one item, each naming the item and the rule. */
function lint(item: Item): string[] {
  const flaws: string[] = [];
  const keyIndex = item.answer.charCodeAt(0) - 65;
  const key = item.choices[keyIndex];
  if (!key) return [`${item.id}: answer ${item.answer} names no choice`];
  const distractors = item.choices.filter((_, i) => i !== keyIndex);
  const mean = distractors.reduce((n, c) => n + c.text.length, 0) / distractors.length;
  if (key.text.length > MAX_KEY_RATIO * mean) {
    flaws.push(`${item.id}: key is ${(key.text.length / mean).toFixed(2)}× the mean distractor length (max ${MAX_KEY_RATIO})`);
  }
  item.choices.forEach((c, i) => {
    if (/\b(all|none) of the above\b/i.test(c.text)) flaws.push(`${item.id}: choice ${String.fromCharCode(65 + i)} is "all/none of the above"`);
    if (!c.explanation?.trim()) flaws.push(`${item.id}: choice ${String.fromCharCode(65 + i)} has no explanation`);
  });
  // A key that alone carries a number (dose, threshold, interval) is as much a cue as a long key.
  if (/\d/.test(key.text) && !distractors.some((c) => /\d/.test(c.text))) flaws.push(`${item.id}: key is the only choice with a number`);
  // The sample packs' convention: the key's explanation, and only it, starts "Correct." — this catches a key letter
  // that drifted away from its choice when choices were reordered.
  const saysCorrect = item.choices.map((c) => /^Correct\b/.test(c.explanation ?? ''));
  if (!saysCorrect[keyIndex] || saysCorrect.filter(Boolean).length !== 1) flaws.push(`${item.id}: the key's explanation, and no other, must start "Correct."`);
  for (const word of QUALIFIERS) {
    if (!hasWord(key.text, word) && distractors.some((c) => hasWord(c.text, word))) flaws.push(`${item.id}: "${word}" appears only in distractors`);
  }
  if (!item.objective?.trim()) flaws.push(`${item.id}: no objective`);
  if (!item.references?.length) flaws.push(`${item.id}: no references`);
  return flaws;
}

const PACKS = join(REPO, 'question-packs');
const packs = readdirSync(PACKS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => ({ name: e.name, items: (JSON.parse(readFileSync(join(PACKS, e.name, 'pack.json'), 'utf8')) as { questions: Item[] }).questions }));

describe('content lint', () => {
  it('catches each flaw in a flawed probe item', () => {
    const probe: Item = {
      id: 'probe',
      stem: 'x',
      choices: [
        { text: 'Start intravenous heparin 80 units/kg bolus then 18 units/kg/h', explanation: 'Correct.' },
        { text: 'Aspirin as the sole agent', explanation: 'Correct, too.' },
        { text: 'None of the above' },
      ],
      answer: 'A',
    };
    expect(lint(probe)).toEqual([
      expect.stringMatching(/^probe: key is \d\.\d\d× the mean/),
      'probe: choice C is "all/none of the above"',
      'probe: choice C has no explanation',
      'probe: key is the only choice with a number',
      'probe: the key\'s explanation, and no other, must start "Correct."',
      'probe: "sole" appears only in distractors',
      'probe: no objective',
      'probe: no references',
    ]);
    // The same item written in parallel form passes.
    const fixed: Item = {
      ...probe,
      choices: [
        { text: 'Heparin', explanation: 'Correct.' },
        { text: 'Aspirin', explanation: 'No.' },
        { text: 'Warfarin', explanation: 'No.' },
      ],
      objective: 'o',
      references: ['r'],
    };
    expect(lint(fixed)).toEqual([]);
  });

  it.each(packs)('passes on every item of $name', ({ items }) => {
    expect(items.length).toBeGreaterThan(0);
    expect(items.flatMap(lint)).toEqual([]);
  });

  it('the sample packs hold ≥ 88 items, ≥ 24 of them in the Step 3 sampler', () => {
    expect(packs.reduce((n, p) => n + p.items.length, 0)).toBeGreaterThanOrEqual(88);
    const step3 = packs.find((p) => p.name === 'vignette-step3-sampler');
    expect(step3?.items.length).toBeGreaterThanOrEqual(24);
    expect(step3!.items.every((q) => q.exam === 'step3')).toBe(true);
  });

  it('the Step 3 sampler has ≥ 8 inpatient (ward or ICU) decisions, tagged "inpatient", each with an outline system and discipline', () => {
    const step3 = packs.find((p) => p.name === 'vignette-step3-sampler')!.items as (Item & { tags?: string[]; system?: string; discipline?: string })[];
    const ward = step3.filter((q) => q.tags?.includes('inpatient'));
    expect(ward.length).toBeGreaterThanOrEqual(8);
    for (const q of ward) {
      expect(SYSTEMS, q.id).toContain(q.system);
      expect(DISCIPLINES, q.id).toContain(q.discipline);
      // A ward decision happens in the hospital: the stem puts the patient there.
      expect(q.stem, q.id).toMatch(/\b(hospitali[sz]ed|admitted|intensive care unit|ward|discharged)\b/i);
    }
  });

  it('every Step 3 item is a patient vignette: age and sex, and a measured pulse', () => {
    const step3 = packs.flatMap((p) => p.items).filter((q) => q.exam === 'step3');
    const thin = step3.filter((q) => !/\d+-(year|month)-old (man|woman|boy|girl)\b/.test(q.stem) || !/\bpulse is \d+\/min/i.test(q.stem));
    expect(thin.map((q) => q.id)).toEqual([]);
  });

  it('no two items repeat a scenario: no shared topic, and no shared key within one system, across all packs', () => {
    const items = packs.flatMap((p) => p.items) as (Item & { topic?: string; system?: string })[];
    const topics = items.map((q) => (q.topic ?? q.id).toLowerCase());
    expect(topics.filter((t, i) => topics.indexOf(t) !== i)).toEqual([]);
    const keys = items.map((q) => `${q.system ?? ''} → ${q.choices[q.answer.charCodeAt(0) - 65]?.text.toLowerCase()}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});
