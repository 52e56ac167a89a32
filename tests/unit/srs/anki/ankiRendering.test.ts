/**
 * What a student sees of an imported Anki field equals what Anki shows: each real-world field shape goes through the
 * importer's conversion and the app's real renderer (marked + DOMPurify), and the rendered page is compared with the
 * field itself read by an HTML parser (jsdom): the same visible text (no stray `**`, `\`, `_` or tags), the same
 * bold / italic / underline / sub / sup runs, line breaks where Anki breaks lines, images where the note puts them.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { markdownToSafeHtml } from '../../../../src/main/core/bank/sanitize';
import { ankiHtmlToMarkdown } from '../../../../src/main/core/srs/anki/markdown';
import { clozeSide, renderFlashcardSide } from '../../../../src/main/core/srs/flashcards';

const media: Record<string, string> = { 'ecg.png': 'ecg.png', 'x ray.jpg': 'x_ray.jpg' };
const convert = (html: string) => ankiHtmlToMarkdown(html, (n) => media[decodeURIComponent(n)] ?? null).markdown;
const dom = (html: string) => new JSDOM(`<body>${html}</body>`).window.document.body;

/** Visible text, with images as ⟨img name⟩ markers where they stand, white space removed (layout is checked apart). */
function visible(body: HTMLElement, imageName: (img: Element) => string): string {
  for (const s of body.querySelectorAll('script, style')) s.remove();
  for (const img of body.querySelectorAll('img')) img.replaceWith(`⟨img ${imageName(img)}⟩`);
  return (body.textContent ?? '').replace(/[\s\u00a0]+/g, '');
}
/** The characters shown in a given format (inside an element the selector matches), in order. */
function runs(body: HTMLElement, selector: string): string {
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let out = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.parentElement?.closest(selector)) out += n.textContent;
  return out.replace(/[\s\u00a0]+/g, '');
}

/** Rendered the way the Flashcards screen renders a side: images placed inline by stored name. */
function rendered(markdown: string): HTMLElement {
  const html = renderFlashcardSide(markdown, (name) => ({ mime: 'image/png', base64: Buffer.from(name).toString('base64') }));
  return dom(html);
}

const SHAPES: [string, string][] = [
  ['bold with a trailing space', '<b>Korrelation </b>zwischen X und Y'],
  ['bold around punctuation and a break', 'Definition<b>:<br></b>the thing'],
  ['a line starting with "1."', '1. Schritt<br>2. Schritt<br>10) zehn'],
  ['nested b/i/u', '<b>bold <i>both <u>all three</u></i></b> plain'],
  ['spans with styles', '<span style="font-weight: 600;">heavy</span> <span style="color: rgb(255, 0, 0);">red</span> <span style="font-style:italic">slanted</span>'],
  ['divs and brs', '<div>first line</div><div>second line<br></div><div><br></div><div>after an empty line</div>'],
  ['lists', '<ul><li>one</li><li>two <b>bold</b></li></ul><ol><li>first</li><li>second</li></ol>'],
  ['a nested list', '<ul><li>outer<ul><li>inner</li></ul></li><li>next</li></ul>'],
  ['a table', '<table><tbody><tr><td><b>Drug</b></td><td>Effect</td></tr><tr><td>Aspirin</td><td>COX 1*2</td></tr></tbody></table>'],
  ['sub and sup', 'H<sub>2</sub>O and 10<sup>-3</sup> mol'],
  ['cloze inside bold', '<b>{{c1::Digoxin}}</b> inhibits the {{c2::Na<sup>+</sup>/K<sup>+</sup> ATPase::pump}}'],
  ['an image in the middle of text', 'Look at <img src="ecg.png"> this ECG, then <img src="x%20ray.jpg" alt="x ray"> the film'],
  ['entities', 'a&nbsp;&nbsp;&nbsp;&nbsp;b &lt;tag&gt; &amp;amp; &#x3b1; &gt; 5 mm'],
  ['Markdown-looking text', '# not a heading<br>&gt; not a quote<br>- not a list<br>2*3*4 a_b_c [x](y) `code` ~~s~~ | pipe |<br>---'],
  ['a backslash', 'C:\\path\\to and \\* star'],
  ['unclosed and misnested tags', '<b>bold <i>both</b> after</i> <div>open div<br>text'],
  ['an empty bold and a bold space', 'a<b></b>b<b> </b>c'],
  ['paragraphs', '<p>one</p><p>two <em>em</em></p>'],
  ['font tags and classes', '<font color="#ff0000"><span class="x">colored</span></font> <strong>strong</strong>'],
  ['strikethrough and headings', '<s>old</s> <h1>Title</h1>body'],
];

