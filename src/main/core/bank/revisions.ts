/**
 * A question as of one revision. `questions` holds the current revision; each replaced one is a JSON snapshot in
 * `question_revisions`. A block item records the revision it was drawn with, so its choices, answer and explanations
 * (and therefore its score and its review) never follow a later re-import.
 */
import type { QuestionView } from '../../../shared/types';
import { CHOICE_LABELS } from '../../../shared/pack';
import type { Db } from '../db/open';
import { getQuestion } from './queries';

interface Snapshot {
  stem: string;
  explanation: string;
  answer: number;
  choices: { text: string; explanation: string }[];
  objective?: string;
  references?: string | string[];
}

/**
 * SQL for the answer index of a block item `i` joined with its question `q`: the current answer when the item was
 * drawn from the current revision (or predates revision tracking), else the answer kept in the snapshot.
 */
export const ITEM_ANSWER_SQL = `(CASE WHEN i.revision IS NULL OR i.revision = q.revision THEN q.answer_index
  ELSE (SELECT json_extract(r.content, '$.answer') FROM question_revisions r WHERE r.question_id = i.question_id AND r.revision = i.revision) END)`;

function snapshot(db: Db, questionId: number, revision: number): Snapshot | null {
  const content = db.prepare('SELECT content FROM question_revisions WHERE question_id = ? AND revision = ?').pluck().get(questionId, revision) as string | undefined;
  return content === undefined ? null : (JSON.parse(content) as Snapshot);
}

/** The answer index and choice count of one revision. */
export function revisionAnswer(db: Db, questionId: number, revision: number | null): { answer: number; choiceCount: number } {
  const current = db.prepare('SELECT revision, answer_index, choice_count FROM questions WHERE id = ?').get(questionId) as {
    revision: number;
    answer_index: number;
    choice_count: number;
  };
  const old = revision !== null && revision !== current.revision ? snapshot(db, questionId, revision) : null;
  return old ? { answer: old.answer, choiceCount: old.choices.length } : { answer: current.answer_index, choiceCount: current.choice_count };
}

/** The question as it was at `revision`; metadata (pack, system, tags, images) is the current one. */
export function questionAtRevision(db: Db, questionId: number, revision: number | null, reveal: boolean): QuestionView {
  const view = getQuestion(db, questionId, reveal);
  const current = db.prepare('SELECT revision FROM questions WHERE id = ?').pluck().get(questionId) as number;
  if (revision === null || revision === current) return view;
  const old = snapshot(db, questionId, revision);
  if (!old) return view;
  view.stemHtml = old.stem;
  view.choices = old.choices.map((c, idx) => ({
    label: CHOICE_LABELS[idx]!,
    html: c.text,
    ...(reveal && c.explanation ? { explanationHtml: c.explanation } : {}),
  }));
  if (reveal) {
    view.answerIndex = old.answer;
    view.explanationHtml = old.explanation;
    if (old.objective !== undefined) view.objective = old.objective;
    if (old.references !== undefined) view.references = typeof old.references === 'string' ? (JSON.parse(old.references) as string[]) : old.references;
  }
  view.revision = revision;
  return view;
}
