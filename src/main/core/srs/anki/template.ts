/**
 * A small reading of Anki's card templates, enough to turn a note + template into the two sides of a flashcard:
 * {{Field}}, filters ({{text:Field}}, {{hint:Field}}, {{type:Field}} → nothing on the front, the answer on the back), sections {{#Field}}…{{/Field}} and
 * {{^Field}}…{{/Field}}, {{FrontSide}}, {{Tags}}, {{Deck}}. The output is still Anki HTML (field values are
 * inserted as they are); markdown.ts translates it afterwards.
 */

export interface TemplateContext {
  fields: Map<string, string>;
  tags: string[];
  deck: string;
  frontSide?: string;
  /** Which side is rendered: {{type:Field}} is an input box on the front and shows the answer on the back. */
  side?: 'front' | 'back';
}

const nonEmpty = (html: string | undefined) => !!html && html.replace(/<[^>]*>|&nbsp;|\s/g, '') !== '';

function sections(template: string, ctx: TemplateContext): string {
  // Innermost sections first, repeatedly, so nesting resolves from the inside out.
  const SECTION = /\{\{([#^])\s*([^}]+?)\s*\}\}((?:(?!\{\{[#^])[\s\S])*?)\{\{\/\s*\2\s*\}\}/;
  let text = template;
  for (let guard = 0; guard < 200; guard++) {
    const m = SECTION.exec(text);
    if (!m) break;
    const present = nonEmpty(ctx.fields.get(m[2]!));
    const keep = m[1] === '#' ? present : !present;
    text = text.slice(0, m.index) + (keep ? m[3]! : '') + text.slice(m.index + m[0].length);
  }
  return text;
}

export function renderTemplate(template: string, ctx: TemplateContext): string {
  return sections(template, ctx).replace(/\{\{([^#^/{}][^{}]*?)\}\}/g, (_all, inner: string) => {
    const parts = inner.trim().split(':');
    const name = parts.pop()!.trim();
    const filters = parts.map((p) => p.trim().toLowerCase());
    if (name === 'FrontSide') return ctx.frontSide ?? '';
    if (name === 'Tags') return ctx.tags.join(' ');
    if (name === 'Deck') return ctx.deck;
    const value = ctx.fields.get(name) ?? '';
    if (filters.includes('type')) return ctx.side === 'back' ? value : '';
    if (filters.includes('text')) return value.replace(/<[^>]*>/g, '');
    return value;
  });
}

/**
 * The back template without the question repeated (our session shows the front above the back): Anki backs put the
 * answer after <hr id=answer>, before it {{FrontSide}} or, in the type-in note type, {{Front}} again.
 */
export function backWithoutFront(template: string): string {
  const hr = /<hr[^>]*\bid\s*=\s*["']?answer\b[^>]*>/i.exec(template);
  if (hr) return template.slice(hr.index + hr[0].length).trim();
  return template.replace(/\{\{\s*FrontSide\s*\}\}\s*(<hr[^>]*>)?\s*/i, '');
}

/** The field a cloze template deletes from ({{cloze:Text}}), or null. */
export function clozeField(template: string): string | null {
  const m = /\{\{(?:[^{}]*:)?cloze:([^{}]+?)\}\}/.exec(template);
  return m ? m[1]!.trim() : null;
}
