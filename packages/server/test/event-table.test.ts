import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { EventType } from '@touchline/contract';
import { EVENT_RULES, otherSide } from '@touchline/domain';
import type { matchEvents } from '../src/db/schema.ts';
import { type Api, signInAdmin, snapshot, staff, todaysMatches } from './api.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';

// The stored type is the contract's union, so reading an event row needs no cast (checked by `npm run typecheck`).
expectTypeOf<(typeof matchEvents.$inferSelect)['type']>().toEqualTypeOf<EventType>();

/** Every event type against its row of the event table, through the API: what is refused, what it counts. */
describe.each(dbKinds)('the event table, as the server applies it, on %s', (kind) => {
  let s: TestServer;
  let op: Api;
  let matchId: string;
  let players: [string, string];
  beforeAll(async () => {
    s = await startTestServer(kind, { demo: true });
    const admin = await signInAdmin(s.app);
    op = (await staff(s.app, admin, 'operator')).api;
    const m = (await todaysMatches(s.app)).league[0]!;
    matchId = m.id;
    const [a, b] = (await snapshot(s.app, m.id)).lineups.home.filter((p) => p.role === 'starter');
    players = [a!.playerId, b!.playerId];
    expect((await op.req('POST', `/api/matches/${m.id}/state`, { status: 'live' })).status).toBe(200);
  });
  afterAll(() => s.close());

  const post = (body: object) => op.req('POST', `/api/matches/${matchId}/events`, body);
  const code = async (body: object) => (await post(body)).body.error?.code;

  it.each(EventType.options)('%s', async (type) => {
    const rule = EVENT_RULES[type];
    const base = { type, side: 'home', minute: 20 };
    const full = {
      ...base,
      playerId: players[0],
      ...(rule.related ? { relatedPlayerId: players[1] } : {}),
      ...(rule.scored ? { scored: true } : {}),
      ...(rule.text ? { text: 'Rain stops play' } : {}),
    };
    if (rule.onlyIn) {
      expect(await code(full)).toBe('shootout_only_in_penalties');
      return;
    }
    expect(await code({ ...full, relatedPlayerId: players[1], scored: true })).toBe('bad_request');
    if (!rule.related) expect(await code({ ...full, relatedPlayerId: players[1] })).toBe('bad_request');
    if (rule.related) expect(await code({ ...full, relatedPlayerId: players[0] })).toBe('bad_request');
    if (rule.player === 'required') expect(await code(base)).toBe('bad_request');
    if (rule.relatedRequired) expect(await code({ ...base, playerId: players[0] })).toBe('bad_request');
    const { text: _t, ...untold } = full;
    expect(await code(rule.text ? untold : { ...full, text: 'Rain stops play' })).toBe(
      rule.text ? 'text_missing' : 'text_not_allowed',
    );

    const before = await snapshot(s.app, matchId);
    const created = await post(full);
    expect(created.status).toBe(201);
    const after = await snapshot(s.app, matchId);
    const scoring = rule.scoresFor === 'own' ? 'home' : rule.scoresFor === 'other' ? otherSide('home') : undefined;
    for (const side of ['home', 'away'] as const)
      expect(after.match.score[side] - before.match.score[side]).toBe(side === scoring ? 1 : 0);
    const cards = (snap: typeof after) => [snap.stats.home.yellow_cards, snap.stats.home.red_cards];
    const [y0, r0] = cards(before);
    const yellows = rule.card === 'yellow' || rule.card === 'second_yellow' ? 1 : 0;
    const reds = rule.card === 'red' || rule.card === 'second_yellow' ? 1 : 0;
    expect(cards(after)).toEqual([y0! + yellows, r0! + reds]);

    // An edit of another field keeps the related player the row allows.
    const id = created.body.event.id as string;
    const edited = await op.req('PATCH', `/api/matches/${matchId}/events/${id}`, { minute: 21 });
    expect(edited.status).toBe(200);
    expect(edited.body.event.relatedPlayerId).toBe(rule.related ? players[1] : undefined);
  });
});
