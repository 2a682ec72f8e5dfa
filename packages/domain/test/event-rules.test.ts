import { describe, expect, it } from 'vitest';
import { EventType, Period, type Side } from '@touchline/contract';
import { EVENT_RULES, EVENT_TYPES, eventRefusal, playerCounts, type CheckedEvent } from '../src/event-rules.ts';
import { otherSide, reduceEvents } from '../src/reducer.ts';

const types = EventType.options;
/** A well-formed event of each type, by its row: what the other checks start from. */
const valid = (type: EventType): CheckedEvent => {
  const rule = EVENT_RULES[type];
  return {
    type,
    ...(rule.player !== 'optional' ? { playerId: 'p1' } : {}),
    ...(rule.relatedRequired ? { relatedPlayerId: 'p2' } : {}),
    ...(rule.scored ? { scored: true } : {}),
    ...(rule.text ? { text: 'Rain stops play' } : {}),
  };
};
const periodFor = (type: EventType) => EVENT_RULES[type].onlyIn ?? 'first_half';

describe('the event table', () => {
  it('has one row per event type of the contract', () => {
    expect([...EVENT_TYPES].sort()).toEqual([...types].sort());
  });

  describe.each(types)('%s: the reducer does what its row says', (type) => {
    const rule = EVENT_RULES[type];
    it.each<Side>(['home', 'away'])('recorded for %s', (side) => {
      const t = reduceEvents([{ type, side, scored: true }]);
      const scorer = rule.scoresFor === 'own' ? side : rule.scoresFor === 'other' ? otherSide(side) : undefined;
      for (const s of ['home', 'away'] as const) expect(t[s].goals).toBe(s === scorer ? 1 : 0);
      const yellows = rule.card === 'yellow' || rule.card === 'second_yellow' ? 1 : 0;
      const reds = rule.card === 'red' || rule.card === 'second_yellow' ? 1 : 0;
      expect([t[side].yellowCards, t[side].redCards]).toEqual([yellows, reds]);
      expect([t[otherSide(side)].yellowCards, t[otherSide(side)].redCards]).toEqual([0, 0]);
      expect([t[side].shootoutKicks, t[side].shootout]).toEqual(rule.scored ? [1, 1] : [0, 0]);
    });
  });

  describe.each(types)('%s: the validation refuses what its row forbids', (type) => {
    const rule = EVENT_RULES[type];
    it('accepts the well-formed event in its period', () => {
      expect(eventRefusal(valid(type), periodFor(type))).toBeNull();
    });
    it.each(Period.options)('in %s only where its row allows', (period) => {
      const refused = rule.onlyIn !== null && period !== rule.onlyIn;
      expect(eventRefusal(valid(type), period)).toBe(refused ? 'shootout_only_in_penalties' : null);
    });
    it('needs `scored` exactly when its row carries it', () => {
      const { scored: _s, ...bare } = valid(type);
      expect(eventRefusal(bare, periodFor(type))).toBe(rule.scored ? 'scored_missing' : null);
      expect(eventRefusal({ ...bare, scored: false }, periodFor(type))).toBe(rule.scored ? null : 'scored_not_allowed');
    });
    it('needs `text` exactly when its row carries it', () => {
      const { text: _t, ...bare } = valid(type);
      expect(eventRefusal(bare, periodFor(type))).toBe(rule.text ? 'text_missing' : null);
      expect(eventRefusal({ ...bare, text: 'Corner' }, periodFor(type))).toBe(rule.text ? null : 'text_not_allowed');
    });
    it('needs a player only when its row requires one', () => {
      const { playerId: _p, ...bare } = valid(type);
      expect(eventRefusal(bare, periodFor(type))).toBe(rule.player === 'required' ? 'players_missing' : null);
    });
    it('takes a related player only when its row names one, and never the player himself', () => {
      const withRelated = { ...valid(type), playerId: 'p1', relatedPlayerId: 'p2' };
      expect(eventRefusal(withRelated, periodFor(type))).toBe(rule.related ? null : 'related_not_allowed');
      const { relatedPlayerId: _r, ...without } = withRelated;
      expect(eventRefusal(without, periodFor(type))).toBe(rule.relatedRequired ? 'players_missing' : null);
      const self = { ...withRelated, relatedPlayerId: 'p1' };
      expect(eventRefusal(self, periodFor(type))).toBe(rule.related ? 'related_is_player' : 'related_not_allowed');
    });
  });

  describe.each(types)('%s: the season totals follow its row', (type) => {
    const rule = EVENT_RULES[type];
    it('credits the player and the related player', () => {
      const counts = playerCounts({ type, playerId: 1, relatedPlayerId: 2 });
      const mine = counts.filter(([id]) => id === 1).map(([, c]) => c);
      const theirs = counts.filter(([id]) => id === 2).map(([, c]) => c);
      expect(mine.includes('goals')).toBe(rule.credit !== null);
      expect(mine.includes('penaltyGoals')).toBe(rule.credit === 'penalty_goal');
      expect(mine.includes('yellowCards')).toBe(rule.card === 'yellow' || rule.card === 'second_yellow');
      expect(mine.includes('redCards')).toBe(rule.card === 'red' || rule.card === 'second_yellow');
      expect(theirs).toEqual(rule.related ? [rule.related === 'assist' ? 'assists' : 'cameOn'] : []);
    });
    it('still credits the related player when the player is unknown', () => {
      const counts = playerCounts({ type, playerId: null, relatedPlayerId: 2 });
      expect(counts.map(([id]) => id)).toEqual(rule.related ? [2] : []);
    });
  });

  it('a comment is a line of text and nothing else: no score, card, credit, related player or period', () => {
    expect(EVENT_RULES.comment).toEqual({
      scoresFor: null,
      credit: null,
      card: null,
      player: 'optional',
      related: null,
      relatedRequired: false,
      onlyIn: null,
      scored: false,
      text: true,
    });
    expect(EVENT_TYPES.filter((type) => EVENT_RULES[type].text)).toEqual(['comment']);
  });

  it.each<[EventType, string]>([
    ['goal', 'assist'],
    ['penalty_goal', 'assist'],
    ['own_goal', 'none'],
    ['substitution', 'on'],
    ['shootout_kick', 'none'],
  ])('the related player of a %s is: %s', (type, role) => {
    expect(EVENT_RULES[type].related ?? 'none').toBe(role);
  });
});
