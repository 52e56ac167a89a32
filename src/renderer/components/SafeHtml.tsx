/** Renders imported HTML after a second sanitisation in the page (the first happened on import). */
import DOMPurify from 'dompurify';
import { forwardRef, useMemo } from 'react';
import { HTML_RENDER_ATTRS, HTML_TAGS, HTML_URI, HTML_URI_SAFE_ATTRS } from '../../shared/htmlPolicy';

const CONFIG = {
  ALLOWED_TAGS: [...HTML_TAGS],
  ALLOWED_ATTR: [...HTML_RENDER_ATTRS],
  ALLOWED_URI_REGEXP: HTML_URI,
  ADD_URI_SAFE_ATTR: [...HTML_URI_SAFE_ATTRS],
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
