import type { TFunction } from 'i18next';
import type { EventType, MatchEvent, MatchSnapshot } from '@touchline/contract';
import { EVENT_RULES } from '@touchline/domain';
import { findPlayer, playerLabel } from './names.ts';

export const EVENT_ICON: Record<EventType, string> = {
  goal: '⚽',
  penalty_goal: '⚽',
  own_goal: '⚽',
  penalty_missed: '✕',
  yellow_card: '🟨',
  second_yellow: '🟨🟥',
  red_card: '🟥',
  substitution: '⇄',
  shootout_kick: '◎',
  comment: '✎',
};

/** 45+2' */
export const minuteLabel = (e: Pick<MatchEvent, 'minute' | 'addedTime'>) =>
  e.addedTime ? `${e.minute}+${e.addedTime}'` : `${e.minute}'`;

/** "Goal · #9 Иван Петров (assist #7 Олег Сидоров)" with names from the lineup; a comment is its text. */
export function describeEvent(t: TFunction, snap: Pick<MatchSnapshot, 'lineups'>, e: MatchEvent): string {
  const who = (id: string | undefined) => {
    const p = findPlayer(snap.lineups, e.side, id);
    return p ? playerLabel(p) : id ? t('player.byId', { id }) : t('player.unknown');
  };
  const rule = EVENT_RULES[e.type];
  // A comment reads as its own words; React renders them as text, never as markup.
  if (rule.text) return [e.text ?? '', ...(e.playerId ? [who(e.playerId)] : [])].join(' · ');
  const parts = [t(`event.${e.type}`)];
  if (rule.scored) parts.push(t(e.scored ? 'shootout.scored' : 'shootout.missed'));
  if (e.playerId || !rule.scored) parts.push(who(e.playerId));
  const related = rule.related;
  if (related && e.relatedPlayerId) parts.push(t(`event.related.${related}`, { name: who(e.relatedPlayerId) }));
  return parts.join(' · ');
}
