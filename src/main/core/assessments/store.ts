/** The self-assessment log and the real exam results: reads and one-transaction writes. */
import type { Exam } from '../../../shared/pack';
import { assessmentTitle, formatOnScale, type AssessmentScale, type ProductId } from '../../../shared/readiness/catalogue';
import type { AssessmentEntry, ExamResult, SectionScore } from '../../../shared/readiness/types';
import { AppError } from '../../../shared/result';
import type { Db } from '../db/open';
import { validateAssessment, type AssessmentDraft } from './validate';

interface Row {
  id: number;
  exam: Exam;
  product: ProductId;
  form: string;
  taken_on: string;
  status: 'taken' | 'planned';
  scale: AssessmentScale;
  score: number | null;
  pass_probability: number | null;
  sections_json: string;
  comment: string;
}

function toEntry(r: Row): AssessmentEntry {
  return {
    id: r.id,
    exam: r.exam,
    product: r.product,
    form: r.form,
    title: assessmentTitle(r.product, r.form),
    takenOn: r.taken_on,
    status: r.status,
    scale: r.scale,
    score: r.score,
    passProbability: r.pass_probability,
    sections: JSON.parse(r.sections_json) as SectionScore[],
    comment: r.comment,
    display: r.score === null ? null : formatOnScale(r.scale, r.score),
  };
}

export function listAssessments(db: Db, exam?: Exam): AssessmentEntry[] {
  const rows = exam
    ? db.prepare('SELECT * FROM self_assessments WHERE exam = ? ORDER BY taken_on, id').all(exam)
    : db.prepare('SELECT * FROM self_assessments ORDER BY taken_on, id').all();
  return (rows as Row[]).map(toEntry);
}

function getAssessment(db: Db, id: number): AssessmentEntry {
  const row = db.prepare('SELECT * FROM self_assessments WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No self-assessment ${id}`, [{ field: 'id', message: 'not found' }]);
  return toEntry(row);
}

export function addAssessment(db: Db, draft: AssessmentDraft, today: string, now: number): AssessmentEntry {
  const product = validateAssessment(draft, today);
  const id = db.transaction(() =>
    Number(
      db
        .prepare(
          `INSERT INTO self_assessments (exam, product, form, taken_on, status, scale, score, pass_probability, sections_json, comment, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(draft.exam, product.id, draft.form.trim(), draft.takenOn, draft.status, product.scale, draft.score, draft.passProbability, JSON.stringify(draft.sections), draft.comment, now, now)
        .lastInsertRowid,
    ),
  )();
  return getAssessment(db, id);
}

export function updateAssessment(db: Db, id: number, draft: AssessmentDraft, today: string, now: number): AssessmentEntry {
  getAssessment(db, id);
  const product = validateAssessment(draft, today);
  db.transaction(() => {
    db.prepare(
      `UPDATE self_assessments SET exam = ?, product = ?, form = ?, taken_on = ?, status = ?, scale = ?, score = ?, pass_probability = ?, sections_json = ?,
         comment = ?, updated_at = ? WHERE id = ?`,
    ).run(draft.exam, product.id, draft.form.trim(), draft.takenOn, draft.status, product.scale, draft.score, draft.passProbability, JSON.stringify(draft.sections), draft.comment, now, id);
  })();
  return getAssessment(db, id);
}

export function removeAssessment(db: Db, id: number): { removed: number } {
  const changes = db.prepare('DELETE FROM self_assessments WHERE id = ?').run(id).changes;
  if (!changes) throw new AppError('NOT_FOUND', `No self-assessment ${id}`, [{ field: 'id', message: 'not found' }]);
  return { removed: changes };
}

export function listExamResults(db: Db): ExamResult[] {
  return (db.prepare('SELECT id, exam, taken_on, score, passed FROM exam_results ORDER BY taken_on, id').all() as { id: number; exam: Exam; taken_on: string; score: number | null; passed: number | null }[]).map(
    (r) => ({ id: r.id, exam: r.exam, takenOn: r.taken_on, score: r.score, passed: r.passed === null ? null : r.passed === 1 }),
  );
}

export function addExamResult(db: Db, input: { exam: Exam; takenOn: string; score: number | null; passed: boolean | null }, today: string, now: number): ExamResult {
  const problems = [];
  if (input.takenOn > today) problems.push({ field: 'date', message: `${input.takenOn} is in the future: record your result once you have it` });
  if (input.exam === 'step1' && input.score !== null) problems.push({ field: 'score', message: 'Step 1 reports pass or fail only: record passed, not a score' });
  if (input.exam !== 'step1' && input.score !== null && (input.score < 1 || input.score > 300)) problems.push({ field: 'score', message: `${input.score} is not a 3-digit USMLE score (1–300)` });
  if (input.score === null && input.passed === null) problems.push({ field: 'score', message: 'give the score or whether you passed' });
  if (problems.length) throw new AppError('BAD_INPUT', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  const id = Number(
    db
      .prepare('INSERT INTO exam_results (exam, taken_on, score, passed, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.exam, input.takenOn, input.score, input.passed === null ? null : input.passed ? 1 : 0, now).lastInsertRowid,
  );
  return listExamResults(db).find((r) => r.id === id)!;
}
