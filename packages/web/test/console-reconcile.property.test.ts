import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MatchEvent, MatchSnapshot, PatchFrame, SideStats } from '@touchline/contract';
import { ApiError } from '../src/lib/api.ts';
import { refOf } from '../src/features/console/optimistic.ts';
import { memoryOutboxStorage, type Write } from '../src/features/console/outbox.ts';
import {
  createConsoleStore,
  createViewSelector,
  selectPendingCount,
  type ConsoleApi,
} from '../src/features/console/store.ts';
import { snapshot } from './fixtures.ts';
import { fakeNetwork } from './fake-socket.ts';
import { manualTimers, networkError } from './fake-api.ts';

/**
 * The server of one match, reduced to what reconciliation depends on: each write is applied once per client id,
 * answered with its seq, and published as one patch. It takes requests into an inbox, so a test decides when each
 * is applied, answered, lost or dropped.
 */
function modelServer(tagged: boolean) {
  const base = snapshot();
  let record: MatchSnapshot = structuredClone(base);
  const log: PatchFrame[] = [];
  const applied = new Map<string, number>();
  let nextId = 500;
  const inbox: { run: () => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  const answers: { settle: () => void; drop: () => void }[] = [];

  function publish(clientEventId: string, changes: PatchFrame['changes']) {
    const seq = record.seq + 1;
    const frame: PatchFrame = {
      type: 'patch',
      topic: 'match:7',
      epoch: record.epoch,
      seq,
      changes: tagged ? changes.map((c) => ({ ...c, clientEventId })) : changes,
    };
    log.push(frame);
    applied.set(clientEventId, seq);
    record = { ...record, seq };
    return seq;
  }

  const refuse = (code: string) => new ApiError(code === 'not_found' ? 404 : 409, code, code);

  function writeEvent(cid: string, change: (events: MatchEvent[]) => { events: MatchEvent[]; event?: MatchEvent }) {
    const replay = applied.get(cid);
    const found = change(record.events);
    if (replay !== undefined) return { event: found.event ?? ({} as MatchEvent), seq: replay };
    record = { ...record, events: found.events };
    const op = found.event ? (found.events.length > record.events.length ? 'created' : 'updated') : 'deleted';
    return {
      event: found.event!,
      seq: publish(cid, [{ op, entity: 'event', id: found.event?.id, data: found.event }]),
    };
  }

  const api: ConsoleApi = {
    createEvent: (_m, body) =>
      request(() => {
        const cid = body.clientEventId!;
        const existing = record.events.find((e) => e.clientEventId === cid);
        if (existing) return { event: existing, seq: applied.get(cid) ?? record.seq };
        if (applied.has(cid)) throw refuse('not_found');
        const { clientEventId, expectedSeq: _s, ...fields } = body;
        const event = {
          ...fields,
          id: String(nextId++),
          clientEventId,
          createdAt: '2025-11-25T15:20:00.000Z',
          createdBy: '3',
        } as MatchEvent;
        record = { ...record, events: [...record.events, event] };
        return { event, seq: publish(cid, [{ op: 'created', entity: 'event', id: event.id, data: event }]) };
      }),
    patchEvent: (_m, id, body) =>
      request(() => {
        const { clientEventId, expectedSeq: _s, ...fields } = body;
        const before = record.events.find((e) => e.id === id);
        if (!before) throw refuse('not_found');
        return writeEvent(clientEventId!, (events) => {
          const event = { ...before, ...fields } as MatchEvent;
          return { event, events: events.map((e) => (e.id === id ? event : e)) };
        });
      }),
    deleteEvent: (_m, id, clientEventId) =>
      request(() => {
        const replay = applied.get(clientEventId!);
        if (replay !== undefined) return { seq: replay };
        if (!record.events.some((e) => e.id === id)) throw refuse('not_found');
        record = { ...record, events: record.events.filter((e) => e.id !== id) };
        return { seq: publish(clientEventId!, [{ op: 'deleted', entity: 'event', id }]) };
      }),
    postStats: (_m, body) =>
      request(() => {
        const cid = body.clientEventId!;
        const replay = applied.get(cid);
        if (replay !== undefined) return { stats: record.stats, seq: replay };
        const next = record.stats[body.side][body.metric] + body.delta;
        if (next < 0) throw refuse('stat_below_zero');
        const stats: SideStats = { ...record.stats, [body.side]: { ...record.stats[body.side], [body.metric]: next } };
        record = { ...record, stats };
        return { stats, seq: publish(cid, [{ op: 'updated', entity: 'stats', id: '7', data: stats }]) };
      }),
    postState: () => Promise.reject(new Error('not modelled')),
  };

  function request<T>(run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => inbox.push({ run, resolve: resolve as (v: unknown) => void, reject }));
  }

  return {
    api,
    log,
    record: () => record,
    /** The request reaches the server: it is applied (or refused) now, and its answer starts back. */
    apply() {
      const r = inbox.shift();
      if (!r) return false;
      try {
        const value = r.run();
        answers.push({ settle: () => r.resolve(value), drop: () => r.reject(networkError()) });
      } catch (e) {
        answers.push({ settle: () => r.reject(e), drop: () => r.reject(networkError()) });
      }
      return true;
    },
    /** The request is lost on the way: the server never sees it. */
    lose() {
      inbox.shift()?.reject(networkError());
    },
    answer() {
      answers.shift()?.settle();
    },
    dropAnswer() {
      answers.shift()?.drop();
    },
    busy: () => inbox.length + answers.length > 0,
  };
}

