import type { EventType, Period } from '@touchline/contract';

/** What an event's related player is: the assist of a goal, the player coming on, or nothing. */
export type RelatedRole = 'assist' | 'on';
export type Card = 'yellow' | 'second_yellow' | 'red';

/**
 * Whether an event names its player: `required` is refused without one; `expected` is accepted without one
 * (a correction may not know who) but the console asks for one; `optional` offers "unknown" as an answer.
 */
export type PlayerNeed = 'required' | 'expected' | 'optional';

export interface EventRule {
  /** Whose score it raises: the event's side, the other side (an own goal), or nobody. */
  scoresFor: 'own' | 'other' | null;
  /** What it adds to its player's season totals besides cards. */
  credit: 'goal' | 'penalty_goal' | null;
  card: Card | null;
  player: PlayerNeed;
  related: RelatedRole | null;
  relatedRequired: boolean;
  /** The only period it may be recorded in, when it has one. */
  onlyIn: Period | null;
  /** Whether it carries `scored` (and needs it). */
  scored: boolean;
  /** Whether it carries `text` (and needs it): a line of the live ticker, counted nowhere. */
  text: boolean;
}

const plain: EventRule = {
  scoresFor: null,
  credit: null,
  card: null,
  player: 'optional',
  related: null,
  relatedRequired: false,
  onlyIn: null,
  scored: false,
  text: false,
};
const booking = (card: Card): EventRule => ({ ...plain, card, player: 'expected' });

/** One row per event type (docs/rules.md): every other rule about events is read from here. */
export const EVENT_RULES: Readonly<Record<EventType, EventRule>> = {
  goal: { ...plain, scoresFor: 'own', credit: 'goal', related: 'assist' },
  penalty_goal: { ...plain, scoresFor: 'own', credit: 'penalty_goal', related: 'assist' },
  own_goal: { ...plain, scoresFor: 'other' },
  penalty_missed: plain,
  yellow_card: booking('yellow'),
  second_yellow: booking('second_yellow'),
  red_card: booking('red'),
  substitution: { ...plain, player: 'required', related: 'on', relatedRequired: true },
  shootout_kick: { ...plain, onlyIn: 'penalties', scored: true },
  comment: { ...plain, text: true },
};

export const EVENT_TYPES = Object.keys(EVENT_RULES) as EventType[];

/** A second yellow counts as a yellow and as a sending-off. */
export const CARD_COUNTS: Readonly<Record<Card, { yellows: number; reds: number }>> = {
  yellow: { yellows: 1, reds: 0 },
  second_yellow: { yellows: 1, reds: 1 },
  red: { yellows: 0, reds: 1 },
};

export const cardCounts = (type: EventType) => {
  const card = EVENT_RULES[type].card;
  return card ? CARD_COUNTS[card] : { yellows: 0, reds: 0 };
};

export const isScoring = (type: EventType) => EVENT_RULES[type].scoresFor !== null;
export const sendsOff = (type: EventType) => cardCounts(type).reds > 0;

export interface CheckedEvent {
  type: EventType;
  playerId?: string | undefined;
  relatedPlayerId?: string | undefined;
  scored?: boolean | undefined;
  text?: string | undefined;
}

export type EventRefusal =
  | 'shootout_only_in_penalties'
  | 'scored_missing'
  | 'scored_not_allowed'
  | 'players_missing'
  | 'related_not_allowed'
  | 'related_is_player'
  | 'text_missing'
  | 'text_not_allowed';

/** Why an event's fields break its row of the table in this period, or null. The players' sides are not checked. */
export function eventRefusal(e: CheckedEvent, period: Period | null): EventRefusal | null {
  const rule = EVENT_RULES[e.type];
  if (rule.onlyIn && period !== rule.onlyIn) return 'shootout_only_in_penalties';
  if (rule.scored && typeof e.scored !== 'boolean') return 'scored_missing';
  if (!rule.scored && e.scored !== undefined) return 'scored_not_allowed';
  if (rule.text && !e.text) return 'text_missing';
  if (!rule.text && e.text !== undefined) return 'text_not_allowed';
  if ((rule.player === 'required' && !e.playerId) || (rule.relatedRequired && !e.relatedPlayerId))
    return 'players_missing';
  if (e.relatedPlayerId && !rule.related) return 'related_not_allowed';
  if (e.relatedPlayerId && e.relatedPlayerId === e.playerId) return 'related_is_player';
  return null;
}

export type PlayerCount = 'goals' | 'penaltyGoals' | 'assists' | 'yellowCards' | 'redCards' | 'cameOn';

/** What one event adds to the season totals of the players it names, as [player, count] pairs. */
export function playerCounts<Id>(e: {
  type: EventType;
  playerId?: Id | null | undefined;
  relatedPlayerId?: Id | null | undefined;
}): [Id, PlayerCount][] {
  const rule = EVENT_RULES[e.type];
  const out: [Id, PlayerCount][] = [];
  const player = e.playerId ?? undefined;
  const related = e.relatedPlayerId ?? undefined;
  if (player !== undefined) {
    if (rule.credit) out.push([player, 'goals']);
    if (rule.credit === 'penalty_goal') out.push([player, 'penaltyGoals']);
    const { yellows, reds } = cardCounts(e.type);
    if (yellows) out.push([player, 'yellowCards']);
    if (reds) out.push([player, 'redCards']);
  }
  if (related !== undefined && rule.related) out.push([related, rule.related === 'assist' ? 'assists' : 'cameOn']);
  return out;
}
