/**
 * What an Anki package import does (or did), one column per meaning: the deck's notes and its own card count, then
 * where each card goes (new, updated, already here, left out with the reasons below), review history and images.
 */
import type { ImportReport } from '../../../shared/types';

const LAYOUT: Record<string, string> = { legacy1: 'Anki 2.0 package', legacy2: 'Anki 2.1 package', latest: 'Anki 2.1.50+ package' };

/** Cards and flashcards an Anki import adds or changes (0 = a re-import that changes nothing). */
export function ankiChanges(report: ImportReport): { total: number; changes: number } {
  let total = 0;
  let changes = 0;
  for (const a of report.anki ?? []) {
    total += a.cards.added + a.cards.updated + a.cards.unchanged;
    changes += a.flashcards.added + a.flashcards.updated + a.cards.added + a.cards.updated + a.reviews.added + a.media.added;
  }
  return { total, changes };
}

export function AnkiCounts({ report, verb }: { report: ImportReport; verb: 'to import' | 'imported' }) {
  if (!report.anki?.length) return null;
  return (
    <div className="anki-counts" data-testid="anki-counts">
      <table className="data import-counts">
        <thead>
          <tr>
            <th>Anki deck</th>
            <th className="num">Notes</th>
            <th className="num" title="Rows in the deck's own card table: each is new, updated, already here or left out">
              Cards in the deck
            </th>
            <th className="num">New</th>
            <th className="num" title="Already here, with more Anki review history since the last import">
              Updated
            </th>
            <th className="num" title="Already here and unchanged">
              Already here
            </th>
            <th className="num" title="Not imported; the reasons are listed below">
              Left out
            </th>
            <th className="num">Reviews {verb === 'imported' ? 'imported' : 'to import'}</th>
            <th className="num">Images</th>
          </tr>
        </thead>
        <tbody>
          {report.anki.map((a) => (
            <tr key={a.file}>
              <td>
                <strong>{a.file}</strong>
                <div className="muted small">{LAYOUT[a.layout] ?? a.layout}</div>
              </td>
              <td className="num">{a.notes.toLocaleString()}</td>
              <td className="num">{a.deckCards.toLocaleString()}</td>
              <td className="num">{a.cards.added.toLocaleString()}</td>
              <td className="num">{a.cards.updated.toLocaleString()}</td>
              <td className="num">{a.cards.unchanged.toLocaleString()}</td>
              <td className="num">{Math.max(0, a.deckCards - a.cards.added - a.cards.updated - a.cards.unchanged).toLocaleString()}</td>
              <td className="num">{a.reviews.added.toLocaleString()}</td>
              <td className="num">{a.media.added.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.anki.flatMap((a) =>
        a.skipped.map((s) => (
          <p key={`${a.file}-${s.reason}`} className="notice small" data-testid="anki-skipped">
            Left out of {a.file}: {s.count.toLocaleString()} — {s.reason}.
          </p>
        )),
      )}
      <p className="muted small">
        Every Anki card keeps its review history: its memory state is replayed with FSRS under your settings, and the optimiser can learn from
        years of Anki reviews. Deck names and Anki tags become tags.
      </p>
    </div>
  );
}
