/**
 * Untrusted text → safe HTML. Markdown is rendered with marked, then DOMPurify (on jsdom) keeps a small allow-list:
 * no scripts, no event handlers, no styles, no images (pack images travel separately, by media id), links only
 * to http(s) and opened outside the app. Plain text skips the parser entirely: escaping it is already safe,
 * and most imported stems (MedQA, CSV) are plain text, which keeps a 10,000-question import fast.
 */
import createDOMPurify, { type Config } from 'dompurify';
import { Marked } from 'marked';
import { HTML_ATTRS, HTML_TAGS, HTML_URI, HTML_URI_SAFE_ATTRS } from '../../../shared/htmlPolicy';

/**
 * Marked with a renderer that is safe by construction for Markdown without raw HTML: text is escaped by marked,
 * links survive only as http(s) and open outside, images become their alt text (pack images travel by media id),
 * and any raw HTML is escaped. Sources that contain '<' also go through DOMPurify, which is ~100× slower on jsdom.
 */
const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    link({ href, title, tokens }) {
      const text = this.parser.parseInline(tokens);
      if (!/^https?:\/\//i.test(href)) return text;
      const t = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(href)}"${t} target="_blank" rel="noopener noreferrer">${text}</a>`;
    },
    image({ text }) {
      return escapeHtml(text);
    },
    html({ text }) {
      return escapeHtml(text);
    },
    heading({ tokens, depth }) {
      const level = Math.min(5, Math.max(3, depth + 2));
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    checkbox() {
      return '';
    },
  },
});

/** For sources with raw HTML: marked passes it through and DOMPurify decides what stays. */
const htmlMarked = new Marked({ gfm: true, breaks: true, async: false });

const HTML_CONFIG: Config = {
  ALLOWED_TAGS: [...HTML_TAGS],
  ALLOWED_ATTR: [...HTML_ATTRS],
  ALLOW_DATA_ATTR: false,
  ALLOWED_URI_REGEXP: HTML_URI,
  ADD_URI_SAFE_ATTR: [...HTML_URI_SAFE_ATTRS],
};

let purifier: ReturnType<typeof createDOMPurify> | undefined;
function getPurifier() {
  if (!purifier) {
    // jsdom is loaded on first need only: most imports never contain raw HTML, and it costs ~60 MB and half a second.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { JSDOM } = require('jsdom') as typeof import('jsdom');
    const window = new JSDOM('').window;
    purifier = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
    purifier.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName === 'A') {
        if (node.getAttribute('href')) {
          node.setAttribute('target', '_blank');
          node.setAttribute('rel', 'noopener noreferrer');
        }
      }
    });
  }
  return purifier;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Characters that might make Markdown or HTML out of a string; without them the text is plain. */
/** Characters that might make Markdown or HTML out of a string; without them the text is plain (blank lines are
 * paragraphs either way, and a '<' not followed by a tag name, as in "< 5 mm", is just text). */
const MARKUP = /[*_`#[\]!|\\~]|<[a-zA-Z!/?]|&[#a-zA-Z0-9]+;|^\s*(?:[-+]|\d+\.)\s|^\s*>|\n\s*(?:[-+]|\d+\.)\s|\n\s*>|^ {4}|\n {4}/;
/** Raw HTML (a tag, a comment, a declaration): only then is DOMPurify needed. */
const TAG = /<[a-zA-Z!/?]/;

/** Plain text → the same HTML marked would produce for it (paragraphs, <br> for single line breaks). */
function plainToHtml(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((para) => `<p>${escapeHtml(para.trim()).replace(/\n/g, '<br>')}</p>\n`)
    .join('');
}

/** Markdown (with a safe HTML subset) → sanitised HTML. */
export function markdownToSafeHtml(source: string): string {
  const text = source.replace(/\r\n?/g, '\n');
  if (!text.trim()) return '';
  if (!MARKUP.test(text)) return plainToHtml(text);
  if (!TAG.test(text)) return marked.parse(text) as string;
  return sanitizeHtml(htmlMarked.parse(text) as string);
}

/** Sanitises HTML that is already HTML (imported content or our own rendering). */
export function sanitizeHtml(html: string): string {
  return getPurifier().sanitize(html, HTML_CONFIG) as string;
}

/** Inline fragment (a choice): same as markdownToSafeHtml but without a wrapping paragraph for a single line. */
export function inlineMarkdownToSafeHtml(source: string): string {
  // Most choices are one plain line ("Tamoxifen"): escaping is all they need.
  if (!source.includes('\n') && !MARKUP.test(source)) return escapeHtml(source.trim());
  const html = markdownToSafeHtml(source);
  const single = /^<p>([\s\S]*)<\/p>\s*$/.exec(html);
  return single && !single[1]!.includes('<p>') ? single[1]! : html;
}

/** True when the text renders as plain paragraphs: its search text is then the text itself. */
export function isPlainText(source: string): boolean {
  return !MARKUP.test(source);
}

/** HTML → plain text, for search and previews. Only used on our own sanitised HTML. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(?:br|\/p|\/li|\/tr|\/h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const SVG_CONFIG: Config = {
  USE_PROFILES: { svg: true, svgFilters: true },
  FORBID_TAGS: ['script', 'foreignObject', 'use', 'image', 'style', 'a', 'animate', 'set'],
  FORBID_ATTR: ['href', 'xlink:href', 'style'],
};

/** Sanitises an SVG image: no script, no foreign content, no references outside the file. */
export function sanitizeSvg(svg: string): string {
  // Editors (Illustrator, Inkscape) prepend an XML declaration, comments and a DOCTYPE with entities: drop them.
  const body = svg.replace(/^[\s\S]*?(?=<svg\b)/, '');
  const clean = (getPurifier().sanitize(body, SVG_CONFIG) as string).trim();
  return clean.startsWith('<svg') ? clean : '';
}
