/** Highlights are character ranges over an element's text; these helpers map between ranges and the DOM. */
import type { Highlight } from '../../shared/types';

/** Character offset of (node, offset) from the start of root's text. */
export function textOffset(root: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The current selection inside root as a range of characters, or null when nothing is selected there. */
export function selectionRange(root: HTMLElement): Highlight | null {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const r = sel.getRangeAt(0);
  if (!root.contains(r.startContainer) || !root.contains(r.endContainer)) return null;
  const start = textOffset(root, r.startContainer, r.startOffset);
  const end = textOffset(root, r.endContainer, r.endOffset);
  return end > start ? { start, end } : null;
}

/** Wraps every highlighted range in <mark class="hl" data-hl="i">, splitting text nodes where needed. */
export function applyHighlights(root: HTMLElement, highlights: Highlight[]): void {
  if (!highlights.length) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: { node: Text; start: number }[] = [];
  let pos = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push({ node: n as Text, start: pos });
    pos += (n as Text).data.length;
  }
  highlights.forEach((h, index) => {
    for (const { node, start } of nodes) {
      const end = start + node.data.length;
      if (end <= h.start || start >= h.end || !node.parentNode) continue;
      const from = Math.max(h.start, start) - start;
      const to = Math.min(h.end, end) - start;
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, to);
      const mark = document.createElement('mark');
      mark.className = 'hl';
      mark.dataset.hl = String(index);
      mark.title = 'Click to remove this highlight';
      range.surroundContents(mark);
    }
    // Text nodes were split: recompute for the next highlight.
    nodes.length = 0;
    const again = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let p = 0;
    for (let n = again.nextNode(); n; n = again.nextNode()) {
      nodes.push({ node: n as Text, start: p });
      p += (n as Text).data.length;
    }
  });
}
