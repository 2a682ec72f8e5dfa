import { useTranslation } from 'react-i18next';
import type { MatchEvent, MatchSnapshot } from '@touchline/contract';
import { EVENT_RULES } from '@touchline/domain';
import { minuteLabel } from '../../lib/event-text.ts';
import { findPlayer, playerLabel } from '../../lib/names.ts';
import { useFreshEvents } from '../../lib/use-fresh-events.ts';

const isCard = (e: MatchEvent) => EVENT_RULES[e.type].card !== null;

/** Cards shown live for a few seconds each: the card, the minute, the player from the lineup and the club. */
export function CardNotices({ snapshot }: { snapshot: MatchSnapshot }) {
  const { t } = useTranslation();
  const fresh = useFreshEvents(snapshot.events, isCard);
  const cards = fresh.map((id) => snapshot.events.find((e) => e.id === id)).filter((e) => e !== undefined);
  if (cards.length === 0) return null;
  return (
    <div className="ob-cards" role="status">
      {cards.map((card) => {
        const player = findPlayer(snapshot.lineups, card.side, card.playerId);
        const club = snapshot.match[card.side === 'home' ? 'homeClub' : 'awayClub'].shortName;
        return (
          <p key={card.id} className="ob-card" data-testid="overlay-card" data-card={EVENT_RULES[card.type].card}>
            <span className="ob-card-mark" aria-hidden="true" />
            {`${t(`event.${card.type}`)} · ${minuteLabel(card)} · ${player ? playerLabel(player) : t('player.unknown')} · ${club}`}
          </p>
        );
      })}
    </div>
  );
}
