/**
 * What "Make card" (renderer/features/cards/MakeCardFromSelection.tsx) builds from a text selection; pure, no DOM.
 * The selection is the answer, so it goes on the back, and the front asks for it with the question as context (the
 * vignette's opening and the question it asked); or a cloze hides the selection inside its own sentence.
 */

/** Selected page text is plain text: escape what Markdown would read as formatting. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]~|<]/g, '\\$&').replace(/^(\s*)([#>+-]|\d+[.)])(?=\s)/gm, (_all, space: string, mark: string) => `${space}${mark.replace(/([#>+\-.)])$/, '\\$1')}`);
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
const SENTENCE = /[^.!?]+(?:[.!?]+(?=\s|$)|$)/g;
const sentences = (text: string) => (clean(text).match(SENTENCE) ?? []).map((s) => s.trim()).filter(Boolean);
const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`);

/**
 * The question as context, in Markdown: the opening of the stem and the question it asked ("A 45-year-old man …
 * Which of the following is the most likely diagnosis?"), or the note's title; empty without either.
 */
export function questionContext(context: { stem?: string; title?: string }): string {
  const all = sentences(context.stem ?? '');
  if (all.length) {
    const asked = [...all].reverse().find((s) => s.endsWith('?'));
    const parts = asked && asked !== all[0] ? [cut(all[0]!, 160), cut(asked, 200)] : [cut(all[0]!, 160)];
    return parts.map(escapeMarkdown).join('\n\n');
  }
  return escapeMarkdown(cut(clean(context.title ?? ''), 120));
}

/** The front of a card whose back is the selection: the context, then the question for the student. */
export function promptFromContext(context: { stem?: string; title?: string }): string {
  const about = questionContext(context);
  return about ? `${about}\n\nWhat is the key point?` : 'What is the key point?';
}

/** A cloze of the selection within its sentence of the surrounding text; the selection alone when it is not found. */
export function clozeInSentence(surrounding: string, selection: string): string {
  const sel = clean(selection);
  const text = clean(surrounding);
  const at = text.indexOf(sel);
  if (!sel) return '';
  if (at < 0) return `{{c1::${escapeMarkdown(sel)}}}`;
  const before = text.slice(0, at);
  const after = text.slice(at + sel.length);
  const start = Math.max(0, ...[...before.matchAll(/[.!?](?=\s)/g)].map((m) => m.index + 1));
  const endMatch = /[.!?](?=\s|$)/.exec(after);
  const end = endMatch ? endMatch.index + 1 : after.length;
  const lead = before.slice(start).trimStart();
  const tail = after.slice(0, end);
  // A sentence is what a card should hold; a long run without full stops is cut around the selection.
  const leadCut = lead.length <= 200 ? lead : `…${lead.slice(lead.length - 199).replace(/^\S*\s+/, '')}`;
  return `${escapeMarkdown(leadCut)}{{c1::${escapeMarkdown(sel)}}}${escapeMarkdown(cut(tail, 200))}`.trim();
}
