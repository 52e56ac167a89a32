/**
 * Two legacy (schema 11) decks shaped like real exports from two different students' collections, for the card-count
 * rule: every row of a deck's own `cards` table becomes a card here (except documented skipped kinds, counted and
 * reported), and two different decks never merge. Both are called "Default", share the stock note-type ids, and
 * contain notes whose guid (but not note id) or whose field content coincides with a note in the other deck. They
 * hold every note type a student meets (Basic, reversed, optional reversed with and without the reverse field,
 * type-in, cloze with c1–c3 and gaps), cards in a filtered deck (odid), suspended and buried cards, new cards never
 * reviewed, and review history. Deck A has 124 cards, deck B 77 — the sizes of the two real decks in issue 14.
 */
import type { CardSpec, DeckSpec, NoteSpec, NoteTypeSpec, RevSpec } from './ankiPackage';

const DAY = 86_400_000;
const T = Date.UTC(2025, 10, 3, 9);

/** Stock note types as Anki 2.1 creates them (ids equal in both collections, as for stock types created the same way). */
export const STOCK_NOTE_TYPES: NoteTypeSpec[] = [
  { id: 1342697561419, name: 'Basic', fields: ['Front', 'Back'], templates: [{ name: 'Card 1', front: '{{Front}}', back: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}' }] },
  {
    id: 1342697561420,
    name: 'Basic (and reversed card)',
    fields: ['Front', 'Back'],
    templates: [
      { name: 'Card 1', front: '{{Front}}', back: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}' },
      { name: 'Card 2', front: '{{Back}}', back: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}' },
    ],
  },
  {
    id: 1342697561421,
    name: 'Basic (optional reversed card)',
    fields: ['Front', 'Back', 'Add Reverse'],
    templates: [
      { name: 'Card 1', front: '{{Front}}', back: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}' },
      { name: 'Card 2', front: '{{#Add Reverse}}{{Back}}{{/Add Reverse}}', back: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}' },
    ],
  },
  {
    id: 1342697561422,
    name: 'Basic (type in the answer)',
    fields: ['Front', 'Back'],
    templates: [{ name: 'Card 1', front: '{{Front}}\n\n{{type:Back}}', back: '{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}' }],
  },
  { id: 1342697561423, name: 'Cloze', cloze: true, fields: ['Text', 'Back Extra'], templates: [{ name: 'Cloze', front: '{{cloze:Text}}', back: '{{cloze:Text}}<br>\n{{Back Extra}}' }] },
];
const [BASIC, REVERSED, OPTIONAL, TYPED, CLOZE] = STOCK_NOTE_TYPES.map((t) => t.id) as [number, number, number, number, number];

class DeckBuilder {
  notes: NoteSpec[] = [];
  cards: CardSpec[] = [];
  revlog: RevSpec[] = [];
  private n = 0;
  constructor(
    private readonly idBase: number,
    private readonly filteredDeck: number,
  ) {}

  /** A note with one card per ord; every fourth card reviewed, every seventh suspended, … (deterministic variety). */
  note(mid: number, fields: string[], ords: number[], guid?: string): void {
    const nid = this.idBase + ++this.n * 1000;
    this.notes.push({ id: nid, mid, fields, guid: guid ?? `g${this.idBase}-${this.n}`, tags: this.n % 3 === 0 ? ['high_yield'] : [] });
    for (const ord of ords) {
      const id = nid + ord + 1;
      const k = this.cards.length;
      const card: CardSpec = { id, nid, did: 1, ord };
      if (k % 7 === 3) card.queue = -1; // suspended
      else if (k % 11 === 5) card.queue = -2; // buried by a sibling
      else if (k % 13 === 6) card.queue = -3; // buried by the user
      if (k % 9 === 4) Object.assign(card, { did: this.filteredDeck, odid: 1 }); // sitting in a filtered deck
      if (k % 4 === 1) {
        Object.assign(card, { type: 2, queue: card.queue ?? 2, ivl: 3, factor: 2500, reps: 2 });
        this.revlog.push({ id: T + k * 60_000 + this.idBase % 1000, cid: id, ease: 3, type: 0, ivl: 1 }, { id: T + DAY + k * 60_000 + this.idBase % 1000, cid: id, ease: 3, type: 1, ivl: 3, lastIvl: 1 });
      }
      this.cards.push(card);
    }
  }

  deck(): DeckSpec {
    return {
      noteTypes: STOCK_NOTE_TYPES,
      decks: [
        { id: 1, name: 'Default' },
        { id: this.filteredDeck, name: 'Filtered Deck 1', dyn: true },
      ],
      notes: this.notes,
      cards: this.cards,
      revlog: this.revlog,
      media: [],
    };
  }
}

/** Guids deck B reuses from deck A for different notes (another student's notes, same guid). */
const SHARED_GUIDS = Array.from({ length: 10 }, (_, i) => `Shared+${i}`);
/** Field content both decks contain, under different guids. */
const SHARED_TEXT = Array.from({ length: 10 }, (_, i) => [`First-line drug for condition ${i}?`, `Drug ${i}`]);

/** Deck A: 124 cards. */
export function legacyDeckA(): DeckSpec {
  const b = new DeckBuilder(1_600_000_000_000, 1_600_000_000_777);
  for (let i = 0; i < 20; i++) b.note(BASIC, [`<b>Korrelation </b>question ${i}`, `answer ${i}`], [0]); // 20
  for (const [front, back] of SHARED_TEXT) b.note(BASIC, [front!, back!], [0]); // 30
  for (let i = 0; i < 15; i++) b.note(REVERSED, [`term A${i}`, `definition A${i}`], [0, 1]); // 60
  for (let i = 0; i < 6; i++) b.note(OPTIONAL, [`optional A${i}`, `back A${i}`, 'y'], [0, 1]); // 72
  for (let i = 0; i < 6; i++) b.note(OPTIONAL, [`optional-only A${i}`, `back-only A${i}`, ''], [0]); // 78
  for (let i = 0; i < 6; i++) b.note(CLOZE, [`{{c1::Aspirin}} inhibits {{c2::COX}} in {{c3::platelets}} (${i})`, ''], [0, 1, 2]); // 96
  for (let i = 0; i < 4; i++) b.note(CLOZE, [`{{c1::Heparin}} and {{c3::warfarin}} (${i})`, 'extra'], [0, 2]); // 104
  for (let i = 0; i < 10; i++) b.note(TYPED, [`Type the enzyme ${i}`, `enzyme ${i}`], [0]); // 114
  SHARED_GUIDS.forEach((guid, i) => b.note(BASIC, [`Deck A note ${i}`, `A's answer ${i}`], [0], guid)); // 124
  return b.deck();
}

/** Deck B: 77 cards, from another collection (different ids), with 10 of A's guids and 10 of A's texts. */
export function legacyDeckB(): DeckSpec {
  const b = new DeckBuilder(1_700_000_000_000, 1_700_000_000_777);
  SHARED_GUIDS.forEach((guid, i) => b.note(BASIC, [`Deck B note ${i}`, `B's answer ${i}`], [0], guid)); // 10
  for (const [front, back] of SHARED_TEXT) b.note(BASIC, [front!, back!], [0]); // 20
  for (let i = 0; i < 15; i++) b.note(REVERSED, [`term B${i}`, `definition B${i}`], [0, 1]); // 50
  for (let i = 0; i < 5; i++) b.note(CLOZE, [`{{c1::Insulin}} lowers {{c2::glucose}} (${i})`, ''], [0, 1]); // 60
  b.note(CLOZE, ['{{c1::a}} {{c2::b}} {{c3::c}} {{c5::e}}', ''], [0, 1, 2, 4]); // 64
  for (let i = 0; i < 13; i++) b.note(BASIC, [`basic B${i}`, `answer B${i}`], [0]); // 77
  return b.deck();
}
