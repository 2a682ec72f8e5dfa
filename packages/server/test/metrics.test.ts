import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signInAdmin, todaysMatches } from './api.ts';
import { REDIS_URL, startTestServer, type TestServer } from './helpers.ts';
import { RawSocket } from './raw-socket.ts';
import { Metrics } from '../src/metrics/metrics.ts';

/** The value of one sample in a Prometheus text exposition, or 0 when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? '').split(',');
    if (want.every((w) => have.includes(w))) return Number(m[3]);
  }
  return 0;
}

describe('GET /metrics', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('pglite', { demo: true, config: { redisUrl: REDIS_URL } });
  });
  afterAll(() => s.close());

  const scrape = async () => {
    const res = await s.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.body;
  };

  it('exposes process, HTTP, fan-out and Redis metrics, and the counters move with a write', async () => {
    const before = await scrape();
    expect(sample(before, 'touchline_redis_up')).toBe(1);
    expect(before).toMatch(/^nodejs_eventloop_lag_p99_seconds /m);
    expect(before).toMatch(/^process_resident_memory_bytes /m);
    expect(before).toMatch(/^touchline_ws_connections 0$/m);
    expect(before).toMatch(/^# TYPE touchline_fanout_latency_seconds histogram$/m);

    const admin = await signInAdmin(s.app);
    const { league } = await todaysMatches(s.app);
    const m = league[0]!;
    // Two fans on the match; one of them also follows the live card.
    const fans = [await RawSocket.welcomed(s.url), await RawSocket.welcomed(s.url)];
    for (const f of fans) {
      f.send({ type: 'subscribe', topic: `match:${m.id}` });
      await f.next('subscribed');
      await f.next('snapshot');
    }
    fans[0]!.send({ type: 'subscribe', topic: 'live' });
    await fans[0]!.next('subscribed');
    await fans[0]!.next('snapshot');
    const open = await scrape();
    expect(sample(open, 'touchline_ws_connections')).toBe(2);
    expect(sample(open, 'touchline_ws_subscriptions')).toBe(3);

    expect((await admin.req('POST', `/api/matches/${m.id}/state`, { status: 'live' })).status).toBe(200);
    const goal = await admin.req('POST', `/api/matches/${m.id}/events`, { type: 'goal', side: 'home', minute: 9 });
    expect(goal.status).toBe(201);
    const patchSeen = (f: RawSocket, topic: string, seq: number) =>
      f.frames.some((fr) => fr.type === 'patch' && fr.topic === topic && fr.seq === seq);
    await vi.waitFor(() => {
      for (const f of fans) expect(patchSeen(f, `match:${m.id}`, goal.body.seq)).toBe(true);
    });
    await s.app.inject({ method: 'GET', url: `/api/matches/${m.id}` });
    await s.app.inject({ method: 'GET', url: '/api/nothing-here/42' });

    const after = await scrape();
    // Two match writes (kick-off and goal), each one patch on match:{id}, plus their audit entries.
    const published = (t: string) =>
      sample(after, 'touchline_patches_published_total', { topic: t }) -
      sample(before, 'touchline_patches_published_total', { topic: t });
    expect(published('match')).toBe(2);
    expect(published('admin')).toBeGreaterThanOrEqual(2);
    // Each match patch went to both fans; the live card followed the kick-off and the goal on one socket.
    const delivered = (t: string) => sample(after, 'touchline_patches_delivered_total', { topic: t });
    expect(delivered('match')).toBe(4);
    expect(delivered('live')).toBe(2);
    expect(sample(after, 'touchline_fanout_latency_seconds_count', { topic: 'match' })).toBe(2);
    expect(sample(after, 'touchline_fanout_latency_seconds_bucket', { topic: 'match', le: '+Inf' })).toBe(2);
    expect(sample(after, 'touchline_ws_slow_consumer_closes_total')).toBe(0);
    for (const f of fans) f.close();

    const count = (labels: Record<string, string>) =>
      sample(after, 'touchline_http_request_duration_seconds_count', labels);
    expect(count({ method: 'POST', route: '/api/matches/:id/events', status: '201' })).toBe(1);
    expect(count({ method: 'POST', route: '/api/matches/:id/state', status: '200' })).toBe(1);
    expect(count({ method: 'GET', route: '/api/matches/:id', status: '200' })).toBeGreaterThanOrEqual(1);
    // Unknown URLs share one series instead of one per URL.
    expect(count({ method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
    expect(after).not.toContain('nothing-here');
  });

  it('keeps each app in its own registry', async () => {
    const other = await startTestServer('pglite', { demo: false });
    try {
      const text = (await other.app.inject({ method: 'GET', url: '/metrics' })).body;
      expect(sample(text, 'touchline_patches_published_total', { topic: 'match' })).toBe(0);
      // No REDIS_URL: no Redis gauge at all, rather than a misleading 0.
      expect(text).not.toContain('touchline_redis_up');
    } finally {
      await other.close();
    }
  });
});

describe('who may scrape /metrics', () => {
  const scrape = (s: TestServer, opts: { remoteAddress?: string; authorization?: string } = {}) =>
    s.app.inject({
      method: 'GET',
      url: '/metrics',
      ...(opts.remoteAddress ? { remoteAddress: opts.remoteAddress } : {}),
      headers: { ...(opts.authorization ? { authorization: opts.authorization } : {}), 'x-forwarded-for': '127.0.0.1' },
    });

  it('without a token: this machine only, whatever a forwarded header claims', async () => {
    const s = await startTestServer('pglite', { demo: false });
    try {
      expect((await scrape(s)).statusCode).toBe(200);
      const remote = await scrape(s, { remoteAddress: '203.0.113.7' });
      expect(remote.statusCode).toBe(403);
      expect(remote.json()).toMatchObject({ error: { code: 'forbidden' } });
    } finally {
      await s.close();
    }
  });

  it('with a token: whoever presents it, and nobody else, even locally', async () => {
    const token = 'metrics-token-of-this-test-0123456789';
    const s = await startTestServer('pglite', { demo: false, config: { metricsToken: token } });
    try {
      expect((await scrape(s)).statusCode).toBe(403);
      expect((await scrape(s, { authorization: `Bearer ${token}x` })).statusCode).toBe(403);
      expect((await scrape(s, { authorization: token })).statusCode).toBe(403);
      const ok = await scrape(s, { remoteAddress: '203.0.113.7', authorization: `Bearer ${token}` });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toMatch(/^touchline_ws_connections 0$/m);
    } finally {
      await s.close();
    }
  });
});

describe('Metrics, as the realtime hub reports to it', () => {
  it('reads the gauges at scrape time, counts slow consumers, and times only patches that reached a socket', async () => {
    const m = new Metrics();
    let connections = 3;
    m.realtimeSource(() => ({ connections, subscriptions: connections * 2 }));
    m.slowConsumerClosed();
    m.patchDelivered({ topic: 'match:7', committedAt: 1_000 }, 0, 1_010);
    m.patchDelivered({ topic: 'match:7', committedAt: 1_000 }, 5, 1_040);
    connections = 4;
    const text = await m.text();
    expect(sample(text, 'touchline_ws_connections')).toBe(4);
    expect(sample(text, 'touchline_ws_subscriptions')).toBe(8);
    expect(sample(text, 'touchline_ws_slow_consumer_closes_total')).toBe(1);
    expect(sample(text, 'touchline_patches_delivered_total', { topic: 'match' })).toBe(5);
    expect(sample(text, 'touchline_fanout_latency_seconds_count', { topic: 'match' })).toBe(1);
    expect(sample(text, 'touchline_fanout_latency_seconds_bucket', { topic: 'match', le: '0.025' })).toBe(0);
    expect(sample(text, 'touchline_fanout_latency_seconds_bucket', { topic: 'match', le: '0.05' })).toBe(1);
  });
});
