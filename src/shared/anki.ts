/** What an Anki package import did (issue 9), shown on the Import screen and printed by the CLI. */
export interface AnkiImportSummary {
  file: string;
  /** legacy1 (collection.anki2), legacy2 (collection.anki21) or latest (collection.anki21b). */
  layout: 'legacy1' | 'legacy2' | 'latest';
  notes: number;
  /** Rows in the deck's own cards table: every one is imported (added/updated/unchanged) or listed in `skipped`. */
  deckCards: number;
  flashcards: { added: number; updated: number; unchanged: number };
  cards: { added: number; updated: number; unchanged: number };
  reviews: { added: number; notReplayed: number };
  media: { added: number; unchanged: number };
  /** Cards left out, with why (e.g. image occlusion), and sound references, so nothing disappears silently. */
  skipped: { reason: string; count: number }[];
}
