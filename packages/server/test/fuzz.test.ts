import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, count, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import {
  CounterMetric,
  CreateEventBody,
  CreateUserBody,
  ErrorCode,
  EventType,
  LineupBody,
  LoginBody,
  type MatchSnapshot,
  MatchStatus,
  PatchEventBody,
  Period,
  StateBody,
  StatsBody,
  StreamBody,
  TelegramBody,
  TelegramChannel,
} from '@touchline/contract';
import { streamLink } from '@touchline/domain';
import * as t from '../src/db/schema.ts';
import { type Api, signInAdmin, staff, todaysMatches } from './api.ts';
import { dbKinds, startTestServer, TEST_ADMIN, type TestServer } from './helpers.ts';

/**
 * Bad input of any kind gets a 4xx with a clear code and changes nothing (docs/protocol.md §1, §2).
 *
 * Every write route gets RUNS requests as an admin and RUNS as an operator. A request is one of:
 * - a valid body mutated until the contract schema refuses it (a field set to junk, a field dropped, an unknown
 *   field, nested junk, the whole body replaced or wrapped): bodies the schema accepts are discarded, so none of
 *   these can be a legitimate write;
 * - a body the schema accepts, aimed so the write must still be refused: a stale `expectedSeq`, a match or event
 *   id that does not exist (or cannot exist: beyond PostgreSQL's `integer`), an event of another match, players
 *   that are in no roster, a taken login, a club that does not exist, an operator creating accounts;
 * - either of those wrapped in the wrong way: invalid JSON sent as application/json, a wrong content type, or a
 *   body over the size limit.
 * Every admin route that stores text gets RUNS requests whose body is valid but for control characters or line
 * breaks in one text field (a CSV cell for the import).
 * Every answer must be a 4xx whose body is `{error: {code, message}}` with a snake_case code from the contract,
 * and afterwards the match snapshots are byte-identical, no row was added anywhere that a write would touch, and
 * the rows admin writes store text in are as they were.
 */
const RUNS = 120;
const BOT_TOKEN = '424242:fuzz-bot-token';

type Json = unknown;
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Req {
  method: Method;
  url: string;
  /** The raw body; undefined sends none. */
  payload?: string;
  contentType?: string;
  remoteAddress?: string;
}

const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));
const wire = (body: Json): string => JSON.stringify(body) ?? 'null';
const refusedBy = (schema: z.ZodType) => (body: Json) => !schema.safeParse(JSON.parse(wire(body))).success;

// ---- junk -------------------------------------------------------------------------------------------------------

const HUGE_IDS = ['2147483648', '4294967296', '99999999999', '999999999999999', '9'.repeat(40)];
const nasty = fc.constantFrom<Json>(
  0,
  -0,
  -1,
  1.5,
  0.0001,
  -20.5,
  21,
  131,
  2 ** 31,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  1e21,
  1e308,
  -1e308,
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '🙂',
  '1',
  '42',
  '-1',
  '01',
  '1e3',
  '0x10',
  ...HUGE_IDS,
  'home ',
  'HOME',
  'goal\n',
  "'; drop table matches; --",
  '<script>alert(1)</script>',
  true,
  false,
  null,
  [],
  {},
  [1, 'two'],
  { $gt: 0 },
  { '': null },
  { __proto__: { admin: true } },
  JSON.parse('{"__proto__":{"admin":true}}'),
  { constructor: { prototype: { admin: true } } },
);
const longString = fc.integer({ min: 101, max: 60_000 }).map((n) => 'ж'.repeat(n));
const nested: fc.Arbitrary<Json> = fc.letrec<{ tree: Json }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nasty,
    fc.array(tie('tree'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('tree'), { maxKeys: 3 }),
  ),
})).tree;
const junk: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: nasty, weight: 4 },
  { arbitrary: fc.anything({ maxDepth: 3 }), weight: 2 },
  { arbitrary: fc.string({ maxLength: 40, unit: 'binary' }), weight: 1 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: longString, weight: 1 },
  { arbitrary: nested, weight: 1 },
);

