/**
 * The push services a subscription may name (docs/decisions/035): FCM (Chrome, Edge on Android), Mozilla autopush,
 * Apple, Windows (WNS). The server sends only to these, over https, so a subscription cannot make it call anything else.
 */
const KNOWN_HOSTS = ['fcm.googleapis.com', 'android.googleapis.com', 'updates.push.services.mozilla.com'];
const KNOWN_SUFFIXES = ['.push.apple.com', '.notify.windows.com'];

/** Whether the server may send to this endpoint: https, on a known push service or an added host. */
export function pushEndpointAllowed(endpoint: string, addedHosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  return (
    KNOWN_HOSTS.includes(host) ||
    KNOWN_SUFFIXES.some((suffix) => host.endsWith(suffix)) ||
    addedHosts.some((h) => h.toLowerCase() === host)
  );
}
