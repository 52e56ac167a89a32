import { createHash } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { validateItems } from '../../../src/main/core/bank/draft';
import { looksCsv, parseCsv } from '../../../src/main/core/bank/importers/csv';
import { tokenizeCsv } from '../../../src/main/core/bank/importers/csvTokenizer';
import type { SourceGroup } from '../../../src/main/core/bank/sources';
import { formatProblem } from '../../../src/shared/result';

const group = (name: string, text: string): SourceGroup => ({ name, kind: 'file', files: [{ path: name, bytes: new TextEncoder().encode(text) }] });
const parse = (text: string, name = 'bank.csv') => parseCsv(group(name, text));
const hashId = (stem: string) => `csv-${createHash('sha1').update(stem).digest('hex').slice(0, 16)}`;
const values = (text: string, name?: string) => parse(text, name).items.map((i) => i.value);

describe('parseCsv: columns and values', () => {
  it('maps every column, with aliases, spacing and case ignored', () => {
    const text = [
      'ID,Question,Choice_A,choice-b,Option C,D,Why_B,Answer,Explanation,Objective,Exam,Discipline,System,Topic,Tags,Difficulty,References',
      'q1,A 30-year-old man…,Aspirin,Heparin,Warfarin,Alteplase,Heparin is right,B,Because.,Know anticoagulants,Step 2 CK,Medicine,Cardiovascular,PE,pe; anticoag,3,UpToDate; First Aid 2024',
    ].join('\n');
    const parsed = parse(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.items).toEqual([
      {
        line: 2,
        value: {
          id: 'q1',
          stem: 'A 30-year-old man…',
          choices: [{ text: 'Aspirin' }, { text: 'Heparin', explanation: 'Heparin is right' }, { text: 'Warfarin' }, { text: 'Alteplase' }],
          answer: 'B',
          explanation: 'Because.',
          objective: 'Know anticoagulants',
          exam: 'step2ck',
          discipline: 'Medicine',
          system: 'Cardiovascular',
          topic: 'PE',
          tags: ['pe', 'anticoag'],
          difficulty: 3,
          references: ['UpToDate', 'First Aid 2024'],
        },
      },
    ]);
    const { valid, problems } = validateItems(parsed);
    expect(problems).toEqual([]);
    expect(valid[0]?.question.answer).toBe('B');
    expect(valid[0]?.line).toBe(2);
  });

  it('names problems after the columns as the file spells them', () => {
    const parsed = parse('Question,A,B,Answer\n,x,y,A\n');
    expect(parsed.fieldNames).toEqual({ stem: 'Question', answer: 'Answer' });
    expect(validateItems(parsed).problems.map(formatProblem)).toEqual(['bank.csv · line 2 · Question: is missing']);
  });

  it('gives pack metadata from the file name', () => {
    const parsed = parse('stem,A,B,answer\nQ,x,y,A\n', 'My Cardio_deck.csv');
    expect(parsed.format).toBe('csv');
    expect(parsed.file).toBe('My Cardio_deck.csv');
    expect(parsed.pack).toEqual({ id: 'my-cardio-deck', title: 'My Cardio deck', version: '1', description: 'Imported from a CSV file.', license: '', author: '' });
  });

  it('hashes the stem into a stable id when there is no id column; a repeated stem with other choices is another question', () => {
    const text = 'stem,A,B,answer\nSame stem,x,y,A\nOther,x,y,B\nSame stem,p,q,B\nSame stem,x,y,A\n';
    expect(values(text).map((v) => (v as { id: string }).id)).toEqual([hashId('Same stem'), hashId('Other'), hashId('Same stem'), hashId('Same stem')]);
    expect(values(text)).toEqual(values(text)); // re-importing finds the same ids
    const { valid, problems, warnings } = validateItems(parse(text));
    expect(problems).toEqual([]);
    const ids = valid.map((v) => v.question.id);
    expect(ids.slice(0, 2)).toEqual([hashId('Same stem'), hashId('Other')]);
    expect(ids[2]).toMatch(new RegExp(`^${hashId('Same stem')}-[0-9a-f]{8}$`));
    expect(warnings.map(formatProblem)).toEqual(['bank.csv · line 5: duplicate of line 2 (the same question, choices and answer); imported once']);
  });

  it('normalises exam spellings and leaves unknown ones for validation', () => {
    const rows = ['step1', 'Step 1', 'step2', 'step 2 ck', 'step2&3', 'STEP_3', 'step4'].map((exam, i) => `Q${i},x,y,A,${exam}`);
    const parsed = parse(['stem,A,B,answer,exam', ...rows].join('\n'));
    expect(parsed.items.map((i) => (i.value as { exam: string }).exam)).toEqual(['step1', 'step1', 'step2ck', 'step2ck', 'step2ck', 'step3', 'step4']);
    const { problems } = validateItems(parsed);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'bank.csv', line: 8, field: 'exam' });
  });

  it('keeps a non-numeric difficulty as text so validation rejects it, naming the line and column', () => {
    const parsed = parse('stem,A,B,answer,Difficulty\nQ1,x,y,A,tough\nQ2,x,y,A,7\nQ3,x,y,A,5\n');
    expect(parsed.items.map((i) => (i.value as { difficulty: unknown }).difficulty)).toEqual(['tough', 7, 5]);
    const { valid, problems } = validateItems(parsed);
    expect(valid.map((v) => v.line)).toEqual([4]);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'Difficulty'],
      [3, 'Difficulty'],
    ]);
    expect(problems[0]?.message).toMatch(/number/);
  });

  it('splits tags on ; and , and references on ; only', () => {
    const [value] = values('stem,A,B,answer,tags,references\nQ,x,y,A,"a, b;c ; a","Smith, J. 2020; Doe, K."\n');
    expect(value).toMatchObject({ tags: ['a', 'b', 'c'], references: ['Smith, J. 2020', 'Doe, K.'] });
  });
});

