/** Value helpers shared by the CSV and JSON-mapping importers. */
import { createHash } from 'node:crypto';
import { canonicalExam } from '../../../../shared/vocabulary';

/** "Step 2 CK", "step2", "step2&3" (MedQA) → step2ck; anything unknown is returned as given, for validation to report. */
export function normaliseExam(raw: string): string {
  return canonicalExam(raw) ?? raw;
}

/** Numbers become numbers (so 2.5 or 7 get the schema's range message); other text stays text and is rejected. */
export function difficultyFrom(raw: string): number | string {
  return /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw;
}

/** Splits a list field, trimming and dropping empty and repeated entries. */
export function splitList(raw: string, separators: RegExp): string[] {
  return [...new Set(raw.split(separators).map((s) => s.trim()).filter(Boolean))];
}

export function contentId(prefix: string, stem: string): string {
  return `${prefix}-${createHash('sha1').update(stem).digest('hex').slice(0, 16)}`;
}

