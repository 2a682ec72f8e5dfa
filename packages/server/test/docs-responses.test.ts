import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';

/** Routes kept out of /docs/json on purpose (`hide`), each with the reason. */
const undocumented: Record<string, string> = {
  'get /healthz': 'liveness probe for the orchestrator, not part of the API',
  'get /readyz': 'readiness probe for the orchestrator, not part of the API',
  'get /metrics': 'Prometheus text for the scraper, not part of the API',
  'get /realtime': 'a WebSocket upgrade; its messages are the contract realtime schemas, not an HTTP answer',
};

type Operation = { responses?: Record<string, { content?: object }> };
type Paths = Record<string, Record<string, Operation>>;

/** Every route the server answers, as `method /path` with OpenAPI's `{param}`, read from Fastify's route tree. */
function servedRoutes(app: FastifyInstance): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^(.*?)── (\S+) \(([^)]+)\)$/.exec(line);
    if (!m) continue;
    const depth = (m[1]!.length - 1) / 4;
    stack.length = depth;
    stack.push(m[2]!);
    const path = stack.join('').replace(/:(\w+)/g, '{$1}');
    for (const method of m[3]!.split(', ')) {
      if (method !== 'HEAD' && method !== 'OPTIONS') out.push(`${method.toLowerCase()} ${path}`);
    }
  }
  return out;
}

const has2xxAnswer = (op: Operation) =>
  Object.entries(op.responses ?? {}).some(([code, r]) => /^2/.test(code) && (r.content || code === '204'));

describe.each(dbKinds)('API docs answers on %s', (kind) => {
  let s: TestServer;
  let paths: Paths;
  beforeAll(async () => {
    s = await startTestServer(kind);
    paths = (await s.app.inject({ method: 'GET', url: '/docs/json' })).json().paths;
  });
  afterAll(() => s.close());

  it('declares a 2xx answer schema on every documented route', () => {
    const missing = Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => !has2xxAnswer(op))
        .map(([method]) => `${method} ${path}`),
    );
    expect(missing).toEqual([]);
  });

  it('documents every API route but the few kept out with a reason', () => {
    const served = servedRoutes(s.app).filter((r) => !r.includes(' /docs') && !r.endsWith('*'));
    expect(served.length).toBeGreaterThan(50);
    const absent = served.filter((r) => {
      const [method, path] = r.split(' ') as [string, string];
      return !paths[path]?.[method];
    });
    expect(absent.sort()).toEqual(Object.keys(undocumented).sort());
  });
});
