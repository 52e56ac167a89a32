/**
 * MedQA JSONL: one object a line with question, options {A: …}, answer_idx, meta_info (step1 | step2&3).
 * MedQA has no ids; a question's id is a hash of its text, so re-importing the same file finds the same questions.
 */
import { createHash } from 'node:crypto';
import { canonicalExam } from '../../../../shared/vocabulary';
import type { Problem } from '../../../../shared/result';
import { slugFromFile, titleFromFile, type ParsedSource, type RawItem } from '../draft';
import type { SourceGroup } from '../sources';
import { decodeText } from '../sources';

export function looksMedqa(group: SourceGroup): boolean {
  const f = group.files[0];
  if (group.kind !== 'file' || !f) return false;
  const head = new TextDecoder().decode(f.bytes.subarray(0, 4000)).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('{') && head.includes('"question"') && head.includes('"options"');
}


export function parseMedqa(group: SourceGroup): ParsedSource {
  const file = group.name;
  const text = decodeText(file, group.files[0]!.bytes);
  const items: RawItem[] = [];
  const problems: Problem[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw) continue;
    const line = i + 1;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(raw) as Record<string, unknown>;
    } catch (error) {
      problems.push({ file, line, message: `invalid JSON (${(error as Error).message.replace(/ in JSON at position.*$/, '')})` });
      continue;
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      problems.push({ file, line, message: 'each line must be a JSON object' });
      continue;
    }
    const options = row.options;
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      problems.push({ file, line, field: 'options', message: 'must be an object like {"A": "…", "B": "…"}' });
      continue;
    }
    const letters = Object.keys(options).sort();
    const answer = row.answer_idx;
    if (typeof answer !== 'string' || !letters.includes(answer)) {
      const range = letters.length ? `${letters[0]}–${letters[letters.length - 1]}` : 'the options';
      problems.push({ file, line, field: 'answer_idx', message: answer === undefined ? 'is missing' : `'${String(answer)}' is not one of ${range}` });
      continue;
    }
    const meta = typeof row.meta_info === 'string' ? row.meta_info.toLowerCase() : undefined;
    const question = typeof row.question === 'string' ? row.question : undefined;
    items.push({
      line,
      value: {
        id: question ? `mq-${createHash('sha1').update(question).digest('hex').slice(0, 16)}` : `line-${line}`,
        stem: row.question,
        choices: letters.map((l) => ({ text: (options as Record<string, unknown>)[l] })),
        answer: String.fromCharCode(65 + letters.indexOf(answer)),
        ...(meta && canonicalExam(meta) ? { exam: canonicalExam(meta) } : {}),
        tags: meta ? [`medqa:${meta}`] : [],
      },
    });
  }
  return {
    format: 'medqa',
    file,
    pack: { id: slugFromFile(file), title: `MedQA · ${titleFromFile(file)}`, version: '1', description: 'Imported from a MedQA JSONL file.', license: '', author: '' },
    items,
    files: new Map(),
    problems,
    warnings: [],
    fieldNames: { stem: 'question', choices: 'options', answer: 'answer_idx' },
  };
}
