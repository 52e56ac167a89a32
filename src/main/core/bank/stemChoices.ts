/**
 * Some public MedQA-style files end the question text with the options as well: "… Which is the most likely
 * diagnosis? Answer Choices: (A) Gout (B) Pseudogout …". Shown above the real choices, every option then appears
 * twice. Such a trailing list is removed, but only when it is exactly the item's choices, in order, so a stem that
 * merely mentions "answer choices" is never cut.
 */

/** "Answer Choices:" / "Answer choices -" / "Options:" opening the trailing list. */
const HEADING = /(?:^|\s)(?:answer\s+choices|answer\s+options|choices|options)\s*[:\-–]?\s*(?=\(?A[).:])/gi;

/** The cheap test for a heading near the end (global, so a search can start at lastIndex without slicing the stem). */
const HEADING_WORD = /choices|options/gi;

/** Label forms, tried in turn: "(A) x (B) y", "A) x B) y", "A. x B. y", "A: x B: y". */
const LABELS: ((letter: string) => string)[] = [(l) => `\\(${l}\\)`, (l) => `${l}\\)`, (l) => `${l}\\.`, (l) => `${l}:`];

const comparable = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').replace(/[\s.;,]+$/, '').trim();

/** The texts after each label A, B, C… in order, when the list is exactly labelled that way; else undefined. */
function splitLabelled(list: string, count: number, label: (letter: string) => string): string[] | undefined {
  const texts: string[] = [];
  let rest = list.trimStart();
  for (let i = 0; i < count; i++) {
    const open = new RegExp(`^${label(String.fromCharCode(65 + i))}\\s*`).exec(rest);
    if (!open) return undefined;
    rest = rest.slice(open[0].length);
    const nextLabel = i + 1 < count ? new RegExp(`\\s${label(String.fromCharCode(66 + i))}\\s*`).exec(` ${rest}`) : null;
    const end = nextLabel ? Math.max(0, nextLabel.index - 1) : rest.length;
    if (i + 1 < count && !nextLabel) return undefined;
    texts.push(rest.slice(0, end));
    rest = rest.slice(end).trimStart();
  }
  return texts;
}

/** The stem without a trailing list of its own choices; the stem unchanged when there is none. */
export function stripRepeatedChoices(stem: string, choices: readonly { text: string }[]): string {
  if (choices.length < 2) return stem;
  // Only the end of the stem can hold the list: its heading, the labels and the choices' own text. Looking there
  // alone keeps this cheap; it runs for every imported question and nearly none has such a list.
  let room = 40;
  for (const c of choices) room += c.text.length + 12;
  const from = Math.max(0, stem.length - room);
  HEADING_WORD.lastIndex = from;
  if (!HEADING_WORD.test(stem)) return stem;
  // The last heading is the one that can open a trailing list; earlier ones are part of the vignette.
  let heading: RegExpExecArray | undefined;
  for (const m of stem.slice(from).matchAll(HEADING)) heading = m as RegExpExecArray;
  if (!heading) return stem;
  const start = from + heading.index;
  const list = stem.slice(start + heading[0].length);
  const wanted = choices.map((c) => comparable(c.text));
  for (const label of LABELS) {
    const texts = splitLabelled(list, choices.length, label);
    if (texts && texts.every((t, i) => comparable(t) === wanted[i])) {
      const kept = stem.slice(0, start).trimEnd();
      return kept === '' ? stem : kept;
    }
  }
  return stem;
}
