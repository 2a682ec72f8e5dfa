import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/lib/api.ts';
import { openOutboxStorage, type Author } from '../src/features/console/outbox.ts';
import {
  createConsoleStore,
  createViewSelector,
  selectHeld,
  selectPendingCount,
  selectRefused,
} from '../src/features/console/store.ts';
import { event, patch, snapshot } from './fixtures.ts';
import { fakeNetwork } from './fake-socket.ts';
import { fakeApi, manualTimers, networkError, serverError, until } from './fake-api.ts';

let dbCount = 0;
/** Client ids unique across stores, as crypto.randomUUID() gives them: two stores may share one database. */
let ids = 0;

function setup(opts: { online?: boolean; dbName?: string; author?: Author } = {}) {
  const dbName = opts.dbName ?? `outbox-${++dbCount}`;
  const net = fakeNetwork();
  if (opts.online === false) net.set(false);
  const server = fakeApi(() => snapshot());
  const clock = manualTimers();
  const storage = openOutboxStorage(dbName);
  const c = createConsoleStore({
    api: server.api,
    storage,
    network: net.network,
    timers: clock.timers,
    random: () => 1,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    ...(opts.author ? { author: opts.author } : {}),
  });
  c.open('7');
  c.receiveSnapshot(snapshot());
  const view = createViewSelector();
  const state = () => c.store.getState();
  return { c, server, net, clock, storage, dbName, state, view: () => view(state())! };
}

const goal = { type: 'goal' as const, side: 'home' as const, minute: 12, playerId: '11' };
const shot = { side: 'away' as const, metric: 'shots' as const, delta: 1 };