type Step =
  | { do: 'write'; write: 'stat' | 'goal' | 'edit' | 'delete'; pick: number; delta: 1 | -1; minute: number }
  | { do: 'apply' | 'lose' | 'answer' | 'dropAnswer' | 'patch' | 'resend' }
  | { do: 'reconnect'; snapshot: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    do: fc.constant('write' as const),
    write: fc.constantFrom('stat' as const, 'goal' as const, 'edit' as const, 'delete' as const),
    pick: fc.nat(20),
    delta: fc.constantFrom(1 as const, -1 as const),
    minute: fc.integer({ min: 1, max: 90 }),
  }),
  fc.record({ do: fc.constantFrom('apply' as const, 'lose' as const, 'answer' as const) }),
  fc.record({ do: fc.constantFrom('dropAnswer' as const, 'patch' as const, 'resend' as const) }),
  fc.record({ do: fc.constant('reconnect' as const), snapshot: fc.boolean() }),
);

/** Lets the store's promise chains run to their next wait. */
const settle = () => new Promise((r) => setImmediate(r));

async function play(steps: Step[], tagged: boolean) {
  const server = modelServer(tagged);
  const clock = manualTimers();
  let ids = 0;
  const c = createConsoleStore({
    api: server.api,
    storage: memoryOutboxStorage(),
    network: fakeNetwork().network,
    timers: clock.timers,
    random: () => 0,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
  });
  await c.ready;
  c.open('7');
  c.receiveSnapshot(server.record());
  const selectView = createViewSelector();
  const view = () => selectView(c.store.getState())!;
  /** Patches on the wire to this console, in order; a reconnect loses them. */
  let wire = 0;

  const write = (s: Extract<Step, { do: 'write' }>): Write | undefined => {
    const events = view().events;
    const target = events[s.pick % Math.max(events.length, 1)];
    const side = s.pick % 2 ? 'home' : 'away';
    if (s.write === 'stat') return { kind: 'stats', body: { side, metric: 'saves', delta: s.delta } };
    if (s.write === 'goal') return { kind: 'event.create', body: { type: 'goal', side, minute: s.minute } };
    if (!target) return undefined;
    if (s.write === 'edit') return { kind: 'event.update', ref: refOf(target), body: { minute: s.minute } };
    return { kind: 'event.delete', ref: refOf(target) };
  };

  const deliverPatch = () => {
    const frame = server.log[wire];
    if (!frame) return;
    wire++;
    c.receivePatch(frame);
  };

  for (const s of steps) {
    switch (s.do) {
      case 'write': {
        const w = write(s);
        if (w) await c.enqueue('7', w);
        break;
      }
      case 'apply':
        server.apply();
        break;
      case 'lose':
        server.lose();
        break;
      case 'answer':
        server.answer();
        break;
      case 'dropAnswer':
        server.dropAnswer();
        break;
      case 'patch':
        deliverPatch();
        break;
      case 'resend':
        if (clock.delays().length > 0) clock.fire();
        break;
      case 'reconnect': {
        // Resumed with `since`: either the missed patches in order, or a fresh snapshot.
        const at = c.store.getState().snapshot!.seq;
        if (s.snapshot) c.receiveSnapshot(structuredClone(server.record()));
        else for (const frame of server.log.filter((f) => f.seq > at)) c.receivePatch(frame);
        wire = server.log.length;
        break;
      }
    }
    await settle();
    // Whenever all that was sent is answered and all patches are in, the screen is the record: no lingering copy.
    const quiet = !server.busy() && wire === server.log.length && selectPendingCount(c.store.getState()) === 0;
    if (quiet) expectRecord(view(), server.record());
  }

  // Everything is delivered: every request reaches the server, every answer and patch arrives.
  for (let round = 0; round < 500 && (server.busy() || wire < server.log.length || clock.delays().length); round++) {
    if (!server.apply()) server.answer();
    deliverPatch();
    if (clock.delays().length > 0) clock.fire();
    await settle();
  }
  return { server, c, view: view() };
}

function expectRecord(view: MatchSnapshot, record: MatchSnapshot) {
  expect(view.stats).toEqual(record.stats);
  expect(view.events).toEqual(record.events);
  expect(view.seq).toBe(record.seq);
}

describe('console reconciliation over random interleavings of answers, patches, drops and resends', () => {
  it('shows exactly the server record once everything is delivered', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), fc.boolean(), async (steps, tagged) => {
        const { server, c, view } = await play(steps, tagged);
        const record = server.record();
        expect(selectPendingCount(c.store.getState())).toBe(0);
        expectRecord(view, record);
      }),
      { numRuns: 300 },
    );
  });
});
