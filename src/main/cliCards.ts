/** `vignette cards due|stats`: the spaced-repetition numbers from a terminal (issue 9). */
import type { Api } from './core/api';

export const CARDS_HELP = `  cards due                  cards due now / today / in learning, new cards left today
  cards stats                true retention, average retrievability, total knowledge, 30-day forecast
`;

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

export async function runCards(api: Api, args: string[], json: boolean): Promise<unknown> {
  const sub = args[0];
  if (sub === 'due') {
    const c = await api.call('cards:counts', {});
    if (json) return c;
    return [
      `Flashcards: ${c.dueNow} due now · ${c.dueToday} due today`,
      `Learning: ${c.learning}`,
      `New left today: ${Math.min(c.newLeftToday, c.newAvailable)} (of ${c.newAvailable} new)`,
      `Question cards due (Create block → Due for review): ${c.questionCardsDue}`,
      `Total cards: ${c.total} (${c.suspended} suspended)`,
    ].join('\n');
  }
  if (sub === 'stats') {
    const s = await api.call('cards:stats', {});
    const out = {
      trueRetention: Object.fromEntries(s.retention.map((r) => [r.period, { ...r.total, young: r.young.retention, mature: r.mature.retention }])),
      averageRetrievability: s.retrievability.average,
      totalKnowledge: s.totalKnowledge,
      reviewedCards: s.retrievability.cards,
      forecast: s.forecast.map((f) => ({ date: f.date, due: f.count })),
      exam: s.exam,
    };
    if (json) return out;
    return [
      'True retention (passed / reviewed):',
      ...s.retention.map((r) => `  ${r.period.padEnd(9)} ${pct(r.total.retention).padStart(6)}  (${r.total.passed}/${r.total.passed + r.total.failed}; young ${pct(r.young.retention)}, mature ${pct(r.mature.retention)})`),
      `Average retrievability: ${pct(s.retrievability.average)} over ${s.retrievability.cards} cards`,
      `Estimated total knowledge: ${s.totalKnowledge.toFixed(0)} cards`,
      `Due in the next 7 days: ${s.forecast.slice(0, 7).map((f) => f.count).join(' · ')}`,
    ].join('\n');
  }
  throw new CardsUsageError('cards needs a subcommand: vignette cards due | stats');
}

export class CardsUsageError extends Error {}
