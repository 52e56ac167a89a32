/** One vocabulary for packs, imports and notes: names and aliases land on the outline's names. */
import { describe, expect, it } from 'vitest';
import { canonicalDiscipline, canonicalExam, canonicalSystem, DISCIPLINES, SYSTEMS } from '../../src/shared/vocabulary';
import { canonicalSystem as notesSystem } from '../../src/main/core/notes/frontMatter';

describe('vocabulary', () => {
  it('every outline name maps to itself, in any case, with "and" for "&"', () => {
    for (const name of SYSTEMS) {
      expect(canonicalSystem(name)).toBe(name);
      expect(canonicalSystem(name.toUpperCase().replace(/&/g, 'and'))).toBe(name);
    }
    for (const name of DISCIPLINES) expect(canonicalDiscipline(name.toLowerCase().replace(/&/g, 'and'))).toBe(name);
  });

  it('the spellings that used to disagree between packs and notes now agree', () => {
    for (const spelling of ['Renal and urinary', 'renal & urinary system', 'Renal/Urinary', 'nephrology']) {
      expect(canonicalSystem(spelling)).toBe('Renal & Urinary');
      expect(notesSystem(spelling)).toBe('Renal & Urinary');
    }
    expect(canonicalSystem('cardiovascular system')).toBe('Cardiovascular');
    expect(canonicalDiscipline('OB/GYN')).toBe('Obstetrics & Gynecology');
  });

  it('unknown names are not invented', () => {
    expect(canonicalSystem('Astrology')).toBeUndefined();
    expect(notesSystem('Astrology')).toBe('Astrology');
    expect(canonicalDiscipline('')).toBeUndefined();
  });

  it('exam spellings, including MedQA meta_info', () => {
    expect(['step1', 'Step 1', 'USMLE Step-1'].map(canonicalExam)).toEqual(['step1', 'step1', 'step1']);
    expect(['step2&3', 'Step 2 CK', 'step2'].map(canonicalExam)).toEqual(['step2ck', 'step2ck', 'step2ck']);
    expect(canonicalExam('comlex')).toBeUndefined();
  });
});
