/**
 * A small element builder. Every string becomes a text node, never markup, so names and comments from the server
 * stay inert.
 */
export type Child = Node | string | number | false | null | undefined;

export function h(tag: string, attrs: Record<string, string> | null, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) el.setAttribute(k, v);
  for (const c of children) {
    if (c === false || c === null || c === undefined) continue;
    el.append(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Replaces what a container shows. */
export function show(root: HTMLElement, ...children: Child[]): void {
  root.replaceChildren(...h('div', null, ...children).childNodes);
}
