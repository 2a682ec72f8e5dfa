/** A query parameter of the current address: the admin screens keep their filters there, so a link can carry them. */
export const searchParam = (name: string): string | undefined =>
  new URLSearchParams(location.search).get(name) ?? undefined;

/** Rewrites the query parameters in place (no new history entry): the filter changed, not the screen. */
export function setSearchParams(values: Record<string, string | undefined>) {
  const params = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(values)) {
    if (v) params.set(k, v);
    else params.delete(k);
  }
  const s = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${s ? `?${s}` : ''}`);
}
