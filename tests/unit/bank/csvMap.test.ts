/** CSV with a field mapping (`--map`), numeric answers (CSV and mapped JSON), and difficulty words. */
import { describe, expect, it } from 'vitest';
import { validateItems } from '../../../src/main/core/bank/draft';
import { parseCsv } from '../../../src/main/core/bank/importers/csv';
import { difficultyFrom } from '../../../src/main/core/bank/importers/fields';
import { parseJsonMap } from '../../../src/main/core/bank/importers/jsonMap';
import { closest } from '../../../src/main/core/bank/importers/suggest';
import type { SourceGroup } from '../../../src/main/core/bank/sources';

const group = (text: string, name = 'bank.csv'): SourceGroup => ({ name, kind: 'file', files: [{ path: name, bytes: new TextEncoder().encode(text) }] });
const parse = (text: string, map: Record<string, string> = {}) => parseCsv(group(text), map);
const answers = (text: string, map: Record<string, string> = {}) => validateItems(parse(text, map)).valid.map((v) => v.question.answer);

const MAP = { stem: 'question', choices: 'opa,opb,opc,opd', answer: 'cop' };

describe('parseCsv with a mapping', () => {
  it('takes stem, choices (a list of columns, in order), answer and explanation from the named columns', () => {
    const parsed = parse('question,opd,opa,opb,opc,cop,exp\nQ,d,a,b,c,C,why\n', { ...MAP, answer: 'cop', explanation: 'exp' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.items[0]?.value).toMatchObject({ stem: 'Q', choices: [{ text: 'a' }, { text: 'b' }, { text: 'c' }, { text: 'd' }], answer: 'C', explanation: 'why' });
  });

  it('works the same for TSV, with choice explanations from a list of columns', () => {
    const text = 'frage\tr1\tr2\tr3\tw1\tw2\tw3\tkey\nWhich drug reverses heparin?\tVitamin K\tProtamine\tIdarucizumab\tFor warfarin.\tBinds heparin.\tFor dabigatran.\tProtamine\n';
    const parsed = parseCsv(group(text, 'bank.tsv'), { stem: 'frage', choices: 'r1,r2,r3', choiceExplanations: 'w1,w2,w3', answer: 'key' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.items[0]?.value).toMatchObject({
      choices: [
        { text: 'Vitamin K', explanation: 'For warfarin.' },
        { text: 'Protamine', explanation: 'Binds heparin.' },
        { text: 'Idarucizumab', explanation: 'For dabigatran.' },
      ],
      answer: 'B',
    });
  });

  it('matches column names ignoring case, spaces, _ and -', () => {
    expect(parse('Question Text,Op A,Op B,Answer-Idx\nQ,x,y,B\n', { stem: 'question_text', choices: 'opa, opb', answer: 'answer idx' }).items[0]?.value).toMatchObject({
      stem: 'Q',
      answer: 'B',
    });
  });

  it('numbers count from 0 when a 0 occurs, from 1 when the last choice’s number occurs', () => {
    expect(answers('question,opa,opb,opc,opd,cop\nQ1,a,b,c,d,0\nQ2,a,b,c,d,3\n', MAP)).toEqual(['A', 'D']);
    expect(answers('question,opa,opb,opc,opd,cop\nQ1,a,b,c,d,1\nQ2,a,b,c,d,4\n', MAP)).toEqual(['A', 'D']);
  });

  it('says so when it cannot tell whether numbers count from 0 or 1, and reads them from 0', () => {
    const parsed = parse('question,opa,opb,opc,opd,cop\nQ1,a,b,c,d,2\n', MAP);
    expect(parsed.warnings).toEqual([
      {
        file: 'bank.csv',
        field: 'cop',
        message: 'answers are numbers but none is 0 or 4, so it is not clear whether they count from 0 or 1; read as 0 = first choice (check a question)',
      },
    ]);
    expect(answers('question,opa,opb,opc,opd,cop\nQ1,a,b,c,d,2\n', MAP)).toEqual(['C']);
  });

  it('accepts the answer as the text of a choice, and names an out-of-range number', () => {
    expect(answers('question,opa,opb,opc,opd,cop\nQ1,a,b,c,d,c\nQ2,apple,banana,cherry,date,banana\n', MAP)).toEqual(['C', 'B']);
    const parsed = parse('question,opa,opb,opc,opd,cop\nQ1,a,b,c,d,0\nQ2,a,b,c,d,7\n', MAP);
    expect(parsed.problems).toEqual([{ file: 'bank.csv', line: 3, field: 'cop', message: "'7' is not a choice number: the file counts choices from 0, so use 0–3" }]);
  });

  it('moves a numeric answer with its choice when an earlier choice column is empty on the row', () => {
    expect(answers('question,opa,opb,opc,opd,cop\nQ1,a,,c,d,3\nQ2,a,b,c,d,0\n', MAP)).toEqual(['C', 'A']);
  });

  it('refuses unknown targets and columns, with a suggestion', () => {
    expect(parse('question,opa,opb,cop\nQ,x,y,0\n', { ...MAP, choices: 'opa,opb', explenation: 'exp' }).problems).toEqual([
      { file: 'bank.csv', field: 'map', message: `'explenation' is not a field to map (did you mean 'explanation'?); use id, stem, choices, choiceExplanations, answer, explanation, objective, exam, discipline, system, topic, tags, difficulty, references` },
    ]);
    expect(parse('question,opa,opb,cop\nQ,x,y,0\n', { ...MAP, choices: 'opa,opb', answer: 'cpo' }).problems).toEqual([
      { file: 'bank.csv', field: 'map', message: "answer=cpo: no column 'cpo' (did you mean 'cop'?); the columns are question, opa, opb, cop" },
    ]);
    expect(parse('question,opa,opb,cop\nQ,x,y,0\n', { ...MAP, choices: 'opa,opb', stem: 'question,opa' }).problems.map((p) => p.message)).toEqual([
      'stem=question,opa: stem takes one column; only choices and choiceExplanations take a list',
    ]);
  });

  it('a mapped role wins over a column whose name suggests the same role, and says that column is not used', () => {
    const parsed = parse('question,A,B,opa,opb,answer,cop\nQ,x,y,p,q,B,0\n', { choices: 'opa,opb', answer: 'cop' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.items[0]?.value).toMatchObject({ choices: [{ text: 'p' }, { text: 'q' }], answer: 'A' });
    expect(parsed.warnings.map((w) => `${w.field}: ${w.message}`)).toEqual([
      'A: is not used: the mapping takes the choices from other columns',
      'B: is not used: the mapping takes the choices from other columns',
      'answer: is not used: the mapping takes answer from other columns',
    ]);
  });
});

describe('difficulty words and suggestions', () => {
  it('maps easy / medium / hard (any case) to 1 / 3 / 5 and leaves other words for validation', () => {
    expect(['easy', 'Medium', ' HARD ', 'moderate', 'difficult', '4', 'tough'].map(difficultyFrom)).toEqual([1, 3, 5, 3, 5, 4, 'tough']);
  });

  it('suggests only near misses', () => {
    expect(closest('explanaton', ['explanation', 'exam'])).toBe('explanation');
    expect(closest('explanaiton', ['explanation'])).toBe('explanation');
    expect(closest('choice', ['choices'])).toBe('choices');
    expect(closest('answerIdx', ['answer_idx'])).toBe('answer_idx');
    expect(closest('source_url', ['stem', 'choices', 'answer', 'explanation', 'references'])).toBeUndefined();
    expect(closest('id', ['id'])).toBeUndefined();
  });
});

describe('parseJsonMap: numeric answers and lists of keys', () => {
  const parseJson = (data: unknown[], map: Record<string, string>) => parseJsonMap(group(JSON.stringify(data), 'bank.json'), map);
  const jsonAnswers = (data: unknown[], map: Record<string, string>) => validateItems(parseJson(data, map)).valid.map((v) => v.question.answer);
  const row = (cop: number) => ({ q: `Q${cop}`, opa: 'a', opb: 'b', opc: 'c', cop });
  const MAP3 = { stem: 'q', choices: 'opa,opb,opc', answer: 'cop' };

  it('counts from 0 when a 0 occurs, from 1 when the last choice’s number occurs', () => {
    expect(jsonAnswers([row(0), row(2)], MAP3)).toEqual(['A', 'C']);
    expect(jsonAnswers([row(1), row(3)], MAP3)).toEqual(['A', 'C']);
  });

  it('reads from 0 and says so when the file does not tell', () => {
    const parsed = parseJson([row(1)], MAP3);
    expect(parsed.warnings.map((w) => [w.field, w.message])).toEqual([
      ['cop', 'answers are numbers but none is 0 or the last choice, so it is not clear whether they count from 0 or 1; read as 0 = first choice (check a question)'],
    ]);
    expect(jsonAnswers([row(1)], MAP3)).toEqual(['B']);
  });
});
