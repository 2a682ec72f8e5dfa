import { and, eq, getTableColumns } from 'drizzle-orm';
import {
  type Change,
  type CreateEventBody,
  MatchEvent,
  type PatchEventBody,
  type Side,
  StoredChange,
} from '@touchline/contract';
import {
  EVENT_RULES,
  eventRefusal,
  type EventRefusal,
  kickRefusal,
  type KickRefusal,
  recordingRefusal,
  reduceEvents,
  shootoutCountOf,
} from '@touchline/domain';
import * as t from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import type { WriteContext, WriteStep } from './engine.ts';
import { assertCommentRate } from './comments.ts';
import { assertPlayersOfSide } from './players.ts';
import { buildStats, eventsColumn, foundEvents, type FoundEvent, loadEvents, toEvent } from '../reads/snapshot.ts';
import { summaryFromEvents } from '../reads/summary.ts';

type EventRow = typeof t.matchEvents.$inferSelect;

type EventFields = Pick<
  MatchEvent,
  'type' | 'side' | 'minute' | 'addedTime' | 'playerId' | 'relatedPlayerId' | 'scored' | 'text'
>;

const EVENT_REFUSED: Record<EventRefusal, (e: EventFields) => ApiError> = {
  shootout_only_in_penalties: () =>
    new ApiError('shootout_only_in_penalties', 'Shootout kicks are recorded only in the penalties period'),
  scored_missing: () => new ApiError('bad_request', 'A shootout kick needs `scored`'),
  scored_not_allowed: () => new ApiError('bad_request', '`scored` belongs to shootout kicks only'),
  players_missing: (e) => new ApiError('bad_request', `A ${e.type} names the player off and on`),
  related_not_allowed: (e) => new ApiError('bad_request', `A ${e.type} has no related player`),
  related_is_player: (e) =>
    new ApiError(
      'bad_request',
      EVENT_RULES[e.type].related === 'on' ? 'The players off and on must differ' : 'A player cannot assist themself',
    ),
  text_missing: () => new ApiError('text_missing', 'A comment needs its `text`'),
  text_not_allowed: (e) => new ApiError('text_not_allowed', `A ${e.type} has no \`text\`: only comments do`),
};

/** The event table's rules for one event (docs/rules.md §1.1), checked against the match it belongs to. */
async function validateEvent(ctx: WriteContext, e: EventFields) {
  const { match } = ctx;
  if (recordingRefusal(match.status)) throw new ApiError('match_not_live', 'The match is not live');
  const refusal = eventRefusal(e, match.period);
  if (refusal) throw EVENT_REFUSED[refusal](e);
  await assertPlayersOfSide(ctx.tx, match, e.side, [e.playerId, e.relatedPlayerId]);
}

const KICK_REFUSED: Record<KickRefusal, string> = {
  shootout_decided: 'The shootout is already decided',
  shootout_out_of_turn: 'The sides kick in turn: the other side kicks next',
};

/** A new kick is refused once the shootout is decided, and out of turn (corrections of recorded kicks are not). */
async function assertKickDue(ctx: WriteContext, side: Side) {
  const shootout = shootoutCountOf(reduceEvents(await loadEvents(ctx.tx, ctx.match.id)));
  const refusal = kickRefusal(shootout, side);
  if (refusal) throw new ApiError(refusal, KICK_REFUSED[refusal], { shootout });
}

/** The event row a write's statement returns, with the match's events it found (`eventsColumn`). */
const returned = (matchId: number) => ({ ...getTableColumns(t.matchEvents), eventsFound: eventsColumn(matchId) });

/**
 * The match changes that go with an event change: the summary (score) and, for cards, the statistics, from the events
 * the write's statement found with the event itself put in (`written`) or taken out (`removed`), and the statistics
 * rows read with the lock (an event leaves them as they are).
 */
async function consequences(
  ctx: WriteContext,
  found: FoundEvent[] | string,
  edit: { written: EventRow } | { removed: number },
): Promise<Change[]> {
  const id = 'written' in edit ? edit.written.id : edit.removed;
  const others = foundEvents(found).filter((e) => e.id !== id);
  const events: FoundEvent[] = 'written' in edit ? [...others, edit.written].sort((a, b) => a.id - b.id) : others;
  const summary = await summaryFromEvents(ctx.tx, ctx.match.id, events, ctx.summaryRow);
  const stats = buildStats(ctx.statsRows, events);
  return [
    { op: 'updated', entity: 'match', id: summary!.id, data: summary },
    { op: 'updated', entity: 'stats', id: summary!.id, data: stats },
  ];
}

const toColumns = (e: EventFields) => ({
  type: e.type,
  side: e.side,
  minute: e.minute,
  addedTime: e.addedTime ?? null,
  playerId: e.playerId ? Number(e.playerId) : null,
  relatedPlayerId: e.relatedPlayerId ? Number(e.relatedPlayerId) : null,
  scored: EVENT_RULES[e.type].scored ? (e.scored ?? false) : null,
  text: e.text ?? null,
});

/**
 * The event a replayed write answers with: as it is now, or, when it has been deleted since, as the write left it
 * (its patch in the change log).
 */
async function replayedEvent(ctx: WriteContext, replay: { seq: number }, row: EventRow | undefined) {
  if (row) return toEvent(row);
  const [entry] = await ctx.tx
    .select({ changes: t.changeLog.changes })
    .from(t.changeLog)
    .where(and(eq(t.changeLog.topic, `match:${ctx.match.id}`), eq(t.changeLog.seq, replay.seq)));
  const written = StoredChange.array()
    .parse(entry?.changes ?? [])
    .find((c) => c.entity === 'event' && c.data);
  if (!written) throw new ApiError('not_found', 'The event of this write is no longer known');
  return MatchEvent.parse(written.data);
}