/** Control characters and line breaks, with a little text either side (short enough for a five-letter name). */
const CONTROLS = [
  '\u0000',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\u000b',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009f',
  '\u2028',
  '\u2029',
];
const tainted = fc
  .tuple(fc.string({ maxLength: 2 }), fc.constantFrom(...CONTROLS), fc.string({ maxLength: 2 }))
  .map((parts) => parts.join(''));

// ---- mutations of valid bodies ----------------------------------------------------------------------------------

type Mutation = {
  op: 'set' | 'add' | 'delete' | 'replace' | 'wrap';
  at: number;
  key: number;
  newKey: string;
  value: Json;
};
const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('set', 'set', 'add', 'delete', 'replace', 'wrap'),
  at: fc.nat(),
  key: fc.nat(),
  newKey: fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('id', 'matchId', 'createdBy', 'seq', 'role', '__proto__'),
  ),
  value: junk,
});

/** Every object and array inside a JSON value, the value itself first. */
function containers(v: Json, out: (Record<string, Json> | Json[])[] = []) {
  if (v !== null && typeof v === 'object') {
    out.push(v as Record<string, Json>);
    for (const child of Object.values(v)) containers(child, out);
  }
  return out;
}

function mutate(base: Json, m: Mutation): Json {
  const body = JSON.parse(wire(base)) as Json;
  if (m.op === 'replace') return m.value;
  if (m.op === 'wrap') return m.key % 2 ? [body] : { body };
  const spots = containers(body);
  if (spots.length === 0) return m.value;
  const spot = spots[m.at % spots.length]!;
  const keys = Object.keys(spot);
  if (Array.isArray(spot)) {
    if (m.op === 'add' || keys.length === 0) spot.push(m.value);
    else if (m.op === 'set') spot[m.key % spot.length] = m.value;
    else spot.splice(m.key % spot.length, 1);
  } else if (m.op === 'add' || keys.length === 0) {
    Object.defineProperty(spot, m.newKey, { value: m.value, enumerable: true, writable: true, configurable: true });
  } else if (m.op === 'set') {
    spot[keys[m.key % keys.length]!] = m.value;
  } else {
    delete spot[keys[m.key % keys.length]!];
  }
  return body;
}

/** Valid bodies, mutated until the schema refuses them. */
const broken = (valid: fc.Arbitrary<Json>, schema: z.ZodType) =>
  fc
    .tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([b, ms]) => ms.reduce(mutate, b))
    .filter(refusedBy(schema));

// ---- valid bodies -----------------------------------------------------------------------------------------------