describe('parseCsv: choices and the answer', () => {
  it('accepts the answer as a letter in either case, or as the exact text of a choice', () => {
    const text = 'stem,A,B,C,answer\nQ1,Aspirin,Heparin,Warfarin,c\nQ2,Aspirin,Heparin,Warfarin,Heparin\nQ3,Aspirin,Heparin,Warfarin,heparin\n';
    const answers = values(text).map((v) => (v as { answer: string }).answer);
    expect(answers).toEqual(['C', 'B']);
    // Text that matches no choice is a problem on its line that says what an answer may be.
    expect(validateItems(parse(text)).problems.map(formatProblem)).toEqual([
      "bank.csv · line 4 · answer: 'heparin' is not a choice: give its letter (A–C), its number or its exact text",
    ]);
  });

  it('skips empty choice columns and moves the answer letter with its choice', () => {
    const [value] = values('stem,A,B,C,D,E,answer\nQ,p,q,,s,,D\n');
    expect(value).toMatchObject({ choices: [{ text: 'p' }, { text: 'q' }, { text: 's' }], answer: 'C' });
  });

  it('reports an answer that names an empty choice on its row', () => {
    const parsed = parse('stem,A,B,C,D,E,answer\nQ,p,q,r,s,,E\n');
    expect(parsed.items).toEqual([]);
    expect(parsed.problems).toEqual([{ file: 'bank.csv', line: 2, field: 'answer', message: "'E' names choice E, which is empty on this row" }]);
  });

  it('leaves an answer beyond every choice column to validation', () => {
    const parsed = parse('Question,A,B,C,D,answer\nQ,p,q,r,s,F\n');
    expect(validateItems(parsed).problems.map(formatProblem)).toEqual(["bank.csv · line 2 · answer: 'F' is not one of A–D"]);
  });

  it('lets validation report a row with fewer than two choices', () => {
    const parsed = parse('stem,A,B,answer\nQ,only,,A\n');
    expect(validateItems(parsed).problems.map(formatProblem)).toEqual(['bank.csv · line 2 · choices: needs at least 2 choices']);
  });
});

