/** Plain typed objects read out of an Anki package (.apkg / .colpkg), before anything touches our database. */

/** Which zip layout the package uses (Anki's PackageMetadata.Version). */
export type AnkiLayout = 'legacy1' | 'legacy2' | 'latest';

/** basic covers every template-based note type (Basic, reversed, optional reversed, typing, custom). */
export type AnkiNoteKind = 'basic' | 'cloze' | 'image-occlusion';

export interface AnkiTemplate {
  ord: number;
  name: string;
  /** Anki template source for the question and answer sides ({{Field}}, {{FrontSide}}, {{#Field}}…{{/Field}}). */
  front: string;
  back: string;
}

export interface AnkiNoteType {
  id: number;
  name: string;
  kind: AnkiNoteKind;
  /** Field names in field order. */
  fields: string[];
  templates: AnkiTemplate[];
}

export interface AnkiNote {
  id: number;
  guid: string;
  noteTypeId: number;
  /** Field values (Anki HTML) in the note type's field order. */
  fields: string[];
  tags: string[];
}

export interface AnkiCard {
  id: number;
  noteId: number;
  /** Full deck name with Anki's "::" separator, e.g. "Step 1::Cardio". */
  deck: string;
  /** Template index (basic) or cloze number − 1 (cloze). */
  ord: number;
  /** 0 new, 1 learning, 2 review, 3 relearning. */
  type: number;
  /** -1 suspended, -2/-3 buried, otherwise the type's queue. */
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
}

export interface AnkiReview {
  /** Epoch ms of the answer (Anki's revlog id). */
  id: number;
  cardId: number;
  /** 0 (manual entry) or the button 1–4. */
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  /** Time spent answering, ms. */
  timeMs: number;
  /** 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled. */
  type: number;
}

export interface AnkiSkip {
  noteId: number;
  reason: string;
}

export interface AnkiPackage {
  /** File name as picked, for messages. */
  file: string;
  layout: AnkiLayout;
  /** The collection's schema version (col.ver): 11 for legacy packages, 18 for current ones. */
  schema: number;
  noteTypes: Map<number, AnkiNoteType>;
  notes: AnkiNote[];
  cards: AnkiCard[];
  revlog: AnkiReview[];
  /** Media by NFC-normalised file name, decompressed. */
  media: Map<string, Uint8Array>;
}