const smallId = fc.integer({ min: 1, max: 2_000 }).map(String);
const validEvent = fc.record(
  {
    type: fc.constantFrom(...EventType.options),
    side: fc.constantFrom('home', 'away'),
    minute: fc.integer({ min: 1, max: 130 }),
    addedTime: fc.integer({ min: 0, max: 30 }),
    playerId: fc.option(smallId),
    relatedPlayerId: fc.option(smallId),
    scored: fc.boolean(),
    clientEventId: fc.uuid({ version: 4 }),
  },
  { requiredKeys: ['type', 'side', 'minute'] },
);
const validPatch = fc.record(
  {
    type: fc.constantFrom(...EventType.options),
    side: fc.constantFrom('home', 'away'),
    minute: fc.integer({ min: 1, max: 130 }),
    addedTime: fc.integer({ min: 0, max: 30 }),
    playerId: fc.option(smallId),
  },
  { requiredKeys: [] },
);
const validStats = fc.record({
  side: fc.constantFrom('home', 'away'),
  metric: fc.constantFrom(...CounterMetric.options),
  delta: fc.integer({ min: -20, max: 20 }).filter((d) => d !== 0),
});
const validState = fc.oneof(
  fc.record({ status: fc.constantFrom(...MatchStatus.options) }),
  fc.record({ period: fc.constantFrom(...Period.options) }),
  fc.record({ status: fc.constantFrom(...MatchStatus.options), period: fc.constantFrom(...Period.options) }),
);
const validStream = fc.record({
  streamUrl: fc.constantFrom('https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://rutube.ru/channel/1/', null),
});
/** Links the schema takes and the host allow-list refuses (decision 042). */
const refusedStream = fc
  .record({
    streamUrl: fc.oneof(
      fc.string({ maxLength: 600 }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.constantFrom(
        'http://www.youtube.com/watch?v=dQw4w9WgXcQ',
        'javascript:alert(1)',
        'https://user:pw@rutube.ru/video/x/',
        'https://rutube.ru:444/video/x/',
        'https://youtube.com.evil.example/',
        `https://rutube.ru/${'x'.repeat(500)}`,
      ),
    ),
  })
  .filter((b) => !streamLink(b.streamUrl.trim()));
const lineupEntry = (playerId: fc.Arbitrary<string>) =>
  fc.record(
    {
      playerId,
      shirtNumber: fc.integer({ min: 1, max: 99 }),
      role: fc.constantFrom('starter', 'substitute'),
      position: fc.string({ maxLength: 20 }),
    },
    { requiredKeys: ['playerId', 'shirtNumber', 'role'] },
  );
const validLineup = fc.record({ entries: fc.array(lineupEntry(smallId), { maxLength: 16 }) });
/** A lineup naming someone who is in no roster, so it is always refused. */
const strangersLineup = fc.record({
  entries: fc.array(
    lineupEntry(
      fc.oneof(
        fc.integer({ min: 10_000_000, max: 2_147_483_647 }).map(String),
        fc.constantFrom(...HUGE_IDS.slice(0, 4)),
      ),
    ),
    {
      minLength: 1,
      maxLength: 16,
    },
  ),
});
const validUser = fc.record(
  {
    login: fc.stringMatching(/^[a-zA-Z0-9._-]{3,50}$/),
    password: fc.string({ minLength: 10, maxLength: 200 }),
    role: fc.constantFrom('admin', 'operator', 'judge'),
    displayName: fc.string({ minLength: 1, maxLength: 100 }),
  },
  { requiredKeys: ['login', 'password', 'role'] },
);
const validLogin = fc.record({
  login: fc
    .oneof(fc.string({ minLength: 1, maxLength: 100, unit: 'binary' }), fc.constantFrom('\u0000', 'chief\u0000'))
    .filter((l) => l.toLowerCase() !== TEST_ADMIN.login),
  password: fc.string({ minLength: 1, maxLength: 200 }),
});
const initData = fc.oneof(
  fc.string({ minLength: 1, maxLength: 300 }),
  fc
    .record({
      id: fc.integer(),
      authDate: fc.integer({ min: 0, max: 2 ** 32 }),
      hash: fc.stringMatching(/^[0-9a-f]{64}$/),
      name: fc.string({ maxLength: 20 }),
    })
    .map(
      (r) =>
        `user=${encodeURIComponent(JSON.stringify({ id: r.id, first_name: r.name }))}&auth_date=${r.authDate}&hash=${r.hash}`,
    ),
  fc.json(),
);

/** An admin body that is valid but for one text field, which holds a control character or a line break. */
const word = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,10}$/);
const taint = (valid: Record<string, Json>, fields: string[]) =>
  fc.tuple(fc.constantFrom(...fields), tainted).map(([field, text]) => ({
    ...valid,
    [field]: field === 'logoUrl' ? `https://x.org/${text}.png` : field === 'timezone' ? `Europe/Moscow${text}` : text,
  }));