export async function createEvent(
  ctx: WriteContext,
  body: CreateEventBody,
): Promise<WriteStep<{ event: MatchEvent; created: boolean }>> {
  if (body.clientEventId) {
    const [existing] = await ctx.tx
      .select()
      .from(t.matchEvents)
      .where(and(eq(t.matchEvents.matchId, ctx.match.id), eq(t.matchEvents.clientEventId, body.clientEventId)));
    // Events written before client writes were recorded are found by their own client id.
    if (existing || ctx.replay) {
      const event = ctx.replay ? await replayedEvent(ctx, ctx.replay, existing) : toEvent(existing!);
      return { result: { event, created: false }, changes: [], audit: [] };
    }
  }
  const fields = { ...body, playerId: body.playerId ?? undefined, relatedPlayerId: body.relatedPlayerId ?? undefined };
  await validateEvent(ctx, fields);
  if (EVENT_RULES[fields.type].scored) await assertKickDue(ctx, fields.side);
  if (EVENT_RULES[fields.type].text) await assertCommentRate(ctx);
  const [row] = await ctx.tx
    .insert(t.matchEvents)
    .values({
      matchId: ctx.match.id,
      clientEventId: body.clientEventId ?? null,
      ...toColumns(fields),
      createdAt: ctx.now,
      createdBy: Number(ctx.principal.userId),
    })
    .returning(returned(ctx.match.id))
    .prepare('event_insert')
    .execute();
  const { eventsFound, ...written } = row!;
  const event = toEvent(written);
  const more = await consequences(ctx, eventsFound, { written });
  return {
    result: { event, created: true },
    changes: [{ op: 'created', entity: 'event', id: event.id, data: event }, ...more],
    audit: [{ action: 'create', entity: 'event', entityId: event.id, before: null, after: event }],
  };
}

const findOwnEvent = async (ctx: WriteContext, eventId: number): Promise<EventRow | undefined> =>
  (
    await ctx.tx
      .select()
      .from(t.matchEvents)
      .where(and(eq(t.matchEvents.id, eventId), eq(t.matchEvents.matchId, ctx.match.id)))
  )[0];

async function ownEvent(ctx: WriteContext, eventId: number) {
  const row = await findOwnEvent(ctx, eventId);
  // An event of another match is reported as unknown here: ids are checked against the match in the URL.
  if (!row) throw new ApiError('not_found', 'No such event in this match');
  return row;
}

export async function patchEvent(
  ctx: WriteContext,
  eventId: number,
  body: PatchEventBody,
): Promise<WriteStep<{ event: MatchEvent }>> {
  if (ctx.replay) {
    const event = await replayedEvent(ctx, ctx.replay, await findOwnEvent(ctx, eventId));
    return { result: { event }, changes: [], audit: [] };
  }
  const row = await ownEvent(ctx, eventId);
  const before = toEvent(row);
  const { expectedSeq: _seq, clientEventId: _id, ...fields } = body;
  const merged: EventFields = {
    type: fields.type ?? before.type,
    side: fields.side ?? before.side,
    minute: fields.minute ?? before.minute,
    addedTime: fields.addedTime !== undefined ? fields.addedTime : before.addedTime,
    playerId: fields.playerId === null ? undefined : (fields.playerId ?? before.playerId),
    relatedPlayerId: fields.relatedPlayerId === null ? undefined : (fields.relatedPlayerId ?? before.relatedPlayerId),
    scored: fields.scored ?? before.scored,
    text: fields.text ?? before.text,
  };
  if (!EVENT_RULES[merged.type].scored) merged.scored = undefined;
  // A comment turned into another type leaves its text behind; text sent with the patch is checked as sent.
  if (!EVENT_RULES[merged.type].text && fields.text === undefined) merged.text = undefined;
  await validateEvent(ctx, merged);
  const [updated] = await ctx.tx
    .update(t.matchEvents)
    .set(toColumns(merged))
    .where(eq(t.matchEvents.id, eventId))
    .returning(returned(ctx.match.id));
  const { eventsFound, ...written } = updated!;
  const event = toEvent(written);
  const more = await consequences(ctx, eventsFound, { written });
  return {
    result: { event },
    changes: [{ op: 'updated', entity: 'event', id: event.id, data: event }, ...more],
    audit: [{ action: 'update', entity: 'event', entityId: event.id, before, after: event }],
  };
}

export async function deleteEvent(ctx: WriteContext, eventId: number): Promise<WriteStep<null>> {
  if (ctx.replay) return { result: null, changes: [], audit: [] };
  const row = await ownEvent(ctx, eventId);
  const before = toEvent(row);
  if (ctx.match.status === 'scheduled') throw new ApiError('match_not_live', 'The match is not live');
  const onlyIn = EVENT_RULES[before.type].onlyIn;
  if (onlyIn && ctx.match.status === 'live' && ctx.match.period !== onlyIn) {
    throw new ApiError('shootout_only_in_penalties', 'Shootout kicks change only in the penalties period');
  }
  const [found] = await ctx.tx
    .delete(t.matchEvents)
    .where(eq(t.matchEvents.id, eventId))
    .returning({ eventsFound: eventsColumn(ctx.match.id) });
  const more = await consequences(ctx, found!.eventsFound, { removed: eventId });
  return {
    result: null,
    changes: [{ op: 'deleted', entity: 'event', id: before.id }, ...more],
    audit: [{ action: 'delete', entity: 'event', entityId: before.id, before, after: null }],
  };
}
