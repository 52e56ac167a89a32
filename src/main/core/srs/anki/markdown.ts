/**
 * Anki field HTML → the Markdown our flashcards hold, so that what renders is what Anki shows.
 *
 * The field is parsed into a tree (tolerant of Anki's unclosed and misnested tags) and written back as Markdown text
 * with inline HTML for formatting: b/i/u/s/sub/sup/code stay tags (`<b>Korrelation </b>` written as `**…**` would
 * not close in Markdown, because a closing `**` may not follow a space; `<b>:<br></b>` would leave `**` on two
 * lines). Each text run is wrapped on its own and runs never cross a line, so tags are always balanced. Spans whose
 * style says bold/italic/underline/sub/super count as those tags; every other tag and attribute (colour, font,
 * classes, scripts) is dropped. Divs, paragraphs and <br> become line breaks, lists "- " / "1. " lines, tables an
 * HTML table on one line (an HTML block, where Markdown is not read, so its text is only HTML-escaped), images
 * ![alt](stored name) where the field has them. Text that Markdown would read as syntax is escaped with escapes
 * Markdown honours ("1\." — a backslash before a digit is not an escape and would show).
 */

const ENTITIES: Record<string, string> = { nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '–', mdash: '—', hellip: '…', middot: '·', times: '×', deg: '°', plusmn: '±', micro: 'µ', rarr: '→', larr: '←', uarr: '↑', darr: '↓', le: '≤', ge: '≥', ne: '≠', alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', mu: 'µ', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', shy: '' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (all, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[body.toLowerCase()] ?? all;
  });
}

export interface MarkdownResult {
  markdown: string;
  /** Media names the field refers to (images), as written in the field. */
  images: string[];
  /** [sound:…] references, which flashcards cannot play. */
  sounds: number;
}

// ---- parsing -------------------------------------------------------------------------------------------------

interface Element {
  name: string;
  attrs: string;
  children: Node[];
}
type Node = Element | string;

const FORMATTING = new Set(['b', 'strong', 'i', 'em', 'u', 's', 'strike', 'sub', 'sup', 'span', 'font', 'code', 'small', 'big']);
const VOID = new Set(['br', 'img', 'hr', 'wbr', 'input', 'meta', 'link', 'col', 'area', 'source', 'base']);
/** An opening tag of these closes an open element of the listed names first (as an HTML parser does). */
const IMPLIED_CLOSE: Record<string, { closes: string[]; within: string[] }> = {
  li: { closes: ['li'], within: ['ul', 'ol'] },
  tr: { closes: ['tr', 'td', 'th'], within: ['table', 'tbody', 'thead'] },
  td: { closes: ['td', 'th'], within: ['tr', 'table'] },
  th: { closes: ['td', 'th'], within: ['tr', 'table'] },
  p: { closes: ['p'], within: ['div', 'td', 'th', 'li', 'blockquote'] },
};

function parse(html: string): Element {
  const root: Element = { name: '#root', attrs: '', children: [] };
  const stack: Element[] = [root];
  const top = () => stack[stack.length - 1]!;
  const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let last = 0;
  for (const m of html.matchAll(TAG)) {
    if (m.index > last) top().children.push(html.slice(last, m.index));
    last = m.index + m[0].length;
    const name = m[2]!.toLowerCase();
    if (m[1]) {
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at <= 0) continue; // a stray close is ignored
      // Formatting left open inside it goes on after it, as a browser's parser does (<b>x<i>y</b>z</i>: z italic).
      const reopen = stack.slice(at + 1).filter((e) => FORMATTING.has(e.name));
      stack.length = at;
      for (const e of reopen) {
        const copy: Element = { name: e.name, attrs: e.attrs, children: [] };
        top().children.push(copy);
        stack.push(copy);
      }
      continue;
    }
    const implied = IMPLIED_CLOSE[name];
    if (implied) {
      for (let i = stack.length - 1; i > 0 && !implied.within.includes(stack[i]!.name); i--) {
        if (implied.closes.includes(stack[i]!.name)) {
          stack.length = i;
          break;
        }
      }
    }
    const element: Element = { name, attrs: m[3] ?? '', children: [] };
    top().children.push(element);
    if (!VOID.has(name) && !m[3]?.trimEnd().endsWith('/')) stack.push(element);
  }
  if (last < html.length) root.children.push(html.slice(last));
  return root;
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : null;
}

// ---- writing -------------------------------------------------------------------------------------------------