/** A CSV file whose one player has a control character or a line break in one cell, quoted as CSV quotes. */
const taintedCsv = (clubId: string) =>
  fc.tuple(fc.constantFrom(0, 1, 2, 3), tainted, word).map(([column, text, other]) => {
    const cells = [other, other, 'GK', clubId];
    cells[column] = text;
    return `firstName,lastName,position,club\n${cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')}\n`;
  });

// ---- ids in URLs ------------------------------------------------------------------------------------------------

/** A path segment that names no match or event: junk, ids beyond `integer`, ids far above any in the demo. */
const missingId = fc
  .oneof(
    fc.constantFrom('0', '-1', '1.5', '1e3', '0x10', 'abc', 'null', '١٢', '%00', '%ZZ', '..', ...HUGE_IDS),
    fc.integer({ min: 10_000_000, max: 2_147_483_647 }).map(String),
    fc.string({ maxLength: 30 }).map(encodeURIComponent),
    fc.string({ minLength: 201, maxLength: 260 }).map(encodeURIComponent),
  )
  .filter((s) => s !== '' && !/^[1-9][0-9]{0,6}$/.test(s));

// ---- envelopes --------------------------------------------------------------------------------------------------

const BODY_LIMIT = 256 * 1024;
const notJson = fc.oneof(
  fc.string({ maxLength: 60 }).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }),
  fc.constantFrom(
    '{',
    '{"a":1,}',
    "{'type':'goal'}",
    '{"minute": NaN}',
    '[1,2',
    'undefined',
    '{"a":1}{"b":2}',
    '/* */{}',
  ),
);
const wrongType = fc.constantFrom(
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  'application/json-patch+json',
  'application/json; charset=utf-16',
  'image/png',
  'bogus',
);

/** A refused body, sent as JSON, as broken JSON, under a wrong content type, or over the size limit. */
function envelope(body: fc.Arbitrary<Json>) {
  return fc.oneof(
    { weight: 10, arbitrary: body.map((b) => ({ payload: wire(b), contentType: 'application/json' })) },
    { weight: 2, arbitrary: notJson.map((p) => ({ payload: p, contentType: 'application/json' })) },
    {
      weight: 2,
      arbitrary: fc.tuple(body, wrongType).map(([b, ct]) => ({ payload: wire(b), contentType: ct })),
    },
    {
      weight: 1,
      arbitrary: body.map((b) => ({
        payload: `{"pad":"${'x'.repeat(BODY_LIMIT)}","body":${wire(b)}}`,
        contentType: 'application/json',
      })),
    },
  );
}

