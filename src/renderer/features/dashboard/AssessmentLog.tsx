/**
 * The self-assessment log: add, edit and delete results (or schedule one as planned). Each product offers only its own
 * exams, forms and scale; the core re-checks everything and its messages name the field.
 */
import { useState } from 'react';
import type { Exam } from '../../../shared/pack';
import { EXAM_LABELS } from '../../../shared/readiness/examFacts';
import { formsFor, productById, PRODUCTS, SCALES, type ProductId } from '../../../shared/readiness/catalogue';
import type { AssessmentEntry, SectionScore } from '../../../shared/readiness/types';
import { ApiError } from '../../api';
import { ErrorBox } from '../../components/common';
import { useApiMutation } from '../../queries';
import { shortDate } from './format';

interface Draft {
  exam: Exam;
  product: ProductId;
  form: string;
  takenOn: string;
  status: 'taken' | 'planned';
  score: string;
  passPercent: string;
  sections: { name: string; score: string }[];
  comment: string;
}

const INVALIDATES = ['assessments:list', 'stats:dashboard', 'readiness:get'] as const;

function emptyDraft(exam: Exam, today: string): Draft {
  const product = PRODUCTS.find((p) => p.exams.includes(exam) && p.nbmeFamily)!;
  return { exam, product: product.id, form: formsFor(product, exam)?.at(-1) ?? '', takenOn: today, status: 'taken', score: '', passPercent: '', sections: [], comment: '' };
}

function fromEntry(a: AssessmentEntry): Draft {
  return {
    exam: a.exam,
    product: a.product,
    form: a.form,
    takenOn: a.takenOn,
    status: a.status,
    score: a.score === null ? '' : String(a.score),
    passPercent: a.passProbability === null ? '' : String(Math.round(a.passProbability * 1000) / 10),
    sections: a.sections.map((s) => ({ name: s.name, score: String(s.score) })),
    comment: a.comment,
  };
}

