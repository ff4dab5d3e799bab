// Fits SVG text into a width by measuring it (the view runs in a browser; layout stays measurement-free).

/** Sets `text` on the element, shortened with an ellipsis until it fits `maxWidth` pixels. */
export function fitText(el: SVGTextElement, text: string, maxWidth: number): void {
  el.textContent = text;
  if (maxWidth <= 0) {
    el.textContent = '';
    return;
  }
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
