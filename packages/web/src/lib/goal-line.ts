import type { TFunction } from 'i18next';
import type { MatchEvent, MatchSnapshot } from '@touchline/contract';
import { EVENT_RULES } from '@touchline/domain';
import { minuteLabel } from './event-text.ts';
import { findPlayer, playerLabel } from './names.ts';

/**
 * "GOAL! 37' · #9 Иван Петров · Club": the minute, the scorer from the lineup (or the kind of goal), and the club the
 * goal counts for, which for an own goal is the other one (docs/rules.md).
 */
export function goalLine(t: TFunction, snap: Pick<MatchSnapshot, 'match' | 'lineups'>, goal: MatchEvent): string {
  const player = findPlayer(snap.lineups, goal.side, goal.playerId);
  const own = EVENT_RULES[goal.type].scoresFor === 'other';
  const scorer = player ? `${playerLabel(player)}${own ? ` (${t('event.own_goal')})` : ''}` : t(`event.${goal.type}`);
  const scoredFor = (goal.side === 'home') !== own ? 'homeClub' : 'awayClub';
  return t('fanPages.goal', { minute: minuteLabel(goal), scorer, club: snap.match[scoredFor].name });
}
