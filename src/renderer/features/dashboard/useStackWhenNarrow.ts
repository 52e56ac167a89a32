/**
 * A wide table that does not fit its box is shown stacked (each row a small grid of "heading value" pairs) instead of
 * being cut off or scrolled sideways. Measured, not guessed: the box is laid out as a table, and stacked only when the
 * table is wider than the box — at any window width, text size or number of columns. Re-checked when the box resizes
 * (a window resize, or a text-size change that changes its height).
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

export function useStackWhenNarrow<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T | null>(null);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const check = () => {
      box.classList.remove('stacked');
      const table = box.querySelector('table');
      box.classList.toggle('stacked', !!table && table.scrollWidth > box.clientWidth + 1);
    };
    check();
    const observer = new ResizeObserver(check);
    observer.observe(box);
    return () => observer.disconnect();
  });
  return ref;
}