describe.each(dbKinds)('fuzzing every write route on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  let operator: Api;
  let live: string;
  let other: string;
  let eventId: string;
  let seq: number;
  let sent = 0;
  const before: Record<string, { body: string; etag: string | undefined }> = {};

  const read = async (id: string) => {
    const res = await s.app.inject({ method: 'GET', url: `/api/matches/${id}` });
    return { body: res.body, etag: res.headers.etag as string | undefined };
  };
  const rowCounts = async () => {
    const db = s.database.db;
    const n = async (table: PgTable) => (await db.select({ n: count() }).from(table))[0]!.n;
    return {
      users: await n(t.users),
      events: await n(t.matchEvents),
      lineups: await n(t.lineups),
      changes: await n(t.changeLog),
      audit: await n(t.auditLog),
      recipients: await n(t.notifyRecipients),
    };
  };
  let countsBefore: Awaited<ReturnType<typeof rowCounts>>;
  /** Every row of the tables admin writes store text in. */
  const textRows = () => {
    const db = s.database.db;
    const tables = [t.competitions, t.seasons, t.groups, t.clubs, t.venues, t.referees, t.persons];
    return Promise.all(tables.map((table) => db.select().from(table).orderBy(asc(table.id))));
  };
  let textRowsBefore: Awaited<ReturnType<typeof textRows>>;
  /** Ids of demo rows the admin text routes aim at. */
  const ids: Record<'competition' | 'season' | 'club' | 'venue' | 'referee' | 'player', string> = {
    competition: '',
    season: '',
    club: '',
    venue: '',
    referee: '',
    player: '',
  };

  beforeAll(async () => {
    s = await startTestServer(kind, { demo: true, config: { telegramBotToken: BOT_TOKEN } });
    admin = await signInAdmin(s.app);
    operator = (await staff(s.app, admin, 'operator')).api;
    const today = await todaysMatches(s.app);
    live = today.live[0]!.id;
    other = today.league[0]!.id;
    const created = await admin.req('POST', `/api/matches/${live}/events`, { type: 'goal', side: 'home', minute: 7 });
    expect(created.status).toBe(201);
    eventId = created.body.event.id;
    seq = created.body.seq;
    for (const id of [live, other]) before[id] = await read(id);
    const first = async (list: string, key = list) =>
      ((await admin.req('GET', `/api/admin/${list}`)).body[key] as { id: string }[])[0]!.id;
    ids.competition = await first('competitions');
    ids.season = await first('seasons');
    ids.club = await first('clubs');
    ids.venue = await first('venues');
    ids.referee = await first('referees');
    ids.player = await first('players');
    countsBefore = await rowCounts();
    textRowsBefore = await textRows();
  });
  afterAll(() => s.close());

  /** A seq the live match does not have, as a JSON value. */
  const staleSeq = () => fc.integer({ min: 0, max: 2_147_483_647 }).filter((n) => n !== seq);
  const withSeq = (body: fc.Arbitrary<Json>) =>
    fc.tuple(body, staleSeq()).map(([b, expectedSeq]) => ({ ...(b as object), expectedSeq }));
  const json = (method: Method, url: fc.Arbitrary<string>, body: fc.Arbitrary<Json>): fc.Arbitrary<Req> =>
    fc.tuple(url, envelope(body)).map(([u, e]) => ({ method, url: u, ...e }));
  const m = (id: string) => `/api/matches/${id}`;

  /** Each write route's requests, all of which must be refused. */
  const routes = (as: 'admin' | 'operator'): Record<string, fc.Arbitrary<Req>> => ({
    'POST events': fc.oneof(
      json('POST', fc.constant(`${m(live)}/events`), broken(validEvent, CreateEventBody)),
      json('POST', fc.constant(`${m(live)}/events`), withSeq(validEvent)),
      json(
        'POST',
        missingId.map((id) => `${m(id)}/events`),
        validEvent,
      ),
    ),
    'PATCH event': fc.oneof(
      json(
        'PATCH',
        fc.oneof(fc.constant(eventId), missingId).map((e) => `${m(live)}/events/${e}`),
        broken(validPatch, PatchEventBody),
      ),
      json('PATCH', fc.constant(`${m(live)}/events/${eventId}`), withSeq(validPatch)),
      json(
        'PATCH',
        missingId.map((e) => `${m(live)}/events/${e}`),
        validPatch,
      ),
      json('PATCH', fc.constant(`${m(other)}/events/${eventId}`), validPatch),
      json(
        'PATCH',
        missingId.map((id) => `${m(id)}/events/${eventId}`),
        validPatch,
      ),
    ),
    'DELETE event': fc
      .tuple(
        fc.oneof(
          // The real event, always with an expectedSeq the match does not have (as the query string coerces it).
          fc
            .oneof(
              staleSeq().map(String),
              fc.constantFrom('abc', '-1', '1.5', 'NaN', 'Infinity', '1e400', ''),
              fc.string(),
            )
            .filter((q) => Number(q) !== seq)
            .map((q) => `${m(live)}/events/${eventId}?expectedSeq=${encodeURIComponent(q)}`),
          fc.constant(`${m(live)}/events/${eventId}?expectedSeq=${seq}&expectedSeq=${seq}`),
          fc
            .tuple(missingId, fc.option(fc.nat()))
            .map(([e, q]) => `${m(live)}/events/${e}${q === null ? '' : `?expectedSeq=${q}`}`),
          fc.constant(`${m(other)}/events/${eventId}`),
          missingId.map((id) => `${m(id)}/events/${eventId}`),
        ),
        fc.option(envelope(junk), { freq: 3 }),
      )
      .map(([url, e]) => ({ method: 'DELETE' as const, url, ...(e ?? {}) })),
    'POST stats': fc.oneof(
      json('POST', fc.constant(`${m(live)}/stats`), broken(validStats, StatsBody)),
      json('POST', fc.constant(`${m(live)}/stats`), withSeq(validStats)),
      json(
        'POST',
        missingId.map((id) => `${m(id)}/stats`),
        validStats,
      ),
    ),
    'POST state': fc.oneof(
      json('POST', fc.constant(`${m(live)}/state`), broken(validState, StateBody)),
      json('POST', fc.constant(`${m(live)}/state`), withSeq(validState)),
      json(
        'POST',
        missingId.map((id) => `${m(id)}/state`),
        validState,
      ),
    ),
    'PUT lineups': fc.oneof(
      json(
        'PUT',
        fc.constantFrom('home', 'away').map((side) => `${m(live)}/lineups/${side}`),
        broken(validLineup, LineupBody),
      ),
      json(
        'PUT',
        fc.oneof(fc.constantFrom('home', 'away'), missingId).map((side) => `${m(live)}/lineups/${side}`),
        strangersLineup,
      ),
      json(
        'PUT',
        fc.tuple(missingId, fc.constantFrom('home', 'away')).map(([id, side]) => `${m(id)}/lineups/${side}`),
        validLineup,
      ),
      json(
        'PUT',
        missingId.map((side) => `${m(live)}/lineups/${side}`),
        validLineup,
      ),
    ),
    'PUT stream': fc.oneof(
      json('PUT', fc.constant(`${m(live)}/stream`), broken(validStream, StreamBody)),
      json('PUT', fc.constant(`${m(live)}/stream`), refusedStream),
      json(
        'PUT',
        missingId.map((id) => `${m(id)}/stream`),
        validStream,
      ),
    ),
    'POST admin/users': fc.oneof(
      json('POST', fc.constant('/api/admin/users'), broken(validUser, CreateUserBody)),
      json(
        'POST',
        fc.constant('/api/admin/users'),
        as === 'operator'
          ? validUser
          : fc.oneof(
              validUser.map((u) => ({ ...u, login: TEST_ADMIN.login })),
              fc.tuple(validUser, fc.string({ maxLength: 9 })).map(([u, password]) => ({ ...u, password })),
              fc
                .tuple(
                  validUser,
                  fc.oneof(
                    fc.integer({ min: 10_000_000, max: 2_147_483_647 }).map(String),
                    fc.constantFrom(...HUGE_IDS),
                  ),
                )
                .map(([u, clubId]) => ({ ...u, role: 'captain', clubId })),
            ),
      ),
    ),
    'POST auth/login': fc
      .tuple(
        fc.oneof(
          json('POST', fc.constant('/api/auth/login'), broken(validLogin, LoginBody)),
          json('POST', fc.constant('/api/auth/login'), validLogin),
        ),
        fc.ipV4(),
      )
      .map(([r, ip]) => ({ ...r, remoteAddress: ip })),
    'POST auth/telegram': fc.oneof(
      json('POST', fc.constant('/api/auth/telegram'), broken(fc.record({ initData }), TelegramBody)),
      json(
        'POST',
        fc.constant('/api/auth/telegram'),
        initData.map((d) => ({ initData: d })),
      ),
    ),
    'PUT telegram/channel': json(
      'PUT',
      fc.constant('/api/admin/telegram/channel'),
      broken(fc.record({ chatId: fc.constant('-1001234567890'), kinds: fc.constant(['goal']) }), TelegramChannel),
    ),
    // Without the secret header every update is refused, however well formed (docs/protocol.md §8).
    'POST telegram/webhook': json('POST', fc.constant('/api/telegram/webhook'), junk),
  });

  /** Each admin route that stores text, with a control character or a line break in one of its text fields. */
  const textRoutes = (): Record<string, fc.Arbitrary<Req>> => {
    const a = (path: string) => fc.constant(`/api/admin/${path}`);
    const body = (valid: Record<string, Json>, fields: string[]) => taint(valid, fields);
    const club = { name: 'Club', shortName: 'CL', homeGround: 'Park', logoUrl: 'https://x.org/a.png' };
    const clubFields = Object.keys(club);
    return {
      'POST competitions': json('POST', a('competitions'), body({ name: 'X', type: 'league' }, ['name', 'timezone'])),
      'PATCH competition': json('PATCH', a(`competitions/${ids.competition}`), body({}, ['name', 'timezone'])),
      'POST seasons': json(
        'POST',
        a('seasons'),
        body({ competitionId: ids.competition, name: 'X', format: 'knockout' }, ['name']),
      ),
      'PATCH season': json('PATCH', a(`seasons/${ids.season}`), body({}, ['name'])),
      'POST groups': json('POST', a(`seasons/${ids.season}/groups`), body({}, ['label'])),
      'POST clubs': json('POST', a('clubs'), body(club, clubFields)),
      'PATCH club': json('PATCH', a(`clubs/${ids.club}`), body({}, clubFields)),
      'POST venues': json('POST', a('venues'), body({ name: 'X' }, ['name', 'address'])),
      'PATCH venue': json('PATCH', a(`venues/${ids.venue}`), body({}, ['name', 'address'])),
      'POST referees': json('POST', a('referees'), body({}, ['name'])),
      'PATCH referee': json('PATCH', a(`referees/${ids.referee}`), body({}, ['name'])),
      'POST players': json(
        'POST',
        a('players'),
        body({ firstName: 'X', lastName: 'Y', position: 'GK' }, ['firstName', 'lastName', 'position']),
      ),
      'PATCH player': json('PATCH', a(`players/${ids.player}`), body({}, ['firstName', 'lastName', 'position'])),
      'GET players?q': tainted.map((q) => ({ method: 'GET', url: `/api/admin/players?q=${encodeURIComponent(q)}` })),
      'POST players/import': taintedCsv(ids.club).map((csv) => ({
        method: 'POST',
        url: '/api/admin/players/import',
        payload: csv,
        contentType: 'text/csv',
      })),
      'PATCH match': json('PATCH', a(`matches/${other}`), body({ venueId: ids.venue }, ['reason'])),
      'POST match status': json('POST', a(`matches/${other}/status`), body({ status: 'postponed' }, ['reason'])),
      'POST users': json(
        'POST',
        a('users'),
        body({ login: 'text-fuzz', password: 'long-enough-pw', role: 'judge' }, ['displayName']),
      ),
    };
  };

  async function send(api: Api, r: Req) {
    const res = await s.app.inject({
      method: r.method,
      url: r.url,
      headers: {
        authorization: `Bearer ${api.token}`,
        ...(r.contentType !== undefined ? { 'content-type': r.contentType } : {}),
      },
      ...(r.payload !== undefined ? { payload: r.payload } : {}),
      ...(r.remoteAddress ? { remoteAddress: r.remoteAddress } : {}),
    });
    sent++;
    const what = `${r.method} ${r.url.slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
    expect(res.statusCode, what).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, what).toBeLessThan(500);
    let body: { error?: { code?: unknown; message?: unknown } };
    try {
      body = JSON.parse(res.body);
    } catch {
      throw new Error(`not JSON: ${what}`);
    }
    expect(typeof body.error?.code, what).toBe('string');
    expect(body.error!.code as string, what).toMatch(SNAKE);
    expect(KNOWN_CODES.has(body.error!.code as string), what).toBe(true);
    expect(typeof body.error!.message === 'string' && body.error!.message.length > 0, what).toBe(true);
  }

  for (const as of ['admin', 'operator'] as const) {
    for (const route of Object.keys(routes('admin'))) {
      it(`refuses ${RUNS} bad ${route} requests from an ${as} with a 4xx and a code`, async () => {
        const api = as === 'admin' ? admin : operator;
        await fc.assert(
          fc.asyncProperty(routes(as)[route]!, (r) => send(api, r)),
          { numRuns: RUNS },
        );
      });
    }
  }

  for (const route of Object.keys(textRoutes())) {
    it(`refuses ${RUNS} ${route} requests with control characters or line breaks in a text field`, async () => {
      await fc.assert(
        fc.asyncProperty(textRoutes()[route]!, (r) => send(admin, r)),
        { numRuns: RUNS },
      );
    });
  }

  it('refuses text the database cannot store (NUL) with a 400, wherever it would be stored', async () => {
    const snap = JSON.parse(before[live]!.body) as MatchSnapshot;
    const entries = snap.lineups.home.map((e, i) => ({
      playerId: e.playerId,
      shirtNumber: e.shirtNumber,
      role: e.role,
      ...(i === 0 ? { position: 'GK\u0000' } : {}),
    }));
    const cases: [Api, Method, string, object][] = [
      [admin, 'POST', '/api/auth/login', { login: `${TEST_ADMIN.login}\u0000`, password: 'whatever' }],
      [
        admin,
        'POST',
        '/api/admin/users',
        { login: 'nul-name', password: 'long-enough-pw', role: 'judge', displayName: 'a\u0000b' },
      ],
      [operator, 'PUT', `${m(live)}/lineups/home`, { entries }],
    ];
    for (const [api, method, url, body] of cases) {
      const res = await api.req(method, url, body);
      sent++;
      expect({ url, status: res.status, code: res.body.error?.code }).toEqual({
        url,
        status: 400,
        code: 'control_characters',
      });
    }
  });

  it('changed nothing: byte-identical snapshots, no new rows, and 2,000+ requests sent', async () => {
    for (const id of [live, other]) expect(await read(id)).toEqual(before[id]);
    expect(await rowCounts()).toEqual(countsBefore);
    expect(await textRows()).toEqual(textRowsBefore);
    expect(sent).toBeGreaterThanOrEqual(2000);
    // The event the fuzz aimed at is still there, untouched, and the seq never moved.
    const [row] = await s.database.db
      .select()
      .from(t.matches)
      .where(eq(t.matches.id, Number(live)));
    expect(row!.seq).toBe(seq);
  });

  it('answers a stale expectedSeq with 409 seq_conflict on every match write route', async () => {
    const stale = seq + 5;
    const cases: [Method, string, object?][] = [
      ['POST', `${m(live)}/events`, { type: 'goal', side: 'home', minute: 9, expectedSeq: stale }],
      ['PATCH', `${m(live)}/events/${eventId}`, { minute: 8, expectedSeq: stale }],
      ['DELETE', `${m(live)}/events/${eventId}?expectedSeq=${stale}`],
      ['POST', `${m(live)}/stats`, { side: 'home', metric: 'corners', delta: 1, expectedSeq: stale }],
      ['POST', `${m(live)}/state`, { period: 'half_time', expectedSeq: stale }],
      ['PUT', `${m(live)}/lineups/home`, { entries: [], expectedSeq: stale }],
    ];
    for (const [method, url, body] of cases) {
      const res = await operator.req(method, url, body);
      expect({ url, status: res.status, error: res.body.error }).toMatchObject({
        status: 409,
        error: { code: 'seq_conflict', details: { seq } },
      });
    }
    expect((await read(live)).body).toBe(before[live]!.body);
  });
});
