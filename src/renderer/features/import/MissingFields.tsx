/**
 * What an imported file lacks, said before and after the import (MedQA has neither explanations nor systems), and the
 * opt-in step that infers systems from the questions' own words: check first, then tag — every such tag is marked
 * "inferred" — and take them off again if wanted.
 */
import type { ImportReport } from '../../../shared/types';
import { ErrorBox } from '../../components/common';
import { useApiMutation } from '../../queries';

type PackCounts = ImportReport['packs'][number];

const n = (value: number) => value.toLocaleString();

/** "1,273 of 1,273 questions have no explanation; 1,273 have no system", or nothing when nothing is missing. */
export function missingText(p: PackCounts): string {
  const explanation = p.withoutExplanation ? `${n(p.withoutExplanation)} of ${n(p.total)} questions have no explanation` : '';
  if (!p.withoutSystem) return explanation;
  return explanation ? `${explanation}; ${n(p.withoutSystem)} have no system` : `${n(p.withoutSystem)} of ${n(p.total)} questions have no system`;
}

export function MissingFields({ report }: { report: ImportReport }) {
  const packs = report.packs.filter((p) => p.withoutExplanation || p.withoutSystem);
  if (packs.length === 0) return null;
  return (
    <div className="missing-fields" data-testid="missing-fields">
      {packs.map((p) => (
        <p key={p.key}>
          <strong>{p.title}</strong>: {missingText(p)}.
        </p>
      ))}
      <p className="muted small">
        {packs.some((p) => p.withoutExplanation) && 'Questions without an explanation show only the right answer in review. '}
        {packs.some((p) => p.withoutSystem) && 'Questions without a system count as “Not tagged” in the dashboard’s performance by system.'}
      </p>
    </div>
  );
}

/** After an import: offer to infer systems for each pack that has questions without one. */
export function InferSystemsOffer({ report }: { report: ImportReport }) {
  const packs = report.packs.filter((p) => p.withoutSystem > 0 && p.packId !== undefined);
  if (report.dryRun || packs.length === 0) return null;
  return (
    <>
      {packs.map((p) => (
        <InferSystemsPack key={p.key} pack={p} packId={p.packId!} />
      ))}
    </>
  );
}

function InferSystemsPack({ pack, packId }: { pack: PackCounts; packId: number }) {
  const check = useApiMutation('packs:inferSystems');
  const apply = useApiMutation('packs:inferSystems');
  const remove = useApiMutation('packs:inferSystems');
  const preview = check.data;
  const applied = apply.data && !remove.data ? apply.data : undefined;
  return (
    <section className="infer-systems" aria-labelledby={`infer-${packId}`} data-testid="infer-systems">
      <h3 id={`infer-${packId}`}>Tag systems from the questions’ words</h3>
      <p className="muted small">
        {n(pack.withoutSystem)} questions of {pack.title} have no system. Vignette can look for words that belong to one system only (diagnoses, organs,
        tests) and tag the questions whose words point at one system clearly; the rest stay untagged. Each tag is marked “inferred” wherever it is shown,
        and you can take them off again.
      </p>
      {!preview && (
        <button onClick={() => check.mutate({ packId, action: 'preview' })} disabled={check.isPending}>
          {check.isPending ? 'Checking…' : 'Check which can be tagged'}
        </button>
      )}
      {preview && !applied && !remove.data && (
        <>
          <p data-testid="infer-preview">
            <strong>{n(preview.tagged)}</strong> of {n(preview.considered)} questions can be tagged:{' '}
            {preview.bySystem.map((s) => `${s.system} ${n(s.count)}`).join(', ') || 'none'}. The other {n(preview.considered - preview.tagged)} stay untagged.
          </p>
          {preview.tagged > 0 && (
            <button className="primary" onClick={() => apply.mutate({ packId, action: 'apply' })} disabled={apply.isPending}>
              Tag {n(preview.tagged)} questions (marked inferred)
            </button>
          )}
        </>
      )}
      {applied && (
        <p data-testid="infer-applied">
          <span className="badge good">Done</span> {n(applied.tagged)} questions tagged with an inferred system.{' '}
          <button className="link" onClick={() => remove.mutate({ packId, action: 'remove' })} disabled={remove.isPending}>
            Remove the inferred tags
          </button>
        </p>
      )}
      {remove.data && <p data-testid="infer-removed">{n(remove.data.removed)} inferred tags removed.</p>}
      <ErrorBox error={check.error ?? apply.error ?? remove.error} title="Could not tag systems" />
    </section>
  );
}
