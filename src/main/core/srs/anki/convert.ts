/**
 * Anki notes and cards → flashcard drafts (our content model): a template-based note gives one basic flashcard per
 * card it has (Basic: 1, reversed: 2 …) because each direction has its own front and back; a cloze note gives one
 * cloze flashcard whose cards are its deletion numbers. Image-occlusion notes are skipped with a reason (their masks
 * need an occlusion editor we do not have). Deck names and note tags become tags.
 */
import type { AnkiCard, AnkiNote, AnkiNoteType, AnkiPackage } from './types';
import { ankiHtmlToMarkdown } from './markdown';
import { backWithoutFront, clozeField, renderTemplate, type TemplateContext } from './template';

export interface DraftCard {
  anki: AnkiCard;
  /** Our card ord: 0 for basic, the cloze number (1-based) for cloze. */
  ord: number;
}

export interface FlashcardDraft {
  /**
   * Stable across re-imports and distinct across collections: the note guid and the Anki note id (+ template ord for
   * basic). A guid alone is not enough: two students' decks can carry the same guid for different notes, and a
   * card of one deck must never become a card of the other.
   */
  originKey: string;
  /** The key imports before issue 14 used (guid + ord), looked up only to adopt a card imported back then. */
  legacyKey: string;
  /** The Anki note guid (its cards' review rows are keyed by it). */
  guid: string;
  kind: 'basic' | 'cloze';
  frontMd: string;
  backMd: string;
  tags: string[];
  cards: DraftCard[];
  /** Media names (as stored) the Markdown refers to. */
  images: string[];
}

export interface ConvertResult {
  drafts: FlashcardDraft[];
  /** Reason → number of notes or cards not imported. */
  skipped: Map<string, number>;
  sounds: number;
  /** Images a note refers to that the package does not contain. */
  missingImages: Set<string>;
}

const CLOZE_NUMBER = /\{\{c(\d+)::/g;

function count(map: Map<string, number>, reason: string, n = 1): void {
  map.set(reason, (map.get(reason) ?? 0) + n);
}

function tagsOf(note: AnkiNote, cards: AnkiCard[]): string[] {
  const decks = cards.map((c) => c.deck).filter((d) => d && d !== 'Default');
  return [...new Set([...decks, ...note.tags])].map((t) => t.slice(0, 100));
}

export function convertNotes(pkg: AnkiPackage, resolveImage: (name: string) => string | null): ConvertResult {
  const result: ConvertResult = { drafts: [], skipped: new Map(), sounds: 0, missingImages: new Set() };
  const cardsByNote = new Map<number, AnkiCard[]>();
  for (const card of pkg.cards) {
    let list = cardsByNote.get(card.noteId);
    if (!list) cardsByNote.set(card.noteId, (list = []));
    list.push(card);
  }
  const resolve = (name: string) => {
    const stored = resolveImage(name);
    if (!stored) result.missingImages.add(name);
    return stored;
  };
  const md = (html: string) => {
    const r = ankiHtmlToMarkdown(html, resolve);
    result.sounds += r.sounds;
    return r;
  };

  for (const note of pkg.notes) {
    const noteType = pkg.noteTypes.get(note.noteTypeId);
    const cards = (cardsByNote.get(note.id) ?? []).sort((a, b) => a.ord - b.ord);
    cardsByNote.delete(note.id);
    if (cards.length === 0) continue; // a note without cards is not a card of the deck
    if (!noteType) {
      count(result.skipped, 'cards whose note type is missing from the collection', cards.length);
      continue;
    }
    if (noteType.kind === 'image-occlusion' || note.fields.some((f) => f.includes('image-occlusion:'))) {
      count(result.skipped, 'image occlusion cards are not supported yet (their masks need an occlusion editor)', cards.length);
      continue;
    }
    const ctx: TemplateContext = { fields: new Map(noteType.fields.map((name, i) => [name, note.fields[i] ?? ''])), tags: note.tags, deck: cards[0]!.deck };
    const tags = tagsOf(note, cards);
    if (noteType.kind === 'cloze') result.drafts.push(...clozeDraft(note, noteType, cards, ctx, tags, md, result));
    else result.drafts.push(...basicDrafts(note, noteType, cards, ctx, tags, md, result));
  }
  const orphans = [...cardsByNote.values()].reduce((n, list) => n + list.length, 0);
  if (orphans) count(result.skipped, 'cards whose note is missing from the collection', orphans);
  return result;
}

type Md = (html: string) => { markdown: string; images: string[] };

function basicDrafts(note: AnkiNote, noteType: AnkiNoteType, cards: AnkiCard[], ctx: TemplateContext, tags: string[], md: Md, result: ConvertResult): FlashcardDraft[] {
  const drafts: FlashcardDraft[] = [];
  for (const card of cards) {
    const template = noteType.templates.find((t) => t.ord === card.ord);
    if (!template) {
      count(result.skipped, 'card template missing from its note type');
      continue;
    }
    const front = md(renderTemplate(template.front, ctx));
    const back = md(renderTemplate(backWithoutFront(template.back), { ...ctx, frontSide: '', side: 'back' }));
    if (!front.markdown) {
      count(result.skipped, 'card with an empty front');
      continue;
    }
    drafts.push({
      originKey: `anki:${note.guid}:${note.id}:${card.ord}`,
      legacyKey: `anki:${note.guid}:${card.ord}`,
      guid: note.guid,
      kind: 'basic',
      frontMd: front.markdown,
      backMd: back.markdown,
      tags,
      cards: [{ anki: card, ord: 0 }],
      images: imagesIn(front.markdown + back.markdown),
    });
  }
  return drafts;
}

function clozeDraft(note: AnkiNote, noteType: AnkiNoteType, cards: AnkiCard[], ctx: TemplateContext, tags: string[], md: Md, result: ConvertResult): FlashcardDraft[] {
  const template = noteType.templates[0];
  const field = (template && clozeField(template.front)) ?? noteType.fields[0] ?? '';
  const text = md(ctx.fields.get(field) ?? '').markdown;
  const numbers = new Set([...text.matchAll(CLOZE_NUMBER)].map((m) => Number(m[1])));
  const kept = cards.filter((c) => numbers.has(c.ord + 1));
  if (kept.length < cards.length) count(result.skipped, 'cloze card whose deletion is no longer in the text', cards.length - kept.length);
  if (!kept.length) return [];
  const backTemplate = template ? backWithoutFront(template.back).replace(/\{\{(?:[^{}]*:)?cloze:[^{}]+\}\}/g, '') : '';
  const back = md(renderTemplate(backTemplate, ctx)).markdown;
  return [
    {
      originKey: `anki:${note.guid}:${note.id}`,
      legacyKey: `anki:${note.guid}`,
      guid: note.guid,
      kind: 'cloze',
      frontMd: text,
      backMd: back,
      tags,
      cards: kept.map((c) => ({ anki: c, ord: c.ord + 1 })),
      images: imagesIn(text + back),
    },
  ];
}

function imagesIn(markdown: string): string[] {
  return [...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
}
