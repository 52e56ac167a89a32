/**
 * Checks a self-assessment against its product's catalogue entry: the exam it is for, its forms, its scale, and
 * whether a result may be dated after today. Every problem names its field; nothing is written if any is found.
 */
import type { Exam } from '../../../shared/pack';
import { EXAM_LABELS } from '../../../shared/readiness/examFacts';
import { formsFor, productById, SCALES, type Product } from '../../../shared/readiness/catalogue';
import { AppError, type Problem } from '../../../shared/result';
import type { SectionScore } from '../../../shared/readiness/types';

export interface AssessmentDraft {
  exam: Exam;
  product: string;
  form: string;
  takenOn: string;
  status: 'taken' | 'planned';
  score: number | null;
  passProbability: number | null;
  sections: SectionScore[];
  comment: string;
}

const isRealDate = (iso: string) => /^\d{4}-\d{2}-\d{2}$/.test(iso) && new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso;

/** Returns the product; throws BAD_INPUT listing every problem. `today` is the local ISO date. */
export function validateAssessment(draft: AssessmentDraft, today: string): Product {
  const problems: Problem[] = [];
  const fail = (field: string, message: string) => problems.push({ field, message });
  const product = productById(draft.product);
  if (!product) {
    fail('product', `unknown product "${draft.product}"; choose one of nbme-cbssa, nbme-ccssa, nbme-ccmsa, uwsa, amboss-sa, free120, custom`);
    throw new AppError('BAD_INPUT', `product: unknown product "${draft.product}"`, problems);
  }
  if (!product.exams.includes(draft.exam)) {
    fail('exam', `${product.name} is for ${product.exams.map((e) => EXAM_LABELS[e]).join(' or ')}, not ${EXAM_LABELS[draft.exam]}`);
  }
  const forms = formsFor(product, draft.exam);
  if (forms && !forms.includes(draft.form)) fail('form', `${product.name} has forms ${forms.join(', ')} for ${EXAM_LABELS[draft.exam]}; "${draft.form}" is not one of them`);
  if (!forms && product.id === 'custom' && !draft.form.trim()) fail('form', 'name your custom test');
  if (!isRealDate(draft.takenOn)) fail('date', `"${draft.takenOn}" is not a date (YYYY-MM-DD)`);
  else if (draft.status === 'taken' && draft.takenOn > today) fail('date', `${draft.takenOn} is in the future: a result you already have must be dated today or earlier (or schedule it as planned)`);
  else if (draft.status === 'planned' && draft.takenOn < today) fail('date', `${draft.takenOn} is in the past: a planned assessment must be dated today or later`);

  const scale = SCALES[product.scale];
  if (draft.status === 'taken') {
    if (draft.score === null) fail('score', `a ${scale.label} is required`);
    else if (draft.score < scale.min || draft.score > scale.max) {
      const hint = product.scale === 'epc' && draft.score > 100 ? ' — the CBSSA reports a percent (EPC), not a 3-digit score since 2022' : '';
      fail('score', `${draft.score} is outside the ${product.name} ${scale.label} (${scale.min}–${scale.max})${hint}`);
    }
  } else if (draft.score !== null) fail('score', 'a planned assessment has no score yet');

  if (draft.passProbability !== null) {
    if (!product.printsPassProbability) fail('passProbability', `${product.name} does not print a probability of passing`);
    else if (draft.passProbability <= 0 || draft.passProbability >= 1) fail('passProbability', `${draft.passProbability} must be between 0 and 1 (e.g. 0.97 for 97 %)`);
  } else if (product.printsPassProbability && draft.status === 'taken') {
    fail('passProbability', `${product.name} reports a probability of passing: enter it as printed (e.g. 0.97)`);
  }
  draft.sections.forEach((s, i) => {
    if (!s.name.trim()) fail(`sections.${i}.name`, 'a section needs a name');
    if (s.score < 0 || s.score > 100) fail(`sections.${i}.score`, `${s.score} is not a percent (0–100)`);
  });
  if (problems.length) {
    throw new AppError('BAD_INPUT', problems.length === 1 ? `${problems[0]!.field}: ${problems[0]!.message}` : `${problems.length} problems: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, problems);
  }
  return product;
}
