/**
 * Anki field HTML → the Markdown our flashcards hold. Our renderer escapes raw HTML (imported content is untrusted),
 * so tags are translated, not kept: bold/italic become ** and *, line and block breaks become newlines, list items
 * "- ", images ![](name) (resolved through the media map), everything else (spans, fonts, styles, scripts) is dropped
 * with its attributes, and entities are decoded. Text that Markdown would read as syntax is escaped.
 */

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '–', mdash: '—', hellip: '…', middot: '·', times: '×', deg: '°', plusmn: '±', micro: 'µ', rarr: '→', larr: '←', uarr: '↑', darr: '↓' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[body.toLowerCase()] ?? all;
  });
}

/** Escapes what Markdown would otherwise read as emphasis, code, links or line-start syntax. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]])/g, '\\$1').replace(/^(\s*)([#>+-]|\d+\.)(?=\s)/gm, '$1\\$2');
}

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : null;
};

export interface MarkdownResult {
  markdown: string;
  /** Media names the field refers to (images), as written in the field. */
  images: string[];
  /** [sound:…] references, which flashcards cannot play. */
  sounds: number;
}

/**
 * @param resolveImage maps an Anki media name to the name stored in card_media (null: not available → alt text).
 */
export function ankiHtmlToMarkdown(html: string, resolveImage: (name: string) => string | null): MarkdownResult {
  const images: string[] = [];
  let sounds = 0;
  // Drop whole elements whose content is never text, then comments.
  let source = html.replace(/<(script|style|head|title|object|iframe|svg)\b[\s\S]*?<\/\1\s*>/gi, '').replace(/<!--[\s\S]*?-->/g, '');
  source = source.replace(/\[sound:[^\]]*\]/g, () => {
    sounds++;
    return '';
  });
  let out = '';
  let last = 0;
  const TAG = /<\/?([a-z][a-z0-9]*)\b[^>]*>/gi;
  for (const m of source.matchAll(TAG)) {
    out += escapeMarkdown(decodeEntities(source.slice(last, m.index)).replace(/\s*\n\s*/g, ' '));
    last = m.index + m[0].length;
    const name = m[1]!.toLowerCase();
    const closing = m[0][1] === '/';
    if (name === 'b' || name === 'strong') out += '**';
    else if (name === 'i' || name === 'em') out += '*';
    else if (name === 'br') out += '\n';
    else if (name === 'li') out += closing ? '\n' : '\n- ';
    else if (['div', 'p', 'ul', 'ol', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table', 'hr'].includes(name)) out += '\n';
    else if ((name === 'td' || name === 'th') && closing) out += ' ';
    else if (name === 'img' && !closing) {
      const src = attr(m[0], 'src');
      if (!src) continue;
      images.push(src);
      const stored = resolveImage(src);
      const alt = (attr(m[0], 'alt') ?? '').replace(/[[\]]/g, '');
      out += stored ? `![${alt}](${stored})` : alt ? `[image: ${alt}]` : '';
    }
  }
  out += escapeMarkdown(decodeEntities(source.slice(last)).replace(/\s*\n\s*/g, ' '));
  const markdown = out
    .replace(/\*\*(\s*)\*\*/g, '$1') // empty bold from <b></b>
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n[ \t]+/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { markdown, images, sounds };
}
