import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CloseCode } from '@touchline/contract';
import { startTestServer, type TestServer } from './helpers.ts';
import { RawSocket } from './raw-socket.ts';

/** What the server answers to an upgrade it refuses: the HTTP status and the error code of the body. */
function refusal(url: string, localAddress: string): Promise<{ status: number; code: string } | 'accepted'> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/realtime`, { localAddress });
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.terminate();
      resolve('accepted');
    });
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode!, code: (JSON.parse(body) as { error: { code: string } }).error.code }),
      );
    });
    ws.once('error', reject);
  });
}

describe('realtime admission: connection caps and the cost of unknown topics', () => {
  let s: TestServer;
  const open: RawSocket[] = [];
  const from = async (localAddress: string) => {
    const ws = await RawSocket.open(s.url, { localAddress });
    open.push(ws);
    return ws;
  };

  beforeAll(async () => {
    s = await startTestServer('postgres', { config: { realtimeMaxPerAddress: 2, realtimeMaxConnections: 3 } });
  });
  afterAll(async () => {
    for (const ws of open) ws.close();
    await s.close();
  });

  it('refuses a connection past the per-address cap with 429 and past the global cap with 503', async () => {
    const first = await from('127.0.0.1');
    await from('127.0.0.1');
    expect(await refusal(s.url, '127.0.0.1')).toEqual({ status: 429, code: 'too_many_connections' });
    await from('127.0.0.2');
    expect(await refusal(s.url, '127.0.0.3')).toEqual({ status: 503, code: 'server_busy' });
    // A closed socket frees its place.
    first.close();
    await first.closed;
    let answer: Awaited<ReturnType<typeof refusal>> | undefined;
    for (let i = 0; i < 40 && answer !== 'accepted'; i++) {
      answer = await refusal(s.url, '127.0.0.1');
      if (answer !== 'accepted') await new Promise((r) => setTimeout(r, 50));
    }
    expect(answer).toBe('accepted');
    for (const ws of open) ws.close();
  });

  it('counts unknown topics against the bad-frame budget: past 20 in a minute, 4002', async () => {
    await new Promise((r) => setTimeout(r, 300)); // the sockets above are gone
    const ws = await RawSocket.welcomed(s.url);
    open.push(ws);
    for (let i = 1; i <= 20; i++) {
      const topic = `match:${900_000 + i}`;
      ws.send({ type: 'subscribe', topic });
      expect(await ws.next('error')).toEqual({ type: 'error', code: 'unknown_topic', topic });
    }
    ws.send({ type: 'subscribe', topic: 'nope' });
    const answer = await ws.next('error').then(
      (e) => e.code,
      () => 'closed',
    );
    expect(answer).toBe('closed');
    expect((await ws.closed).code).toBe(CloseCode.tooManyBadFrames);
  });
});
