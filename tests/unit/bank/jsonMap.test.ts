import { createHash } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { validateItems } from '../../../src/main/core/bank/draft';
import { evaluatePath, parseJsonMap, parsePath } from '../../../src/main/core/bank/importers/jsonMap';
import type { SourceGroup } from '../../../src/main/core/bank/sources';
import { AppError, formatProblem } from '../../../src/shared/result';

const group = (text: string, name = 'bank.json'): SourceGroup => ({ name, kind: 'file', files: [{ path: name, bytes: new TextEncoder().encode(text) }] });
const parse = (data: unknown, map: Record<string, string>, name?: string) => parseJsonMap(group(JSON.stringify(data, null, 2), name), map);
const values = (data: unknown, map: Record<string, string>) => parse(data, map).items.map((i) => i.value);

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const BASIC = { stem: 'question', choices: 'options', answer: 'answer' };

describe('parseJsonMap: paths', () => {
  it('parses dotted paths with [] and [n]', () => {
    expect(parsePath('q.body.text')).toEqual([
      { kind: 'key', key: 'q' },
      { kind: 'key', key: 'body' },
      { kind: 'key', key: 'text' },
    ]);
    expect(parsePath('answers[].text')).toEqual([{ kind: 'key', key: 'answers' }, { kind: 'each' }, { kind: 'key', key: 'text' }]);
    expect(parsePath('refs[1]')).toEqual([{ kind: 'key', key: 'refs' }, { kind: 'index', index: 1 }]);
    expect(parsePath('a..b')).toBeUndefined();
    expect(parsePath('a[x]')).toBeUndefined();
    expect(parsePath('')).toBeUndefined();
  });

  it('evaluates [] over arrays and objects, and yields undefined for missing steps', () => {
    const data = { a: { list: [{ t: 1 }, { t: 2 }, {}], obj: { b: { t: 'B' }, a: { t: 'A' } } } };
    expect(evaluatePath(data, parsePath('a.list[].t') ?? [])).toEqual([1, 2, undefined]);
    expect(evaluatePath(data, parsePath('a.obj[].t') ?? [])).toEqual(['A', 'B']);
    expect(evaluatePath(data, parsePath('a.list[1].t') ?? [])).toBe(2);
    expect(evaluatePath(data, parsePath('a.nothing.t') ?? [])).toBeUndefined();
    expect(evaluatePath(data, parsePath('a.obj.b.t.x') ?? [])).toBeUndefined();
  });
});