describe('console store: optimistic writes and reconciliation', () => {
  it('stores a write before sending it and shows it at once with its score', async () => {
    const t = setup();
    await t.c.ready;
    const release = t.server.hold();
    let storedAtSend: Promise<unknown[]> | undefined;
    t.server.onCall(() => void (storedAtSend = t.storage.then((s) => s.load())));

    const pendingId = t.c.enqueue('7', { kind: 'event.create', body: goal });
    expect(t.view().events).toMatchObject([{ ...goal, pending: true }]);
    expect(t.view().match.score).toEqual({ home: 1, away: 0 });
    expect(selectPendingCount(t.state())).toBe(1);

    const clientEventId = await pendingId;
    await until(() => t.server.calls.length === 1);
    expect(await storedAtSend).toMatchObject([{ clientEventId, status: 'pending' }]);
    expect(t.server.calls[0]!.args[1]).toEqual({ ...goal, clientEventId });
    release();
    await until(() => selectPendingCount(t.state()) === 0);
    expect(await (await t.storage).load()).toEqual([]);
  });

  it('keeps an accepted write on screen until its patch arrives, then shows the server copy once', async () => {
    const t = setup();
    const clientEventId = await t.c.enqueue('7', { kind: 'event.create', body: goal });
    await until(() => t.state().acked.length === 1);
    expect(t.view().events).toHaveLength(1);

    const server = event({ id: '500', clientEventId, ...goal });
    t.c.receivePatch(patch(6, [{ op: 'created', entity: 'event', id: '500', data: server }]));
    expect(t.state().acked).toEqual([]);
    expect(t.view().events).toEqual([server]);
    expect(t.view().match.score).toEqual({ home: 1, away: 0 });
  });

  it('does not double an event whose patch beats the answer', async () => {
    const t = setup();
    const release = t.server.hold();
    const clientEventId = await t.c.enqueue('7', { kind: 'event.create', body: goal });
    t.c.receivePatch(
      patch(6, [{ op: 'created', entity: 'event', id: '500', data: event({ id: '500', clientEventId, ...goal }) }]),
    );
    expect(t.view().events).toHaveLength(1);
    release();
    await until(() => t.state().outbox.length === 0);
    expect(t.view().events).toHaveLength(1);
  });

  it('counts a statistic once: over the snapshot until the patch with its seq, then from the patch', async () => {
    const t = setup();
    await t.c.enqueue('7', { kind: 'stats', body: shot });
    expect(t.view().stats.away.shots).toBe(1);
    await until(() => t.state().acked.length === 1);
    expect(t.view().stats.away.shots).toBe(1);
    const stats = { home: snapshot().stats.home, away: { ...snapshot().stats.away, shots: 1 } };
    t.c.receivePatch(patch(6, [{ op: 'updated', entity: 'stats', data: stats }]));
    expect(t.view().stats.away.shots).toBe(1);
    expect(t.state().acked).toEqual([]);
  });

  it('counts a statistic once when its patch beats the answer (defect 1)', async () => {
    const t = setup();
    const release = t.server.hold();
    await t.c.enqueue('7', { kind: 'stats', body: shot });
    await until(() => t.server.calls.length === 1);
    const stats = { home: snapshot().stats.home, away: { ...snapshot().stats.away, shots: 1 } };
    t.c.receivePatch(patch(6, [{ op: 'updated', entity: 'stats', data: stats }]));
    release();
    await until(() => t.state().outbox.length === 0);
    expect(t.view().stats.away.shots).toBe(1);
  });

  it('retires a write the moment a patch carries its client id, before any answer', async () => {
    const t = setup();
    t.server.hold();
    const clientEventId = await t.c.enqueue('7', { kind: 'stats', body: shot });
    await until(() => t.server.calls.length === 1);
    const stats = { home: snapshot().stats.home, away: { ...snapshot().stats.away, shots: 1 } };
    t.c.receivePatch(patch(6, [{ op: 'updated', entity: 'stats', data: stats, clientEventId }]));
    expect(t.view().stats.away.shots).toBe(1);
    expect(selectPendingCount(t.state())).toBe(0);
  });

  it('does not leave an edit "not sent" when its patch beats the answer (defect 2)', async () => {
    const t = setup();
    const saved = event({ id: '100', playerId: '11' });
    t.c.receiveSnapshot(snapshot({ events: [saved] }));
    const release = t.server.hold();
    await t.c.enqueue('7', { kind: 'event.update', ref: { id: '100' }, body: { playerId: '12' } });
    await until(() => t.server.calls.length === 1);
    t.c.receivePatch(patch(6, [{ op: 'updated', entity: 'event', id: '100', data: { ...saved, playerId: '12' } }]));
    release();
    await until(() => t.state().outbox.length === 0);
    expect(t.view().events).toEqual([{ ...saved, playerId: '12' }]);
  });

  it('shows an edit and a delete of a pending event before either is sent', async () => {
    const t = setup({ online: false });
    const id = await t.c.enqueue('7', { kind: 'event.create', body: goal });
    await t.c.enqueue('7', { kind: 'event.update', ref: { clientEventId: id }, body: { minute: 15, playerId: null } });
    expect(t.view().events[0]).toMatchObject({ minute: 15, pending: true });
    expect(t.view().events[0]!.playerId).toBeUndefined();
    await t.c.enqueue('7', { kind: 'event.delete', ref: { clientEventId: id } });
    expect(t.view().events).toEqual([]);
    expect(t.view().match.score).toEqual({ home: 0, away: 0 });
  });
});

describe('console store: snapshots from two sources', () => {
  it('keeps the newer of a REST snapshot and the stream, and skips patches it already has', () => {
    const t = setup();
    t.c.receiveSnapshot(snapshot({ seq: 8, events: [event()] }));
    t.c.receiveSnapshot(snapshot({ seq: 6 }));
    expect(t.state().snapshot!.seq).toBe(8);
    t.c.receivePatch(patch(8, [{ op: 'deleted', entity: 'event', id: '100' }]));
    expect(t.view().events).toHaveLength(1);
    t.c.receivePatch(patch(9, [{ op: 'deleted', entity: 'event', id: '100' }]));
    expect(t.view().events).toHaveLength(0);
  });
});