describe('Anki fields render as Anki shows them', () => {
  it.each(SHAPES)('%s', (_name, field) => {
    // A cloze is compared on the back of its c1 card: Anki shows the c1 answer highlighted (bold), the others plain.
    const page = rendered(clozeSide(convert(field), 1, 'back'));
    const anki = dom(field.replace(/\{\{c1::([\s\S]*?)(?:::[^}]*)?\}\}/g, '<b>$1</b>').replace(/\{\{c\d+::([\s\S]*?)(?:::[^}]*)?\}\}/g, '$1'));
    // The same visible text, images in the same places.
    const pageImages = (img: Element) => Buffer.from((img.getAttribute('src') ?? '').replace(/^data:[^,]*,/, ''), 'base64').toString();
    const ankiImages = (img: Element) => media[decodeURIComponent(img.getAttribute('src') ?? '')] ?? '';
    expect(visible(page, pageImages)).toBe(visible(anki, ankiImages));
    // The same formatting runs.
    const formats: [string, string][] = [
      ['b, strong, h1', 'b, strong, h1, [style*="font-weight"]'],
      ['i, em', 'i, em, [style*="italic"]'],
      ['u', 'u'],
      ['sub', 'sub'],
      ['sup', 'sup'],
      ['s', 's'],
    ];
    for (const [ours, theirs] of formats) expect(runs(page, ours), ours).toBe(runs(anki, theirs));
  });

  it('keeps line structure: breaks where Anki breaks lines, list items as items, a table as a table', () => {
    expect(rendered(convert('<div>first</div><div>second</div>')).innerHTML).toBe('<p>first<br>second</p>\n');
    const lists = rendered(convert(SHAPES.find(([n]) => n === 'lists')![1]));
    expect([...lists.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['one', 'two bold']);
    expect([...lists.querySelectorAll('ol > li')].map((li) => li.textContent)).toEqual(['first', 'second']);
    expect(rendered(convert('1. Schritt<br>2. Schritt')).innerHTML).toBe('<p>1. Schritt<br>2. Schritt</p>\n');
    const table = rendered(convert(SHAPES.find(([n]) => n === 'a table')![1]));
    expect([...table.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['Drug', 'Effect'],
      ['Aspirin', 'COX 1*2'],
    ]);
  });

  it('never leaves Markdown or escape characters in the text the student reads', () => {
    const strays = (text: string) => text.match(/\*\*|\\\d|\\[*_[\]#>-]|<\/?[a-z]+>/g) ?? [];
    for (const [, field] of SHAPES) {
      expect(strays(rendered(convert(field)).textContent ?? ''), field).toEqual(strays(dom(field).textContent ?? ''));
    }
  });

  it('places an image where the note has it, not after the text', () => {
    const page = rendered(convert('before <img src="ecg.png"> after'));
    const html = page.innerHTML;
    expect(html.indexOf('before')).toBeLessThan(html.indexOf('<img'));
    expect(html.indexOf('<img')).toBeLessThan(html.indexOf('after'));
    expect(page.querySelector('img')!.getAttribute('src')).toBe(`data:image/png;base64,${Buffer.from('ecg.png').toString('base64')}`);
  });
});

describe('the card renderer stays safe', () => {
  it('drops script and event handlers and never loads a remote image', () => {
    const html = renderFlashcardSide('<img src="https://evil.example/x.png" onerror="alert(1)"> ![x](https://evil.example/y.png) <script>alert(2)</script>ok', () => null);
    expect(html).not.toMatch(/evil|onerror|script|alert/);
    expect(markdownToSafeHtml('ok')).toBe('<p>ok</p>\n');
  });
});
