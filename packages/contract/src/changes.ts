import { z } from 'zod';
import { AuditEntry } from './admin.ts';
import { Side } from './common.ts';
import { NewsItem } from './news.ts';
import { MotmTally } from './motm.ts';
import { LineupEntry, MatchEvent, MatchSnapshot, MatchSummary, SideStats, Standings } from './models.ts';
import { PredictionsChangeData } from './predictions.ts';

/** What a patch's change did; a deletion carries only the id. */
export const ChangeOp = z.enum(['created', 'updated', 'deleted']);
const ChangeBase = z.object({
  op: ChangeOp,
  id: z.string().optional(),
  /** The client write that made this change, so its author retires the optimistic copy on sight. */
  clientEventId: z.string().optional(),
});
const change = <E extends string, D extends z.ZodType>(entity: E, data: D) =>
  ChangeBase.extend({ entity: z.literal(entity), data: data.optional() });

export const LineupChangeData = z.object({ side: Side, entries: z.array(LineupEntry) });

/** One change of a patch, its `data` typed by the entity it is about (docs/protocol.md §9.5). */
export const Change = z.discriminatedUnion('entity', [
  change('event', MatchEvent),
  change('stats', SideStats),
  change('match', MatchSummary),
  change('lineup', LineupChangeData),
  change('standings', Standings),
  change('audit', AuditEntry),
  /** On the `live` topic: a news item published, edited (`updated`) or taken back (`deleted`). */
  change('news', NewsItem),
  change('predictions', PredictionsChangeData),
  change('motm', MotmTally),
]);
export type Change = z.infer<typeof Change>;
export const ChangeEntity = z.enum([
  'event',
  'stats',
  'match',
  'lineup',
  'standings',
  'audit',
  'news',
  'predictions',
  'motm',
]);
export type ChangeEntity = z.infer<typeof ChangeEntity>;
/** A change as the change log keeps it: read back whatever shape an older server wrote, the data not yet checked. */
export const StoredChange = ChangeBase.extend({ entity: ChangeEntity, data: z.unknown().optional() });

/** The `data` of a snapshot frame, by topic kind. */
export type MatchTopicSnapshot = MatchSnapshot;
export const SeasonTopicSnapshot = z.object({ standings: Standings, matches: z.array(MatchSummary) });
export type SeasonTopicSnapshot = z.infer<typeof SeasonTopicSnapshot>;
/** Every match live or on today's card. */
export type LiveTopicSnapshot = MatchSummary[];
/** The newest audit entries, oldest first. */
export type AdminTopicSnapshot = AuditEntry[];
/** The change about one entity, for a receiver that handles that entity alone. */
export type ChangeOf<E extends ChangeEntity> = Extract<Change, { entity: E }>;

/** A topic's snapshot type from its name, as docs/protocol.md §9.3 names topics. */
export type TopicSnapshot<T extends string> = T extends `match:${string}`
  ? MatchTopicSnapshot
  : T extends `season:${string}`
    ? SeasonTopicSnapshot
    : T extends 'live'
      ? LiveTopicSnapshot
      : T extends 'admin'
        ? AdminTopicSnapshot
        : never;