describe('parseCsv: quoting and lines', () => {
  it('reads multi-line quoted fields and "" escapes, and numbers records by their first line', () => {
    const text = 'id,stem,A,B,answer\n1,"A man says ""help"",\nthen faints.\nWhy?",x,"y, or z",B\n2,Next,x,y,A\n';
    const parsed = parse(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.items.map((i) => i.line)).toEqual([2, 5]);
    expect(parsed.items[0]?.value).toMatchObject({ stem: 'A man says "help",\nthen faints.\nWhy?', choices: [{ text: 'x' }, { text: 'y, or z' }] });
  });

  it('counts lines after dropping the BOM and CRLF line ends, and skips blank lines and empty rows', () => {
    const text = '\uFEFFstem,A,B,answer\r\n\r\nQ1,x,y,A\r\n,,,\r\n\r\nQ2,"multi\r\nline",y,B\r\nQ3,x,y,A';
    const parsed = parse(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.items.map((i) => i.line)).toEqual([3, 6, 8]);
    expect(parsed.items[1]?.value).toMatchObject({ choices: [{ text: 'multi\nline' }, { text: 'y' }] });
  });

  it('reports an unclosed quote at the line its record starts, keeping only the records before it', () => {
    const text = 'stem,A,B,answer\nQ1,x,y,A\n"Q2\nover two lines",x,"y\nmore,B\nQ3,x,y,A\n';
    const parsed = parse(text);
    expect(parsed.items.map((i) => i.line)).toEqual([2]);
    expect(parsed.problems).toEqual([{ file: 'bank.csv', line: 3, message: 'unclosed quote: a field opened with " never ends' }]);
  });

  it('reports a record with more fields than the header, naming its line; trailing empty fields are fine', () => {
    const parsed = parse('stem,A,B,answer\nQ1,x,y,A,\nDose 1,000 mg?,x,y,A\nQ3,x,y,B\n');
    expect(parsed.items.map((i) => i.line)).toEqual([2, 4]);
    expect(parsed.problems).toEqual([
      { file: 'bank.csv', line: 3, message: 'has 5 fields but the header has 4 columns; put a field that contains a comma in double quotes' },
    ]);
  });

  it('tokenizes with the given first line number', () => {
    expect(tokenizeCsv('a,"b\n"\n\nc', ',', 10)).toEqual({
      records: [
        { line: 10, fields: ['a', 'b\n'] },
        { line: 13, fields: ['c'] },
      ],
    });
    expect(tokenizeCsv('a\n"b', ',', 1)).toEqual({ records: [{ line: 1, fields: ['a'] }], unclosedLine: 2 });
  });

  it('drops blanks before an opening quote, keeps text after a closing one, and reads a last line without a line break', () => {
    expect(tokenizeCsv('a, "b, c" ,d\n"x"y,\nno separator here\nlast', ',').records).toEqual([
      { line: 1, fields: ['a', 'b, c ', 'd'] },
      { line: 2, fields: ['xy', ''] },
      { line: 3, fields: ['no separator here'] },
      { line: 4, fields: ['last'] },
    ]);
    expect(tokenizeCsv('a b\t"c d"', ' ').records).toEqual([{ line: 1, fields: ['a', 'b\t"c', 'd"'] }]);
  });
});

describe('parseCsv: separators', () => {
  it('detects a semicolon from the header line, ignoring separators inside quotes', () => {
    const parsed = parse('stem;A;B;answer\n"Q, with comma";x;y;B\n');
    expect(parsed.items[0]?.value).toMatchObject({ stem: 'Q, with comma', choices: [{ text: 'x' }, { text: 'y' }], answer: 'B' });
    const quotedHeader = parse('"stem";"A, first";B;C;answer\nQ;x;y;z;C\n');
    // "A, first" is one (unknown) column name: the comma inside quotes did not count towards the separator.
    expect(quotedHeader.warnings).toEqual([{ file: 'bank.csv', field: 'A, first', message: 'is not a known column; ignored' }]);
    expect(quotedHeader.items[0]?.value).toMatchObject({ choices: [{ text: 'y' }, { text: 'z' }], answer: 'B' });
  });

  it('uses a tab for .tsv files, even when the header holds commas', () => {
    const parsed = parse('stem\tA\tB\tanswer\ttags\nQ, really\tx\ty\tA\ta,b\n', 'bank.tsv');
    expect(parsed.items[0]?.value).toMatchObject({ stem: 'Q, really', answer: 'A', tags: ['a', 'b'] });
  });

  it('detects tabs and pipes in other files', () => {
    expect(values('stem\tA\tB\tanswer\nQ\tx\ty\tB\n', 'export.txt')[0]).toMatchObject({ stem: 'Q', answer: 'B' });
    expect(values('stem|A|B|answer\nQ, ok|x|y|B\n')[0]).toMatchObject({ stem: 'Q, ok', choices: [{ text: 'x' }, { text: 'y' }], answer: 'B' });
  });
});