describe('console store: outbox order and retry', () => {
  it('holds writes while offline and sends them in order, linking an edit to the created event', async () => {
    const t = setup({ online: false });
    const id = await t.c.enqueue('7', { kind: 'event.create', body: goal });
    const editId = await t.c.enqueue('7', {
      kind: 'event.update',
      ref: { clientEventId: id },
      body: { relatedPlayerId: '12' },
    });
    await t.c.enqueue('7', { kind: 'stats', body: shot });
    await t.c.ready;
    expect(t.server.calls).toEqual([]);
    expect(selectPendingCount(t.state())).toBe(3);

    t.net.set(true);
    await until(() => t.server.calls.length === 3);
    expect(t.server.methods()).toEqual(['createEvent', 'patchEvent', 'postStats']);
    expect(t.server.calls[1]!.args).toEqual(['7', '500', { relatedPlayerId: '12', clientEventId: editId }]);
    await until(() => selectPendingCount(t.state()) === 0);
  });

  it('carries a comment like any event: held offline with its text, counted nowhere, retried while the rate is full', async () => {
    const t = setup({ online: false });
    const comment = { type: 'comment' as const, side: 'home' as const, minute: 30, text: 'Rain <b>stops</b> play' };
    const before = t.view().match.score;
    const id = await t.c.enqueue('7', { kind: 'event.create', body: comment });
    expect(t.view().events).toMatchObject([{ ...comment, pending: true }]);
    expect(t.view().match.score).toEqual(before);
    expect((await (await t.storage).load()).map((i) => i.write)).toEqual([{ kind: 'event.create', body: comment }]);

    t.server.fail('createEvent', new ApiError(429, 'comment_rate_limited', 'At most 6 comments a minute'));
    t.net.set(true);
    await until(() => t.clock.delays().length === 1);
    expect(selectRefused(t.state())).toEqual([]);
    t.clock.fire();
    await until(() => selectPendingCount(t.state()) === 0);
    expect(t.server.calls.map((c) => c.args)).toEqual([
      ['7', { ...comment, clientEventId: id }],
      ['7', { ...comment, clientEventId: id }],
    ]);
  });

  it('retries network and server failures with back-off, never sending a later write first', async () => {
    const t = setup();
    t.server.fail('postStats', serverError(), networkError());
    await t.c.enqueue('7', { kind: 'stats', body: shot });
    await t.c.enqueue('7', { kind: 'state', body: { period: 'half_time' } });
    await until(() => t.clock.delays().length === 1);
    expect(t.clock.delays()).toEqual([500]);
    expect(t.server.methods()).toEqual(['postStats']);

    t.clock.fire();
    await until(() => t.clock.delays().length === 1);
    expect(t.clock.delays()).toEqual([1000]);
    expect(t.server.methods()).toEqual(['postStats', 'postStats']);

    t.clock.fire();
    await until(() => selectPendingCount(t.state()) === 0);
    expect(t.server.methods()).toEqual(['postStats', 'postStats', 'postStats', 'postState']);
  });

  it('retries at once when the network comes back', async () => {
    const t = setup();
    t.server.fail('postStats', networkError());
    await t.c.enqueue('7', { kind: 'stats', body: shot });
    await until(() => t.clock.delays().length === 1);
    t.net.set(false);
    t.net.set(true);
    await until(() => selectPendingCount(t.state()) === 0);
    expect(t.server.methods()).toEqual(['postStats', 'postStats']);
  });

  it('survives a reload: a new store over the same database sends what the old one kept', async () => {
    const first = setup({ online: false });
    await first.c.enqueue('7', { kind: 'stats', body: shot });
    await first.c.enqueue('7', { kind: 'event.create', body: goal });

    const second = setup({ dbName: first.dbName });
    await second.c.ready;
    await until(() => second.server.calls.length === 2);
    expect(second.server.methods()).toEqual(['postStats', 'createEvent']);
  });

  it('pauses on 401 and resumes after sign-in without losing the write', async () => {
    const t = setup();
    t.server.fail('postStats', new ApiError(401, 'unauthorized', 'Sign in'));
    await t.c.enqueue('7', { kind: 'stats', body: shot });
    await until(() => t.state().paused);
    expect(selectPendingCount(t.state())).toBe(1);
    t.c.resume();
    await until(() => selectPendingCount(t.state()) === 0);
  });
});

