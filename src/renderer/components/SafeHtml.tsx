/** Renders imported HTML after a second sanitisation in the page (the first happened on import). */
import DOMPurify from 'dompurify';
import { forwardRef, useMemo } from 'react';
import { CARD_IMAGE_SRC, HTML_RENDER_ATTRS, HTML_TAGS, HTML_URI, HTML_URI_SAFE_ATTRS } from '../../shared/htmlPolicy';

const CONFIG = {
  ALLOWED_TAGS: [...HTML_TAGS],
  ALLOWED_ATTR: [...HTML_RENDER_ATTRS],
  ALLOWED_URI_REGEXP: HTML_URI,
  ADD_URI_SAFE_ATTR: [...HTML_URI_SAFE_ATTRS],
};

/** Flashcard sides: the same, plus their own images inline (data:image sources only, checked by the hook below). */
const WITH_IMAGES = { ...CONFIG, ALLOWED_TAGS: [...HTML_TAGS, 'img'], ALLOWED_ATTR: [...HTML_RENDER_ATTRS, 'src', 'alt'] };

DOMPurify.addHook('uponSanitizeAttribute', (node, data) => {
  if (data.attrName === 'src' && (node.nodeName !== 'IMG' || !CARD_IMAGE_SRC.test(data.attrValue))) data.keepAttr = false;
});
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'IMG' && !node.getAttribute('src')) node.remove();
});

export function sanitize(html: string, images = false): string {
  return DOMPurify.sanitize(html, images ? WITH_IMAGES : CONFIG) as string;
}

interface Props {
  html: string;
  /** Keep inline data:image pictures (flashcard sides). */
  images?: boolean;
  className?: string;
  as?: 'div' | 'span';
}

export const SafeHtml = forwardRef<HTMLDivElement, Props>(function SafeHtml({ html, className, as = 'div', images = false }, ref) {
  const clean = useMemo(() => sanitize(html, images), [html, images]);
  if (as === 'span') return <span className={className} dangerouslySetInnerHTML={{ __html: clean }} />;
  return <div ref={ref} className={className} dangerouslySetInnerHTML={{ __html: clean }} />;
});
