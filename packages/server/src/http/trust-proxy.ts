import { isIP } from 'node:net';

/** Off, a hop count, or the addresses and CIDR ranges of the proxies whose X-Forwarded-* headers are believed. */
export type TrustProxy = false | number | string[];

/** proxy-addr's names for the loopback, link-local and private ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|::1)$/;

const isProxyAddress = (entry: string) => {
  if (RANGE_NAMES.has(entry)) return true;
  const [ip = '', bits, ...rest] = entry.split('/');
  const family = isIP(ip);
  if (family === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
};

/**
 * Reads TOUCHLINE_TRUST_PROXY (docs/decisions/029). A hop count believes whoever connects to be the proxy, so it is
 * only taken when the server listens on loopback, where nothing but a proxy on this machine can reach it.
 */
export function parseTrustProxy(value: string | undefined, host: string): TrustProxy {
  const v = value?.trim() ?? '';
  if (v === '') return false;
  if (/^\d+$/.test(v) && Number(v) > 0) {
    if (!LOOPBACK_HOSTS.test(host)) {
      throw new Error(
        `TOUCHLINE_TRUST_PROXY=${v} (a hop count) believes X-Forwarded-For from whoever connects, but HOST=${host} ` +
          `lets clients connect without the proxy: set HOST=127.0.0.1, or list the proxy's addresses instead`,
      );
    }
    return Number(v);
  }
  const entries = v.split(',').map((e) => e.trim());
  const bad = entries.find((e) => !isProxyAddress(e));
  if (bad !== undefined) {
    throw new Error(
      `TOUCHLINE_TRUST_PROXY must be a hop count (1, 2, …) or a comma-separated list of proxy addresses, CIDR ` +
        `ranges or loopback/linklocal/uniquelocal; "${bad}" in "${v}" is none of these`,
    );
  }
  return entries;
}

/**
 * Fastify's `trustProxy` option. Fastify no longer takes a hop count (it cannot check the peer), so a count becomes
 * the same rule as a function: the socket peer and the next hops up to the count are proxies.
 */
export const trustProxyOption = (t: TrustProxy) =>
  typeof t === 'number' ? (_address: string, hop: number) => hop < t : t;
