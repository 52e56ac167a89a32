/** CLI output for the spaced-repetition commands of issue 9 that live on this branch: Anki imports and the optimiser. */
import type { Api } from './core/api';
import type { ImportReport } from '../shared/types';

/** Lines describing the Anki packages in an import report (empty when there were none). */
export function ankiImportLines(report: ImportReport): string[] {
  const lines: string[] = [];
  for (const a of report.anki ?? []) {
    const f = a.flashcards;
    const c = a.cards;
    lines.push(
      `${a.file} (Anki ${a.layout}): ${a.deckCards} cards in the deck → ${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged; ` +
        `${a.notes} notes → flashcards ${f.added} added, ${f.updated} updated, ${f.unchanged} unchanged; ${a.reviews.added} reviews imported; ${a.media.added} images added`,
    );
    for (const s of a.skipped) lines.push(`  skipped ${s.count}: ${s.reason}`);
  }
  return lines;
}

/** `vignette cards optimize [--dry-run]`: fits the FSRS weights on the review log and prints log loss before/after. */
export async function cardsOptimize(api: Api, options: { json: boolean; dryRun: boolean }): Promise<unknown> {
  const report = await api.call('cards:optimize', { apply: !options.dryRun });
  if (options.json) return report;
  const lines = [report.message];
  if (report.before && report.after) {
    lines.push(`log loss: ${report.before.logLoss.toFixed(4)} before, ${report.after.logLoss.toFixed(4)} after`);
    lines.push(`RMSE:     ${(report.before.rmse * 100).toFixed(2)}% before, ${(report.after.rmse * 100).toFixed(2)}% after`);
  }
  if (report.applied) lines.push(`Saved the new weights: ${report.weights.map((w) => w.toFixed(4)).join(', ')}`);
  else if (report.status === 'improved' || report.status === 'initial') lines.push('Dry run: the new weights were not saved.');
  lines.push(`Done in ${report.durationMs} ms.`);
  return lines.join('\n');
}
