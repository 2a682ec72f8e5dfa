import { useTranslation } from 'react-i18next';
import type { Side } from '@touchline/contract';
import type { MatchView } from './optimistic.ts';
import { EventIcon } from './EventIcon.tsx';

interface Props {
  view: MatchView;
  side: Side;
  /** Why the server would refuse a new event now, in words; the buttons are disabled then. */
  disabledHint?: string | undefined;
  onGoal(side: Side): void;
  onMore(side: Side): void;
}

/**
 * One side's column at the thumb's end of the screen: the goal, the one that must never be missed, big; every
 * other event one tap away in the event sheet (docs/decisions/038-one-screen-console.md).
 */
export function SideActions({ view, side, disabledHint, onGoal, onMore }: Props) {
  const { t } = useTranslation();
  const club = view.match[side === 'home' ? 'homeClub' : 'awayClub'];
  const disabled = disabledHint !== undefined;
  const hintId = `side-${side}-hint`;
  return (
    <section className={`side-actions side-${side}`} aria-label={club.name} data-testid={`side-${side}`}>
      <button
        type="button"
        className="goal-button"
        data-testid={`goal-${side}`}
        aria-label={t('desk.goalFor', { club: club.name })}
        aria-describedby={disabled ? hintId : undefined}
        disabled={disabled}
        onClick={() => onGoal(side)}
      >
        <EventIcon type="goal" />
        <span>{t('event.goal')}</span>
      </button>
      <button
        type="button"
        className="more-button"
        data-testid={`more-${side}`}
        aria-label={t('desk.moreFor', { club: club.name })}
        aria-describedby={disabled ? hintId : undefined}
        disabled={disabled}
        onClick={() => onMore(side)}
      >
        {t('desk.more')}
      </button>
      {disabledHint && (
        <p className="visually-hidden" id={hintId} data-testid={`side-${side}-hint`}>
          {disabledHint}
        </p>
      )}
    </section>
  );
}
