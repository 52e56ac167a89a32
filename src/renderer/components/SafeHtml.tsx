/** Renders imported HTML after a second sanitisation in the page (the first happened on import). */
import DOMPurify from 'dompurify';
import { forwardRef, useMemo } from 'react';

const CONFIG = {
  ALLOWED_TAGS: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'sub', 'sup', 'small', 'mark', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'pre', 'blockquote', 'h3', 'h4', 'h5', 'hr', 'span', 'a'],
  ALLOWED_ATTR: ['href', 'title', 'colspan', 'rowspan', 'target', 'rel', 'class'],
  ALLOWED_URI_REGEXP: /^https?:/i,
  ADD_URI_SAFE_ATTR: ['colspan', 'rowspan'],
};

export function sanitize(html: string): string {
  return DOMPurify.sanitize(html, CONFIG) as string;
}

interface Props {
  html: string;
  className?: string;
  as?: 'div' | 'span';
}

export const SafeHtml = forwardRef<HTMLDivElement, Props>(function SafeHtml({ html, className, as = 'div' }, ref) {
  const clean = useMemo(() => sanitize(html), [html]);
  if (as === 'span') return <span className={className} dangerouslySetInnerHTML={{ __html: clean }} />;
  return <div ref={ref} className={className} dangerouslySetInnerHTML={{ __html: clean }} />;
});
