import { randomInt } from 'node:crypto';
import http from 'node:http';

/** A loopback address other than 127.0.0.1 for a test to connect from, so its counts are its own. */
export const loopbackAddress = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

/** A client address as a carrier NAT hands them out (100.64.0.0/10), fresh for each test run. */
export const carrierAddress = () => `100.${randomInt(64, 128)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test bodies are asserted field by field
  body: any;
}

/**
 * One HTTP request over a real socket bound to `from`, with the headers a reverse proxy adds (`X-Forwarded-For`,
 * `X-Forwarded-Proto`) or a stranger forges.
 */
export function send(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  opts: { from: string; headers?: Record<string, string>; body?: unknown },
): Promise<Answer> {
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(path, baseUrl),
      {
        method,
        localAddress: opts.from,
        agent: false,
        headers: { ...opts.headers, ...(payload ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: text ? JSON.parse(text) : undefined }),
        );
      },
    );
    req.once('error', reject);
    req.end(payload);
  });
}