type Style = 'b' | 'i' | 'u' | 's' | 'sub' | 'sup' | 'code';
const STYLE_TAGS: Record<string, Style> = { b: 'b', strong: 'b', i: 'i', em: 'i', cite: 'i', u: 'u', ins: 'u', s: 's', strike: 's', del: 's', sub: 'sub', sup: 'sup', code: 'code', kbd: 'code', tt: 'code' };
/** Blocks that start and end a line. */
const LINE_BLOCKS = new Set(['div', 'tr', 'dt', 'dd', 'center', 'section', 'article', 'header', 'footer', 'figure', 'figcaption', 'address', 'caption']);
/** Blocks set apart by an empty line. */
const PARAGRAPH_BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'dl']);
const DROPPED = new Set(['script', 'style', 'head', 'title', 'object', 'iframe', 'svg', 'math', 'template', 'noscript', 'audio', 'video', 'button', 'select', 'textarea']);

/** Styles a span's inline CSS asks for (Anki's editor writes some formatting that way). */
function cssStyles(attrs: string): Style[] {
  const css = (attr(attrs, 'style') ?? '').toLowerCase();
  if (!css) return [];
  const out: Style[] = [];
  if (/font-weight\s*:\s*(bold|bolder|[6-9]00)/.test(css)) out.push('b');
  if (/font-style\s*:\s*italic/.test(css)) out.push('i');
  if (/text-decoration[a-z-]*\s*:[^;]*underline/.test(css)) out.push('u');
  if (/text-decoration[a-z-]*\s*:[^;]*line-through/.test(css)) out.push('s');
  if (/vertical-align\s*:\s*sub/.test(css)) out.push('sub');
  if (/vertical-align\s*:\s*super/.test(css)) out.push('sup');
  return out;
}

