/**
 * MedQA: objects with question, options {A: …}, answer_idx, meta_info (step1 | step2&3), one a line (JSONL, as the
 * data set ships) or in one JSON array (as some redistributions save it, often as .json).
 * MedQA has no ids; a question's id is a hash of its text, so re-importing the same file finds the same questions.
 */
import { createHash } from 'node:crypto';
import { canonicalExam } from '../../../../shared/vocabulary';
import type { Problem } from '../../../../shared/result';
import { slugFromFile, titleFromFile, type ParsedSource, type RawItem } from '../draft';
import type { SourceGroup } from '../sources';
import { decodeText } from '../sources';
import { parseJson } from './json';

export function looksMedqa(group: SourceGroup): boolean {
  const f = group.files[0];
  if (group.kind !== 'file' || !f) return false;
  const head = new TextDecoder().decode(f.bytes.subarray(0, 4000)).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('{') && head.includes('"question"') && head.includes('"options"');
}

/** A parsed JSON value in MedQA's shape: an array whose first element has a question and an options object. */
export function isMedqaArray(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  const first = value[0] as Record<string, unknown> | undefined;
  return typeof first === 'object' && first !== null && typeof first.question === 'string' && typeof first.options === 'object' && 'answer_idx' in first;
}


/** Where a row came from: a line of JSONL or an element of a JSON array (exactly one of the two is set). */
interface Where {
  line?: number;
  item?: number;
}

function medqaItem(file: string, row: unknown, where: Where): RawItem | Problem {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    return { file, ...where, message: where.line !== undefined ? 'each line must be a JSON object' : 'must be a JSON object' };
  }
  const r = row as Record<string, unknown>;
  const options = r.options;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    return { file, ...where, field: 'options', message: 'must be an object like {"A": "…", "B": "…"}' };
  }
  const letters = Object.keys(options).sort();
  const answer = r.answer_idx;
  if (typeof answer !== 'string' || !letters.includes(answer)) {
    const range = letters.length ? `${letters[0]}–${letters[letters.length - 1]}` : 'the options';
    return { file, ...where, field: 'answer_idx', message: answer === undefined ? 'is missing' : `'${String(answer)}' is not one of ${range}` };
  }
  const meta = typeof r.meta_info === 'string' ? r.meta_info.toLowerCase() : undefined;
  const question = typeof r.question === 'string' ? r.question : undefined;
  const fallbackId = where.line !== undefined ? `line-${where.line}` : `item-${(where.item ?? 0) + 1}`;
  // Built without spreading `where`: this runs for every line of a 10,000-question file.
  return {
    line: where.line,
    item: where.item,
    derivedId: true,
    value: {
      id: question ? `mq-${createHash('sha1').update(question).digest('hex').slice(0, 16)}` : fallbackId,
      stem: r.question,
      choices: letters.map((l) => ({ text: (options as Record<string, unknown>)[l] })),
      answer: String.fromCharCode(65 + letters.indexOf(answer)),
      ...(meta && canonicalExam(meta) ? { exam: canonicalExam(meta) } : {}),
      tags: meta ? [`medqa:${meta}`] : [],
    },
  };
}

/** MedXpertQA's shape: the answer in `label`, options often as the text of a Python dict. */
const MEDXPERTQA_MAP = '--map id=id --map stem=question --map choices=options --map answer=label --map system=body_system --map tags=medical_task,question_type';

function looksMedXpertQA(row: unknown): boolean {
  if (typeof row !== 'object' || row === null) return false;
  const r = row as Record<string, unknown>;
  return !('answer_idx' in r) && 'label' in r && (typeof r.options === 'string' || 'body_system' in r || 'medical_task' in r);
}

export function parseMedqa(group: SourceGroup): ParsedSource {
  const file = group.name;
  const text = decodeText(file, group.files[0]!.bytes);
  const items: RawItem[] = [];
  const problems: Problem[] = [];
  let first = true;
  const add = (result: RawItem | Problem) => ('value' in result ? items.push(result) : problems.push(result));
  // A MedXpertQA file would fail on every line ("options must be an object"): one message that says what to do instead.
  const refuseMedXpertQA = (row: unknown): boolean => {
    const refuse = first && looksMedXpertQA(row);
    first = false;
    if (refuse) {
      problems.push({
        file,
        field: 'map',
        message: `looks like MedXpertQA (options as a text {'A': …}, the answer in 'label'), which needs a field mapping: ${MEDXPERTQA_MAP} (in the app: JSON array + field mapping)`,
      });
    }
    return refuse;
  };
  if (/^\uFEFF?\s*\[/.test(text)) {
    const list = parseJson(file, text);
    if (!Array.isArray(list)) problems.push({ file, message: 'expected a JSON array of MedQA questions' });
    else if (!refuseMedXpertQA(list[0])) list.forEach((row, item) => add(medqaItem(file, row, { item })));
  } else {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const raw = lines[i]!.trim();
      if (!raw) continue;
      const line = i + 1;
      let row: unknown;
      try {
        row = JSON.parse(raw);
      } catch (error) {
        problems.push({ file, line, message: `invalid JSON (${(error as Error).message.replace(/ in JSON at position.*$/, '')})` });
        continue;
      }
      if (refuseMedXpertQA(row)) break;
      add(medqaItem(file, row, { line }));
    }
  }
  return {
    format: 'medqa',
    file,
    pack: { id: slugFromFile(file), title: `MedQA · ${titleFromFile(file)}`, version: '1', description: 'Imported from a MedQA file.', license: '', author: '' },
    items,
    files: new Map(),
    problems,
    warnings: [],
    fieldNames: { stem: 'question', choices: 'options', answer: 'answer_idx' },
  };
}
