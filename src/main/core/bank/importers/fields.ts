/** Value helpers shared by the CSV and JSON-mapping importers. */
import { createHash } from 'node:crypto';
import { canonicalExam } from '../../../../shared/vocabulary';

/** "Step 2 CK", "step2", "step2&3" (MedQA) → step2ck; anything unknown is returned as given, for validation to report. */
export function normaliseExam(raw: string): string {
  return canonicalExam(raw) ?? raw;
}

/** Words spreadsheets use for difficulty, on the pack scale of 1 (easy) to 5 (hard). */
const DIFFICULTY_WORDS: Record<string, number> = { easy: 1, medium: 3, moderate: 3, intermediate: 3, hard: 5, difficult: 5 };

/**
 * Numbers become numbers (so 2.5 or 7 get the schema's range message); easy / medium / hard become 1 / 3 / 5; other
 * text stays text and is rejected.
 */
export function difficultyFrom(raw: string): number | string {
  const trimmed = raw.trim();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return DIFFICULTY_WORDS[trimmed.toLowerCase()] ?? raw;
}

/** Splits a list field, trimming and dropping empty and repeated entries. */
export function splitList(raw: string, separators: RegExp): string[] {
  return [...new Set(raw.split(separators).map((s) => s.trim()).filter(Boolean))];
}

export function contentId(prefix: string, stem: string): string {
  return `${prefix}-${createHash('sha1').update(stem).digest('hex').slice(0, 16)}`;
}

