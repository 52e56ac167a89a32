/** What "Make card" builds from a selection: the selection as the answer, the question as context, or a cloze. */
import { describe, expect, it } from 'vitest';
import { clozeInSentence, escapeMarkdown, promptFromContext, questionContext } from '../../../src/shared/selectionCard';

const STEM =
  'A 23-year-old man comes to the physician for a preparticipation examination. He feels well. An ECG shows a PR interval that lengthens until a beat is dropped. Which of the following is the most likely site of this conduction abnormality?';

describe('Make card from a selection', () => {
  it('asks for the selection with the vignette opening and the question it asked', () => {
    expect(promptFromContext({ stem: STEM })).toBe(
      'A 23-year-old man comes to the physician for a preparticipation examination.\n\nWhich of the following is the most likely site of this conduction abnormality?\n\nWhat is the key point?',
    );
    expect(questionContext({ title: 'Heart block' })).toBe('Heart block');
    expect(promptFromContext({ title: 'Heart block' })).toBe('Heart block\n\nWhat is the key point?');
    expect(promptFromContext({})).toBe('What is the key point?');
  });

  it('hides the selection within its own sentence', () => {
    const text = 'Mobitz I is benign. The block is almost always located in the AV node. Pacing is rarely needed.';
    expect(clozeInSentence(text, 'AV node')).toBe('The block is almost always located in the {{c1::AV node}}.');
    expect(clozeInSentence(text, 'Mobitz I')).toBe('{{c1::Mobitz I}} is benign.');
    expect(clozeInSentence('no such text here', 'AV node')).toBe('{{c1::AV node}}');
  });

  it('escapes selected text that Markdown would read as formatting', () => {
    expect(escapeMarkdown('1. first *not* bold [x]')).toBe('1\\. first \\*not\\* bold \\[x\\]');
    expect(escapeMarkdown('- item')).toBe('\\- item');
  });
});
