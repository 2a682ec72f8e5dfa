/** Texts that change with time (a running match clock), by the element showing each. */
const ticking = new Map<HTMLElement, () => string>();

/**
 * Shows `text()` in `el` now and again every second while `el` is on the page. Only these texts change between
 * patches, so links keep their focus and nothing else is redrawn.
 */
export function tick(el: HTMLElement, text: () => string): HTMLElement {
  el.textContent = text();
  ticking.set(el, text);
  return el;
}

setInterval(() => {
  for (const [el, text] of ticking) {
    if (el.isConnected) el.textContent = text();
    else ticking.delete(el);
  }
}, 1000);
