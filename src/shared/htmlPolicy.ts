/**
 * The one HTML policy: which tags and attributes imported content may keep (checked on import in the core and again
 * on render in the page) and the Content-Security-Policy both doors send (HTTP header in browser mode, the app://
 * protocol's header in Electron). Change it here, and every place follows.
 */

/** Tags imported stems, choices and explanations may use. No images (they come as media by id), no forms, no script. */
export const HTML_TAGS: readonly string[] = [
  'p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'sub', 'sup', 'small', 'mark', 'ul', 'ol', 'li',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'pre', 'blockquote', 'h3', 'h4', 'h5', 'hr', 'span', 'a',
];
/** Attributes kept on import. */
export const HTML_ATTRS: readonly string[] = ['href', 'title', 'colspan', 'rowspan'];
/** The page also keeps what the app itself adds when rendering (link targets, highlight classes). */
export const HTML_RENDER_ATTRS: readonly string[] = [...HTML_ATTRS, 'target', 'rel', 'class'];
/** Links may only point to the web; never file:, javascript:, data: or the app's own scheme. */
export const HTML_URI = /^https?:/i;
/** DOMPurify checks unknown attributes against the URI pattern; table spans are plain numbers. */
export const HTML_URI_SAFE_ATTRS: readonly string[] = ['colspan', 'rowspan'];

/** Flashcard sides carry their stored images inline as data URLs; the page keeps an <img> only with such a source. */
export const CARD_IMAGE_SRC = /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/;

/** Nothing remote, no inline script, no frames, no plugins; inline styles only for the renderer's own components. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'";
