/** Search excerpts from the core mark matches with \u0001 … \u0002; render them as <mark> elements, never as HTML. */
import type { ReactNode } from 'react';

export function Snippet({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  const [first, ...rest] = text.split('\u0001');
  if (first) parts.push(first);
  rest.forEach((chunk, i) => {
    const end = chunk.indexOf('\u0002');
    const hit = end === -1 ? chunk : chunk.slice(0, end);
    const after = end === -1 ? '' : chunk.slice(end + 1).replaceAll('\u0002', '');
    if (hit) parts.push(<mark key={`m${i}`} className="hit">{hit}</mark>);
    if (after) parts.push(after);
  });
  return <>{parts}</>;
}
