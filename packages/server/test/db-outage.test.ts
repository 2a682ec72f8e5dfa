import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchSummary } from '@touchline/contract';
import { TEST_ADMIN } from './helpers.ts';
import { PrivatePostgres } from './private-postgres.ts';
import { RawSocket } from './raw-socket.ts';
import { type Spawned, spawnServer } from './spawn.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const WRITERS = 8;

interface Write {
  id: string;
  kind: 'stats' | 'event';
  path: string;
  body: object;
}
interface Answer {
  write: Write;
  status: number;
  code?: string;
  /** When the write was sent, and when its answer came. */
  sentAt: number;
  at: number;
}

/**
 * The server as a process on a PostgreSQL cluster of the test's own, under 8 concurrent writers, while the
 * database drops every connection or restarts. Each write carries a client id, so the database can be asked
 * afterwards which writes it holds.
 */
describe('PostgreSQL dropping connections under write load', () => {
  let db: PrivatePostgres;
  let server: Spawned;
  let dataDir: string;
  let token: string;
  let match: MatchSummary;
  let socket: RawSocket;

  beforeAll(async () => {
    db = await PrivatePostgres.start();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'tl-outage-'));
    server = await spawnServer({
      DATABASE_URL: db.url,
      TOUCHLINE_DATA_DIR: dataDir,
      TOUCHLINE_JWT_KEYS: `k1:${randomBytes(32).toString('hex')}`,
      TOUCHLINE_ADMIN_LOGIN: TEST_ADMIN.login,
      TOUCHLINE_ADMIN_PASSWORD: TEST_ADMIN.password,
      TOUCHLINE_DEMO: '1',
    });
    token = (await send('/api/auth/login', TEST_ADMIN)).body.token;
    const live = (await fetch(`${server.url}/api/matches?status=live`).then((r) => r.json())) as {
      matches: MatchSummary[];
    };
    match = live.matches[0]!;
    // A realtime reader of the match's change log stays subscribed through every outage.
    socket = await RawSocket.welcomed(server.url);
    socket.send({ type: 'subscribe', topic: `match:${match.id}` });
    await socket.next('subscribed');
  }, 120_000);
  afterAll(async () => {
    socket?.close();
    await server?.stop('SIGKILL');
    await db?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function send(url: string, body: object, auth?: string) {
    const res = await fetch(`${server.url}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { token: string; error?: { code: string } } };
  }

  const newWrite = (n: number): Write => {
    const id = randomUUID();
    return n % 2
      ? { id, kind: 'stats', path: 'stats', body: { side: 'home', metric: 'corners', delta: 1, clientEventId: id } }
      : { id, kind: 'event', path: 'events', body: { type: 'goal', side: 'away', minute: 70, clientEventId: id } };
  };

  async function attempt(write: Write): Promise<Answer> {
    const sentAt = Date.now();
    try {
      const res = await send(`/api/matches/${match.id}/${write.path}`, write.body, token);
      return { write, status: res.status, code: res.body.error?.code, sentAt, at: Date.now() };
    } catch {
      return { write, status: 0, sentAt, at: Date.now() };
    }
  }

  /** Eight writers, each sending one write after another until `stop` is called. */
  function writeLoad() {
    const answers: Answer[] = [];
    let running = true;
    let n = 0;
    const writers = Array.from({ length: WRITERS }, async () => {
      while (running) answers.push(await attempt(newWrite(n++)));
    });
    return {
      answers,
      stop: async () => {
        running = false;
        await Promise.all(writers);
        return answers;
      },
    };
  }

  async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      return (await c.query(sql, params)).rows as T[];
    } finally {
      await c.end();
    }
  }

  const positionOf = async () => {
    const [m] = await query<{ seq: number }>('select seq from matches where id = $1', [match.id]);
    const [s] = await query<{ corners: number }>(
      `select corners from match_stats where match_id = $1 and side = 'home'`,
      [match.id],
    );
    return { seq: m!.seq, corners: s?.corners ?? 0 };
  };

  /**
   * Each write is in the database once and whole, or not at all: every acknowledged write is there, the match's
   * seq rose by exactly one per write applied, and the change log holds each of those seqs once.
   */
  async function expectEachWriteOnceOrNot(answers: Answer[], before: { seq: number; corners: number }) {
    const ids = (kind: Write['kind']) => answers.filter((a) => a.write.kind === kind).map((a) => a.write.id);
    const events = await query<{ id: string }>(
      'select client_event_id as id from match_events where match_id = $1 and client_event_id = any($2::uuid[])',
      [match.id, ids('event')],
    );
    const stats = await query<{ id: string }>(
      'select client_write_id as id from client_writes where match_id = $1 and client_write_id = any($2::uuid[])',
      [match.id, ids('stats')],
    );
    const applied = [...events, ...stats].map((r) => r.id);
    expect(new Set(applied).size).toBe(applied.length);
    const acknowledged = answers.filter((a) => a.status < 300).map((a) => a.write.id);
    expect(acknowledged.filter((id) => !applied.includes(id))).toEqual([]);
    const after = await positionOf();
    expect(after.seq - before.seq).toBe(applied.length);
    expect(after.corners - before.corners).toBe(stats.length);
    const log = await query<{ seq: number }>('select seq from change_log where topic = $1 and seq > $2 order by seq', [
      `match:${match.id}`,
      before.seq,
    ]);
    expect(log.map((r) => r.seq)).toEqual(Array.from({ length: applied.length }, (_, i) => before.seq + 1 + i));
  }

  /** Every answer is a success or a clean 503 `unavailable`: never a 500, never a dropped connection. */
  const expectCleanAnswers = (answers: Answer[]) => {
    const unclean = answers.filter((a) => a.status >= 300 && !(a.status === 503 && a.code === 'unavailable'));
    expect(unclean.map((a) => `${a.status} ${a.code}`)).toEqual([]);
  };

  it('survives pg_terminate_backend of every session, answering the writes it cut with 503', async () => {
    const before = await positionOf();
    const load = writeLoad();
    await sleep(500);
    for (let i = 0; i < 3; i++) {
      await query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      );
      await sleep(300);
    }
    const cutAt = Date.now();
    await sleep(1000);
    const answers = await load.stop();
    expect(server.proc.exitCode, server.output()).toBeNull();
    expectCleanAnswers(answers);
    expect(answers.some((a) => a.at > cutAt && a.status < 300)).toBe(true);
    await expectEachWriteOnceOrNot(answers, before);
  }, 60_000);

  it('survives a database restart: 503 during the outage, writes resume within 5 s, none half applied', async () => {
    const before = await positionOf();
    const load = writeLoad();
    await sleep(500);
    await db.stop();
    const down = Date.now();
    await sleep(1500);
    await db.start();
    const back = Date.now();
    const deadline = back + 10_000;
    while (!load.answers.some((a) => a.at > back && a.status < 300) && Date.now() < deadline) await sleep(50);
    await sleep(300);
    const answers = await load.stop();
    expect(server.proc.exitCode, server.output()).toBeNull();
    expectCleanAnswers(answers);
    // A write sent before the stop may have committed and be answered late, and `pg_ctl start -w` notices the database
    // accepting connections a poll after it does: only a write sent and answered well inside the outage must be 503.
    const during = answers.filter((a) => a.sentAt > down && a.at < back - 500);
    expect(during.length).toBeGreaterThan(0);
    expect(during.filter((a) => a.status !== 503)).toEqual([]);
    const resumed = answers.find((a) => a.at > back && a.status < 300);
    expect(resumed, 'no write succeeded after the restart').toBeDefined();
    expect(resumed!.at - back).toBeLessThan(5000);
    await expectEachWriteOnceOrNot(answers, before);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const fan = await RawSocket.welcomed(server.url);
    fan.send({ type: 'subscribe', topic: `match:${match.id}` });
    expect((await fan.next('subscribed')).seq).toBe((await positionOf()).seq);
    fan.close();
  }, 60_000);
});