describe('parseCsv: Anki header lines', () => {
  it('reads #separator and #columns (no header row follows) and Anki space-separated tags', () => {
    const text = '#separator:tab\n#html:true\n#notetype:Basic\n#columns:stem\tA\tB\tanswer\ttags\nQ1\tx\ty\tB\tcardio renal::aki\nQ2\tx\ty\tA\t\n';
    const parsed = parse(text, 'deck.txt');
    expect(parsed.problems).toEqual([]);
    expect(parsed.items).toEqual([
      { line: 5, derivedId: true, value: { id: hashId('Q1'), stem: 'Q1', choices: [{ text: 'x' }, { text: 'y' }], answer: 'B', tags: ['cardio', 'renal::aki'], references: [] } },
      { line: 6, derivedId: true, value: { id: hashId('Q2'), stem: 'Q2', choices: [{ text: 'x' }, { text: 'y' }], answer: 'A', tags: [], references: [] } },
    ]);
  });

  it('accepts separator names and literal characters, and detects the separator of #columns when none is declared', () => {
    expect(values('#separator:Pipe\nstem|A|B|answer\nQ|x|y|B\n')[0]).toMatchObject({ stem: 'Q', answer: 'B' });
    expect(values('#separator:;\nstem;A;B;answer\nQ, yes;x;y;B\n')[0]).toMatchObject({ stem: 'Q, yes' });
    expect(values('#separator:semicolon\n#columns:stem;A;B;answer\nQ;x;y;A\n')[0]).toMatchObject({ stem: 'Q', answer: 'A' });
    expect(values('#columns:stem;A;B;answer\nQ, yes;x;y;A\n')[0]).toMatchObject({ stem: 'Q, yes', answer: 'A' });
  });

  it('takes tags from the #tags column, whatever that column is called', () => {
    const [value] = values('#separator:comma\n#tags column:5\n#columns:stem,A,B,answer,Labels\nQ,x,y,A,one two\n');
    expect(value).toMatchObject({ tags: ['one', 'two'] });
  });

  it('reports an unknown separator at its line', () => {
    const parsed = parse('#html:false\n#separator:double-colon\nstem,A,B,answer\nQ,x,y,A\n');
    expect(parsed.items).toEqual([]);
    expect(parsed.problems).toEqual([
      { file: 'bank.csv', line: 2, field: '#separator', message: "'double-colon' is not comma, semicolon, tab, pipe, space or a single character" },
    ]);
  });
});

describe('parseCsv: header problems', () => {
  it('reports each missing required column once, for the whole file', () => {
    const parsed = parse('Front,Back\nQ,x\nQ2,y\n');
    expect(parsed.items).toEqual([]);
    expect(parsed.problems).toEqual([
      { file: 'bank.csv', field: 'stem', message: "no stem column: name one 'stem' or 'question', or map one (stem=<column>)" },
      {
        file: 'bank.csv',
        field: 'choices',
        message: 'needs at least two choice columns (A, B, … or choice_a, choice_b, …), or a mapping that names them (choices=opa,opb,…); found 0 among Front, Back',
      },
      { file: 'bank.csv', field: 'answer', message: "no answer column: name one 'answer', or map one (answer=<column>)" },
    ]);
    expect(parse('question,A,B\nQ,x,y\n').problems).toEqual([{ file: 'bank.csv', field: 'answer', message: "no answer column: name one 'answer', or map one (answer=<column>)" }]);
    expect(parse('question,A,answer\nQ,x,A\n').problems.map((p) => p.field)).toEqual(['choices']);
  });

  it('reports two columns that mean the same field', () => {
    const parsed = parse('stem,question,A,choice_a,B,answer\nQ,Q,x,x,y,A\n');
    expect(parsed.items).toEqual([]);
    expect(parsed.problems).toEqual([
      { file: 'bank.csv', field: 'question', message: "means the same as column 'stem'; keep one of them" },
      { file: 'bank.csv', field: 'choice_a', message: "means the same as column 'A'; keep one of them" },
    ]);
  });

  it('gives an empty file no items and no column problems', () => {
    expect(parse('\n\n')).toMatchObject({ items: [], problems: [] });
  });
});

describe('looksCsv', () => {
  const looks = (text: string, name = 'bank.txt') => looksCsv(group(name, text));

  it('recognises Anki headers and header rows naming the stem', () => {
    expect(looks('#separator:tab\n#html:true\nQ\tA\n')).toBe(true);
    expect(looks('#html:true\n#columns:Front;Back\n')).toBe(true);
    expect(looks('\uFEFF\nid,Question,A,B,answer\n')).toBe(true);
    expect(looks('stem\tA\tB\tanswer\n')).toBe(true);
    expect(looks('"Stem";"A";"B"\n')).toBe(true);
  });

  it('rejects prose, Markdown and JSON that mention questions, and folders', () => {
    expect(looks('# Question bank, part 1\n')).toBe(false);
    expect(looks('Questions about the heart, lungs and kidneys\n')).toBe(false);
    expect(looks('{"question": "x", "options": {}}\n')).toBe(false);
    expect(looks('stem\n')).toBe(false);
    expect(looksCsv({ name: 'notes', kind: 'folder', files: [{ path: 'a.csv', bytes: new TextEncoder().encode('stem,A\n') }] })).toBe(false);
  });
});