describe('parseJsonMap: questions', () => {
  it('maps nested paths and answers[].text, keeping each item index and naming source paths in fieldNames', () => {
    const data = [
      { uid: 'x1', body: { text: 'Stem one' }, answers: [{ text: 'p' }, { text: 'q' }, { text: 'r' }], correct: 'b', meta: { step: 'Step 1' } },
      { uid: 7, body: { text: 'Stem two' }, answers: [{ text: 'p' }, { text: 'q' }], correct: 'A' },
    ];
    const map = { id: 'uid', stem: 'body.text', choices: 'answers[].text', answer: 'correct', exam: 'meta.step' };
    const parsed = parse(data, map);
    expect(parsed.problems).toEqual([]);
    expect(parsed.items).toEqual([
      { item: 0, value: { id: 'x1', stem: 'Stem one', choices: [{ text: 'p' }, { text: 'q' }, { text: 'r' }], answer: 'B', exam: 'step1' } },
      { item: 1, value: { id: '7', stem: 'Stem two', choices: [{ text: 'p' }, { text: 'q' }], answer: 'A' } },
    ]);
    expect(parsed.fieldNames).toEqual({ id: 'uid', stem: 'body.text', choices: 'answers[].text', answer: 'correct', exam: 'meta.step' });
    expect(validateItems(parsed).valid.map((v) => v.item)).toEqual([0, 1]);
  });

  it('reads an options object in key order, numerically for numbered keys, and maps an answer that is a key', () => {
    const [first, second] = values(
      [
        { question: 'Q1', options: { C: 'c', A: 'a', B: 'b' }, answer: 'C' },
        { question: 'Q2', options: { '10': 'ten', '2': 'two', '1': 'one' }, answer: '10' },
      ],
      BASIC,
    );
    expect(first).toMatchObject({ choices: [{ text: 'a' }, { text: 'b' }, { text: 'c' }], answer: 'C' });
    expect(second).toMatchObject({ choices: [{ text: 'one' }, { text: 'two' }, { text: 'ten' }], answer: 'C' });
  });

  it('turns a 0-based index into a letter and lets validation report one out of range, by source path and item', () => {
    const data = [0, 3, 1, 5].map((answer_idx, i) => ({ question: `Q${i}`, options: ['a', 'b', 'c', 'd', 'e'], answer_idx }));
    const parsed = parse(data, { stem: 'question', choices: 'options', answer: 'answer_idx' });
    expect(parsed.items.map((i) => (i.value as { answer: string }).answer)).toEqual(['A', 'D', 'B', 'F']);
    expect(validateItems(parsed).problems.map(formatProblem)).toEqual(["bank.json · item 4 · answer_idx: 'F' is not one of A–E"]);
  });

  it('matches an answer given as the text of a choice, and passes anything else through for validation', () => {
    const data = [
      { question: 'Q0', options: ['Aspirin', 'Heparin'], answer: 'Heparin' },
      { question: 'Q1', options: ['Aspirin', 'Heparin'], answer: 'Insulin' },
      { question: 'Q2', options: ['Aspirin', 'Heparin'], answer: 1.5 },
      { question: 'Q3', options: ['Aspirin', 'Heparin'] },
    ];
    const parsed = parse(data, BASIC);
    expect(parsed.items.map((i) => (i.value as { answer?: unknown }).answer)).toEqual(['B', 'Insulin', 1.5, undefined]);
    expect(validateItems(parsed).problems.map(formatProblem)).toEqual([
      'bank.json · item 2 · answer: must be one choice letter A–Z',
      expect.stringMatching(/^bank\.json · item 3 · answer: .*string/),
      'bank.json · item 4 · answer: is missing',
    ]);
  });

  it('reads the answer from per-choice flags such as answers[].correct', () => {
    const data = [{ q: 'Q', answers: [{ text: 'a' }, { text: 'b', correct: true }, { text: 'c', correct: false }] }];
    const [value] = values(data, { stem: 'q', choices: 'answers[].text', answer: 'answers[].correct' });
    expect(value).toMatchObject({ choices: [{ text: 'a' }, { text: 'b' }, { text: 'c' }], answer: 'B' });
  });

  it('attaches choice explanations, splits tags and references, converts difficulty, and drops nulls', () => {
    const data = [
      {
        q: 'Q',
        opts: [{ t: 'a', why: 'because a' }, { t: 'b', why: '' }],
        ans: 0,
        tags: 'cardio; renal,  cardio',
        refs: 'Smith, 2020; Doe',
        diff: '4',
        obj: null,
        why: 'General.',
        disc: 'Pharmacology',
        sys: 'Renal & Urinary',
        topic: 'Diuretics',
      },
      { q: 'Q2', opts: [{ t: 'a' }, { t: 'b' }], ans: 1, tags: ['x', 'y'], refs: ['R'], diff: 2 },
    ];
    const map = {
      stem: 'q',
      choices: 'opts[].t',
      choiceExplanations: 'opts[].why',
      answer: 'ans',
      tags: 'tags',
      references: 'refs',
      difficulty: 'diff',
      objective: 'obj',
      explanation: 'why',
      discipline: 'disc',
      system: 'sys',
      topic: 'topic',
    };
    const parsed = parse(data, map);
    expect(parsed.items.map((i) => i.value)).toEqual([
      {
        id: `json-${createHash('sha1').update('Q').digest('hex').slice(0, 16)}`,
        stem: 'Q',
        choices: [{ text: 'a', explanation: 'because a' }, { text: 'b' }],
        answer: 'A',
        explanation: 'General.',
        discipline: 'Pharmacology',
        system: 'Renal & Urinary',
        topic: 'Diuretics',
        tags: ['cardio', 'renal'],
        difficulty: 4,
        references: ['Smith, 2020', 'Doe'],
      },
      {
        id: `json-${createHash('sha1').update('Q2').digest('hex').slice(0, 16)}`,
        stem: 'Q2',
        choices: [{ text: 'a' }, { text: 'b' }],
        answer: 'B',
        tags: ['x', 'y'],
        difficulty: 2,
        references: ['R'],
      },
    ]);
    expect(validateItems(parsed).problems).toEqual([]);
  });

  it('names the source path when a mapped field fails validation', () => {
    const parsed = parse([{ q: 'Q', o: ['a', 'b'], a: 'A', level: 'tough' }], { stem: 'q', choices: 'o', answer: 'a', difficulty: 'level' });
    const problems = validateItems(parsed).problems;
    expect(problems.map((p) => [p.item, p.field])).toEqual([[0, 'level']]);
  });

  it('uses the single array inside a wrapper object, and reports elements that are not objects', () => {
    const parsed = parse({ version: 2, questions: [{ question: 'Q', options: ['a', 'b'], answer: 'A' }, 'oops'] }, BASIC);
    expect(parsed.items).toHaveLength(1);
    expect(parsed.problems).toEqual([{ file: 'bank.json', item: 1, message: 'must be a JSON object' }]);
  });

  it('gives pack metadata from the file name', () => {
    const parsed = parse([], BASIC, 'Board Review_2024.json');
    expect(parsed.format).toBe('json-map');
    expect(parsed.pack).toEqual({
      id: 'board-review-2024',
      title: 'Board Review 2024',
      version: '1',
      description: 'Imported from a JSON file with a field mapping.',
      license: '',
      author: '',
    });
    expect(parsed.items).toEqual([]);
  });
});

