import { describe, expect, it } from 'vitest';
import { stripRepeatedChoices } from '../../../src/main/core/bank/stemChoices';

const choices = (...texts: string[]) => texts.map((text) => ({ text }));
const FOUR = choices('Hyperkalemia', 'Hypokalemia', 'Hypocalcemia', 'Hypermagnesemia');
const STEM = 'A 60-year-old man on dialysis has peaked T waves. Which of the following is the most likely cause?';

describe('stripRepeatedChoices', () => {
  it.each([
    ['(A) …', `${STEM} Answer Choices: (A) Hyperkalemia (B) Hypokalemia (C) Hypocalcemia (D) Hypermagnesemia`],
    ['on its own line, lower case', `${STEM}\n\nanswer choices:\n(A) Hyperkalemia\n(B) Hypokalemia\n(C) Hypocalcemia\n(D) Hypermagnesemia\n`],
    ['A) …', `${STEM} Options: A) Hyperkalemia B) Hypokalemia C) Hypocalcemia D) Hypermagnesemia`],
    ['A. … with a full stop after each', `${STEM} Answer choices - A. Hyperkalemia. B. Hypokalemia. C. Hypocalcemia. D. Hypermagnesemia.`],
    ['different case and spacing', `${STEM} Answer Choices: (A) hyperkalemia  (B) HYPOKALEMIA (C) Hypocalcemia (D) Hypermagnesemia`],
  ])('removes a trailing list that is exactly the choices: %s', (_label, stem) => {
    expect(stripRepeatedChoices(stem, FOUR)).toBe(STEM);
  });

  it.each([
    ['one choice differs', `${STEM} Answer Choices: (A) Hyperkalemia (B) Hypokalemia (C) Hypocalcemia (D) Hyponatremia`],
    ['a choice is missing', `${STEM} Answer Choices: (A) Hyperkalemia (B) Hypokalemia (C) Hypocalcemia`],
    ['the choices are in another order', `${STEM} Answer Choices: (A) Hypokalemia (B) Hyperkalemia (C) Hypocalcemia (D) Hypermagnesemia`],
    ['text follows the list', `${STEM} Answer Choices: (A) Hyperkalemia (B) Hypokalemia (C) Hypocalcemia (D) Hypermagnesemia. Choose one.`],
    ['no heading', `${STEM} (A) Hyperkalemia (B) Hypokalemia (C) Hypocalcemia (D) Hypermagnesemia`],
    ['"options" in the vignette', 'A woman with breast cancer discusses her treatment options. Which of the following is most appropriate?'],
  ])('leaves the stem alone when %s', (_label, stem) => {
    expect(stripRepeatedChoices(stem, FOUR)).toBe(stem);
  });

  it('never empties a stem that is nothing but the list', () => {
    const stem = 'Answer Choices: (A) Hyperkalemia (B) Hypokalemia (C) Hypocalcemia (D) Hypermagnesemia';
    expect(stripRepeatedChoices(stem, FOUR)).toBe(stem);
  });

  it('uses the last heading: an earlier "options" in the vignette does not hide the list', () => {
    const stem = `She weighs her options. ${STEM} Answer Choices: (A) Hyperkalemia (B) Hypokalemia (C) Hypocalcemia (D) Hypermagnesemia`;
    expect(stripRepeatedChoices(stem, FOUR)).toBe(`She weighs her options. ${STEM}`);
  });
});
