// Fits SVG text into a width by measuring it (the view runs in a browser; layout stays measurement-free).
// Measuring forces a synchronous layout of the whole SVG, so it is avoided whenever it cannot change the
// answer: a text no wider than one em per character surely fits, and an element keeps its last answer.

const memo = new WeakMap<SVGTextElement, string>();

/** Sets `text` on the element, shortened with an ellipsis until it fits `maxWidth` pixels. */
export function fitText(el: SVGTextElement, text: string, maxWidth: number, fontSize = 0): void {
  const key = `${text}\u0000${Math.round(maxWidth)}\u0000${fontSize}`;
  if (memo.get(el) === key) return;
  memo.set(el, key);
  el.textContent = text;
  if (maxWidth <= 0) {
    el.textContent = '';
    return;
  }
  if (fontSize > 0 && text.length * fontSize <= maxWidth) return;
  // getComputedTextLength is 0 when the element is not rendered (tests, hidden tabs): keep the full text.
  if (typeof el.getComputedTextLength !== 'function' || el.getComputedTextLength() <= maxWidth) return;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    el.textContent = `${text.slice(0, mid)}…`;
    if (el.getComputedTextLength() <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  el.textContent = lo > 0 ? `${text.slice(0, lo)}…` : '…';
}

/** Forgets the last answers below `root` (after a font change the same text may fit differently). */
export function forgetFits(root: Element): void {
  for (const el of root.querySelectorAll('text')) memo.delete(el);
}

const widths = new WeakMap<SVGTextElement, { key: string; width: number }>();

/** The rendered width of a text set by fitText, measured once per distinct text. */
export function measuredWidth(el: SVGTextElement, fallback: number): number {
  const key = memo.get(el) ?? el.textContent ?? '';
  const hit = widths.get(el);
  if (hit && hit.key === key) return hit.width;
  const width = typeof el.getComputedTextLength === 'function' ? el.getComputedTextLength() : fallback;
  widths.set(el, { key, width });
  return width;
}