describe('parseJsonMap: errors', () => {
  it('requires stem, choices and answer in the mapping', () => {
    const error = thrown(() => parse([], { stem: 'question', choices: 'options' }));
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.details).toEqual([
      { file: 'bank.json', field: 'map', message: 'the mapping needs stem, choices and answer (e.g. --map stem=question --map choices=options --map answer=answer_idx)' },
    ]);
    expect(thrown(() => parse([], {})).details?.[0]?.field).toBe('map');
  });

  it('rejects unknown targets and malformed paths', () => {
    const error = thrown(() => parse([], { ...BASIC, question: 'q', topic: 'meta..topic' }));
    expect(error.details).toEqual([
      { file: 'bank.json', field: 'map', message: expect.stringMatching(/^'question' is not a field to map; use id, stem, choices/) },
      { file: 'bank.json', field: 'map', message: "topic=meta..topic: 'meta..topic' is not a path like a.b, answers[].text or options" },
    ]);
  });

  it('reports invalid JSON with its line', () => {
    const error = thrown(() => parseJsonMap(group('[\n  {"question": "Q",\n   "options": [1, 2],,\n  }\n]'), BASIC));
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.details?.[0]).toMatchObject({ file: 'bank.json', line: 3 });
    expect(error.details?.[0]?.message).toMatch(/^invalid JSON/);
  });

  it('rejects documents that hold no single question array', () => {
    expect(thrown(() => parse({ a: [], b: [] }, BASIC)).details).toEqual([
      { file: 'bank.json', message: "more than one array ('a', 'b'); cannot tell which holds the questions" },
    ]);
    expect(thrown(() => parse('just text', BASIC)).details).toEqual([
      { file: 'bank.json', message: 'expected a JSON array of question objects, or an object holding one' },
    ]);
  });
});
