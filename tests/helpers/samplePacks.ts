/**
 * The sample packs as they are on disk (question-packs/<folder>/pack.json), so tests derive their counts from the
 * content instead of hard-coding them: adding or removing a sample item must never break a test about something else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SAMPLES = resolve(__dirname, '../../question-packs');

export interface SamplePack {
  folder: string;
  id: string;
  title: string;
  /** Number of questions per exam ('step1', 'step2ck', 'step3'). */
  byExam: Record<string, number>;
  questionCount: number;
}

export const SAMPLE_PACKS: readonly SamplePack[] = readdirSync(SAMPLES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => {
    const json = JSON.parse(readFileSync(join(SAMPLES, e.name, 'pack.json'), 'utf8')) as {
      pack: { id: string; title: string };
      questions: { exam?: string }[];
    };
    const byExam: Record<string, number> = {};
    for (const q of json.questions) if (q.exam) byExam[q.exam] = (byExam[q.exam] ?? 0) + 1;
    return { folder: e.name, id: json.pack.id, title: json.pack.title, byExam, questionCount: json.questions.length };
  });

/** All sample questions, every pack. */
export const SAMPLE_TOTAL = SAMPLE_PACKS.reduce((n, p) => n + p.questionCount, 0);

/** Sample questions of one exam, across packs. */
export const sampleCount = (exam: 'step1' | 'step2ck' | 'step3'): number => SAMPLE_PACKS.reduce((n, p) => n + (p.byExam[exam] ?? 0), 0);

/** The sample pack with this title ('Vignette Step 3 Sampler'). */
export function samplePack(title: string): SamplePack {
  const pack = SAMPLE_PACKS.find((p) => p.title === title);
  if (!pack) throw new Error(`no sample pack titled '${title}' in question-packs/`);
  return pack;
}
