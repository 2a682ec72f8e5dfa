/** The message a widget sends its host page (read by /embed.js): the height its content needs, in CSS pixels. */
export interface HeightMessage {
  type: 'touchline:height';
  height: number;
}

/**
 * Tells the page that frames this widget how tall the content is, on load and whenever it changes, so the frame
 * fits it with no scroll bar. The height says nothing private, so any host may read it ('*').
 */
export function reportHeight(): void {
  if (window.parent === window) return;
  let last = -1;
  const send = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'touchline:height', height } satisfies HeightMessage, '*');
  };
  new ResizeObserver(send).observe(document.body);
  send();
}