describe('console store: a phone shared by two operators', () => {
  const anna = { id: '21', name: 'Anna' };
  const boris = { id: '22', name: 'Boris' };

  it('sends a write only under the login of whoever made it; the other one’s wait, off the score', async () => {
    const first = setup({ online: false, author: anna });
    await first.c.enqueue('7', { kind: 'event.create', body: goal });
    expect((await (await first.storage).load())[0]!.author).toEqual(anna);

    // Boris signs in on the same phone, back online.
    const second = setup({ dbName: first.dbName, author: boris });
    await second.c.ready;
    await second.c.enqueue('7', { kind: 'stats', body: shot });
    await until(() => second.server.calls.length === 1);
    expect(second.server.methods()).toEqual(['postStats']);
    await until(() => selectPendingCount(second.state()) === 0);
    expect(selectHeld(second.state()).map((i) => i.author)).toEqual([anna]);
    expect(second.view().match.score).toEqual({ home: 0, away: 0 });

    second.c.resume(anna);
    await until(() => second.server.calls.length === 2);
    expect(second.server.methods()).toEqual(['postStats', 'createEvent']);
    expect(selectHeld(second.state())).toEqual([]);
  });

  it('drops the other person’s writes only when asked, and for good', async () => {
    const first = setup({ online: false, author: anna });
    await first.c.enqueue('7', { kind: 'event.create', body: goal });
    const second = setup({ dbName: first.dbName, author: boris });
    await second.c.ready;
    await second.c.discardHeld();
    expect(selectHeld(second.state())).toEqual([]);
    expect(await (await second.storage).load()).toEqual([]);
    second.c.resume(anna);
    await second.c.enqueue('7', { kind: 'stats', body: shot });
    await until(() => second.server.calls.length === 1);
    expect(second.server.methods()).toEqual(['postStats']);
  });
});

describe('console store: storage trouble', () => {
  it('still sends writes when IndexedDB cannot be opened or refuses to store', async () => {
    for (const storage of [
      Promise.reject(new Error('no IndexedDB')),
      { load: async () => [], put: () => Promise.reject(new Error('quota')), remove: async () => undefined },
    ]) {
      const server = fakeApi(() => snapshot());
      const c = createConsoleStore({ api: server.api, storage, network: fakeNetwork().network });
      await c.ready;
      await c.enqueue('7', { kind: 'stats', body: shot });
      await until(() => selectPendingCount(c.store.getState()) === 0);
      expect(server.methods()).toEqual(['postStats']);
    }
  });
});

describe('console store: refused writes', () => {
  it('shows a refused write with its reason, keeps it until dismissed, and goes on with the next', async () => {
    const t = setup();
    t.server.fail('postState', new ApiError(409, 'penalty_requires_draw', 'The score is not level'));
    const refusedId = await t.c.enqueue('7', { kind: 'state', body: { period: 'penalties' } });
    await t.c.enqueue('7', { kind: 'stats', body: shot });
    await until(() => t.server.calls.length === 2 && selectPendingCount(t.state()) === 0);

    expect(selectRefused(t.state())).toMatchObject([
      {
        clientEventId: refusedId,
        error: { status: 409, code: 'penalty_requires_draw', message: 'The score is not level' },
      },
    ]);
    expect(t.view().match.period).toBe('first_half'); // not applied over the snapshot
    expect(await (await t.storage).load()).toMatchObject([{ clientEventId: refusedId, status: 'refused' }]);

    await t.c.dismiss(refusedId);
    expect(selectRefused(t.state())).toEqual([]);
    expect(await (await t.storage).load()).toEqual([]);
  });

  it('refuses an edit of an event whose creation was refused', async () => {
    const t = setup({ online: false });
    t.server.fail('createEvent', new ApiError(400, 'player_not_in_lineup', 'Not in the lineup'));
    const id = await t.c.enqueue('7', { kind: 'event.create', body: goal });
    await t.c.enqueue('7', { kind: 'event.update', ref: { clientEventId: id }, body: { minute: 20 } });
    t.net.set(true);
    await until(() => selectRefused(t.state()).length === 2);
    expect(selectRefused(t.state()).map((i) => i.error?.code)).toEqual(['player_not_in_lineup', 'event_not_recorded']);
    expect(t.server.methods()).toEqual(['createEvent']);
  });
});