export function AssessmentLog({ assessments, defaultExam, today }: { assessments: AssessmentEntry[]; defaultExam: Exam; today: string }) {
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(defaultExam, today));
  const [editing, setEditing] = useState<number | null>(null);
  const add = useApiMutation('assessments:add', [...INVALIDATES]);
  const update = useApiMutation('assessments:update', [...INVALIDATES]);
  const remove = useApiMutation('assessments:remove', [...INVALIDATES]);
  const product = productById(draft.product)!;
  const forms = formsFor(product, draft.exam);
  const scale = SCALES[product.scale];
  const error = add.error ?? update.error;
  const badFields = new Set(error instanceof ApiError ? error.details.map((d) => d.field) : []);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const chooseExam = (exam: Exam) => setDraft(emptyDraft(exam, draft.takenOn));
  const chooseProduct = (id: ProductId) => {
    const p = productById(id)!;
    set({ product: id, form: formsFor(p, draft.exam)?.at(-1) ?? '', passPercent: '' });
  };
  const submit = async () => {
    const sections: SectionScore[] = draft.sections.filter((s) => s.name.trim() || s.score).map((s) => ({ name: s.name, score: Number(s.score) }));
    const input = {
      exam: draft.exam,
      product: draft.product,
      form: draft.form,
      takenOn: draft.takenOn,
      status: draft.status,
      score: draft.status === 'taken' && draft.score !== '' ? Number(draft.score) : null,
      passProbability: product.printsPassProbability && draft.status === 'taken' && draft.passPercent !== '' ? Number(draft.passPercent) / 100 : null,
      sections,
      comment: draft.comment,
    };
    if (editing === null) await add.mutateAsync(input);
    else await update.mutateAsync({ ...input, id: editing });
    setEditing(null);
    setDraft(emptyDraft(draft.exam, today));
  };

  return (
    <section className="card" aria-labelledby="log-title" data-testid="assessment-log">
      <h2 id="log-title">Self-assessment log</h2>
      <form
        className="assessment-form"
        onSubmit={(e) => {
          e.preventDefault();
          add.reset();
          update.reset();
          void submit().catch(() => undefined);
        }}
      >
        <label>
          Exam
          <select value={draft.exam} onChange={(e) => chooseExam(e.target.value as Exam)} data-testid="sa-exam">
            {(Object.keys(EXAM_LABELS) as Exam[]).map((e) => (
              <option key={e} value={e}>
                {EXAM_LABELS[e]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Product
          <select value={draft.product} onChange={(e) => chooseProduct(e.target.value as ProductId)} data-testid="sa-product" aria-invalid={badFields.has('product') || undefined}>
            {PRODUCTS.filter((p) => p.exams.includes(draft.exam)).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Form
          {forms ? (
            <select value={draft.form} onChange={(e) => set({ form: e.target.value })} data-testid="sa-form" aria-invalid={badFields.has('form') || undefined}>
              {forms.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          ) : (
            <input value={draft.form} onChange={(e) => set({ form: e.target.value })} placeholder={product.id === 'custom' ? 'name of the test' : 'optional'} data-testid="sa-form" aria-invalid={badFields.has('form') || undefined} />
          )}
        </label>
        <label>
          Date
          <input type="date" value={draft.takenOn} onChange={(e) => set({ takenOn: e.target.value })} data-testid="sa-date" aria-invalid={badFields.has('date') || undefined} />
        </label>
        <label>
          Status
          <select value={draft.status} onChange={(e) => set({ status: e.target.value as Draft['status'] })} data-testid="sa-status">
            <option value="taken">taken</option>
            <option value="planned">planned (schedule)</option>
          </select>
        </label>
        {draft.status === 'taken' && (
          <label>
            {product.scale === 'epc' ? 'EPC (%)' : product.scale === 'percent' ? 'Percent correct' : product.scale === 'ccmsa' ? 'CCMSA score' : '3-digit score'}
            <input type="number" step="any" value={draft.score} onChange={(e) => set({ score: e.target.value })} placeholder={`${scale.min}–${scale.max}`} data-testid="sa-score" aria-invalid={badFields.has('score') || undefined} />
          </label>
        )}
        {draft.status === 'taken' && product.printsPassProbability && (
          <label>
            Probability of passing (%)
            <input type="number" step="any" value={draft.passPercent} onChange={(e) => set({ passPercent: e.target.value })} placeholder="as printed, e.g. 97" data-testid="sa-pass" aria-invalid={badFields.has('passProbability') || undefined} />
          </label>
        )}
        <label className="wide">
          Comment
          <input value={draft.comment} onChange={(e) => set({ comment: e.target.value })} placeholder="optional" />
        </label>
        <div className="wide sections">
          {draft.sections.map((s, i) => (
            <div className="row" key={i}>
              <input aria-label={`Section ${i + 1} name`} value={s.name} placeholder="section, e.g. Cardiovascular" onChange={(e) => set({ sections: draft.sections.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })} />
              <input aria-label={`Section ${i + 1} percent`} type="number" value={s.score} placeholder="%" style={{ width: '5rem' }} onChange={(e) => set({ sections: draft.sections.map((x, j) => (j === i ? { ...x, score: e.target.value } : x)) })} />
              <button type="button" className="link" onClick={() => set({ sections: draft.sections.filter((_, j) => j !== i) })}>
                remove
              </button>
            </div>
          ))}
          <button type="button" className="link" onClick={() => set({ sections: [...draft.sections, { name: '', score: '' }] })}>
            + section score
          </button>
        </div>
        <p className="wide muted small">{product.whatItReports}</p>
        <div className="wide row">
          <button type="submit" className="primary" data-testid="sa-save" disabled={add.isPending || update.isPending}>
            {editing === null ? (draft.status === 'planned' ? 'Schedule' : 'Add result') : 'Save changes'}
          </button>
          {editing !== null && (
            <button type="button" onClick={() => { setEditing(null); setDraft(emptyDraft(draft.exam, today)); }}>
              Cancel
            </button>
          )}
        </div>
      </form>
      <ErrorBox error={error} title="Not saved" />
      {assessments.length > 0 && (
        <div className="table-scroll">
          <table className="data compact" data-testid="assessment-table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Exam</th>
                <th scope="col">Assessment</th>
                <th scope="col">Result (own scale)</th>
                <th scope="col">Comment</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...assessments].reverse().map((a) => (
                <tr key={a.id}>
                  <td>{shortDate(a.takenOn)}</td>
                  <td>{EXAM_LABELS[a.exam].replace('USMLE ', '')}</td>
                  <td>{a.title}</td>
                  <td>
                    {a.status === 'planned' ? <span className="badge accent">planned</span> : a.display}
                    {a.passProbability !== null && <span className="muted small"> · P(pass) {Math.round(a.passProbability * 100)} % printed</span>}
                    {a.sections.length > 0 && <span className="muted small"> · {a.sections.map((s) => `${s.name} ${s.score} %`).join(', ')}</span>}
                  </td>
                  <td className="small">{a.comment}</td>
                  <td className="row no-print">
                    <button className="link" onClick={() => { setEditing(a.id); setDraft(fromEntry(a)); }} aria-label={`Edit ${a.title} of ${a.takenOn}`}>
                      Edit
                    </button>
                    <button className="link danger-link" onClick={() => { if (window.confirm(`Delete ${a.title} of ${a.takenOn}?`)) remove.mutate({ id: a.id }); }} aria-label={`Delete ${a.title} of ${a.takenOn}`}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