const htmlEscape = (text: string) => text.replace(/&(?=#?[a-zA-Z0-9]+;)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Inline Markdown syntax: emphasis, code, links, strikethrough, tables, escapes; '<' and '&' as HTML would read them. */
const markdownEscape = (text: string) =>
  text
    .replace(/[\\`*_[\]~|]/g, '\\$&')
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '&amp;')
    .replace(/<(?=[a-zA-Z!/?])/g, '&lt;');
/** What Markdown reads at the start of a line: headings, quotes, list markers, rules, setext underlines. */
const lineStartEscape = (text: string) => text.replace(/^([#>+=-])/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');

class Writer {
  out = '';
  /** Whether the current line has text yet (list markers and indentation do not count). */
  private lineHasText = false;
  private styles: Style[] = [];
  private lists: { ordered: boolean; n: number }[] = [];
  private table: string | null = null;
  readonly images: string[] = [];

  constructor(private readonly resolveImage: (name: string) => string | null) {}

  private lineStart(): void {
    if (this.table !== null) {
      if (!/(<br>|<td>|<th>|<tr>)$/.test(this.table)) this.table += '<br>';
      return;
    }
    if (this.out && !this.out.endsWith('\n')) this.out += '\n';
    this.lineHasText = false;
  }
  private blankLine(): void {
    if (this.table !== null) return this.lineStart();
    this.lineStart();
    if (this.out && !this.out.endsWith('\n\n')) this.out += '\n';
  }
  private emit(piece: string): void {
    if (this.table !== null) this.table += piece;
    else this.out += piece;
  }

  text(raw: string): void {
    // HTML collapses white space; a no-break space is kept as a space (never 4 of them: that would be a code block).
    const collapsed = decodeEntities(raw).replace(/[\s\u00a0]+/g, ' ');
    if (!collapsed) return;
    const core = collapsed.trim();
    const atLineStart = this.table === null && !this.lineHasText;
    if (!core) {
      if (!atLineStart) this.emit(' ');
      return;
    }
    let body = this.table !== null ? htmlEscape(core) : markdownEscape(core);
    if (atLineStart) body = lineStartEscape(body);
    this.lineHasText = true;
    const styles = [...new Set(this.styles)];
    const open = styles.map((s) => `<${s}>`).join('');
    const close = styles.reverse().map((s) => `</${s}>`).join('');
    this.emit(`${collapsed.startsWith(' ') && !atLineStart ? ' ' : ''}${open}${body}${close}${collapsed.endsWith(' ') ? ' ' : ''}`);
  }

  image(attrs: string): void {
    const src = attr(attrs, 'src');
    if (!src) return;
    this.images.push(src);
    const stored = this.resolveImage(src);
    const alt = (attr(attrs, 'alt') ?? '').replace(/[[\]\n]/g, '');
    if (!stored && !alt) return;
    this.emit(stored ? `![${alt}](${stored})` : this.table !== null ? htmlEscape(`[image: ${alt}]`) : `\\[image: ${markdownEscape(alt)}\\]`);
    this.lineHasText = true;
  }

  node(node: Node): void {
    if (typeof node === 'string') return this.text(node);
    const { name } = node;
    if (DROPPED.has(name)) return;
    if (name === 'br') return this.table !== null ? this.emit('<br>') : this.newline();
    if (name === 'img') return this.image(node.attrs);
    if (name === 'hr') {
      this.blankLine();
      if (this.table === null) this.out += '***\n\n';
      return;
    }
    if (name === 'table') return this.tableNode(node);
    if (name === 'ul' || name === 'ol') return this.list(node, name === 'ol');
    if (name === 'li') return this.listItem(node);
    const styles = [...(STYLE_TAGS[name] ? [STYLE_TAGS[name]] : []), ...(/^h[1-6]$/.test(name) ? (['b'] as Style[]) : []), ...cssStyles(node.attrs)];
    const paragraph = PARAGRAPH_BLOCKS.has(name);
    const line = LINE_BLOCKS.has(name);
    if (paragraph) this.blankLine();
    else if (line) this.lineStart();
    this.styles.push(...styles);
    for (const child of node.children) this.node(child);
    this.styles.length -= styles.length;
    if (paragraph) this.blankLine();
    else if (line) this.lineStart();
  }

  private newline(): void {
    this.out += '\n';
    this.lineHasText = false;
  }

  private list(node: Element, ordered: boolean): void {
    if (this.table !== null) {
      for (const child of node.children) this.node(child);
      return;
    }
    if (this.lists.length) this.lineStart();
    else this.blankLine();
    this.lists.push({ ordered, n: 0 });
    for (const child of node.children) this.node(child);
    this.lists.pop();
    if (this.lists.length) this.lineStart();
    else this.blankLine();
  }

  private listItem(node: Element): void {
    const list = this.lists[this.lists.length - 1];
    if (this.table !== null || !list) {
      this.lineStart();
      this.emit(this.table !== null ? '• ' : '');
      for (const child of node.children) this.node(child);
      this.lineStart();
      return;
    }
    this.lineStart();
    list.n++;
    this.out += `${'   '.repeat(this.lists.length - 1)}${list.ordered ? `${list.n}.` : '-'} `;
    for (const child of node.children) this.node(child);
    this.lineStart();
  }

  private tableNode(node: Element): void {
    if (this.table !== null) {
      // A table inside a table cell: its cells become lines of the outer cell.
      for (const child of node.children) this.node(child);
      return;
    }
    this.blankLine();
    this.table = '';
    this.tableChildren(node);
    const html = this.table.replace(/<br>(<\/t[dh]>)/g, '$1');
    this.table = null;
    if (html.includes('<td>') || html.includes('<th>')) this.out += `<table>${html}</table>`;
    this.blankLine();
  }

  private tableChildren(node: Element): void {
    for (const child of node.children) {
      if (typeof child === 'string') continue; // white space between rows
      if (child.name === 'tr') {
        this.table += '<tr>';
        for (const cell of child.children) {
          if (typeof cell === 'string' || (cell.name !== 'td' && cell.name !== 'th')) continue;
          const span = ['colspan', 'rowspan'].map((a) => [a, attr(cell.attrs, a)] as const).filter(([, v]) => v && /^\d{1,3}$/.test(v));
          this.table += `<${cell.name}${span.map(([a, v]) => ` ${a}="${v}"`).join('')}>`;
          for (const c of cell.children) this.node(c);
          this.table += `</${cell.name}>`;
        }
        this.table += '</tr>';
      } else if (['thead', 'tbody', 'tfoot'].includes(child.name)) this.tableChildren(child);
    }
  }
}

/**
 * @param resolveImage maps an Anki media name to the name stored in card_media (null: not available → alt text).
 */
export function ankiHtmlToMarkdown(html: string, resolveImage: (name: string) => string | null): MarkdownResult {
  let sounds = 0;
  const source = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\[sound:[^\]]*\]/g, () => {
      sounds++;
      return '';
    });
  const writer = new Writer(resolveImage);
  for (const node of parse(source).children) writer.node(node);
  const markdown = writer.out
    .replace(/<\/(b|i|u|s|sub|sup|code)><\1>/g, '') // adjacent runs of the same style are one run
    .replace(/<\/(b|i|u|s|sub|sup|code)><\1>/g, '')
    .replace(/(?<=\S) {2,}/g, ' ') // not at a line start: nested list items are indented
    .replace(/ +\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { markdown, images: writer.images, sounds };
}
