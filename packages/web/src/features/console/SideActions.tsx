import { useTranslation } from 'react-i18next';
import type { EventType, Side } from '@touchline/contract';
import type { MatchView } from './optimistic.ts';
import type { OutboxItem } from './outbox.ts';
import { isSide, refusedAt } from './refusal-place.ts';
import { RefusalNotes } from './RefusedWrites.tsx';
import { EVENT_RULES, EVENT_TYPES } from '@touchline/domain';
import { EVENT_ICON } from '../../lib/event-text.ts';

/**
 * The per-side buttons; the goal is the big one, since it is the one that must never be missed.
 * Events of one period only (shootout kicks) have their own panel.
 */
const SECONDARY = EVENT_TYPES.filter((type) => type !== 'goal' && !EVENT_RULES[type].onlyIn);

interface Props {
  view: MatchView;
  side: Side;
  /** Why the server would refuse a new event now, in words; the buttons are disabled then. */
  disabledHint?: string | undefined;
  onAction(side: Side, type: EventType): void;
  refused: readonly OutboxItem[];
  onDismiss(id: string): void;
}

export function SideActions({ view, side, disabledHint, onAction, refused, onDismiss }: Props) {
  const { t } = useTranslation();
  const club = view.match[side === 'home' ? 'homeClub' : 'awayClub'];
  const titleId = `side-${side}-title`;
  const disabled = disabledHint !== undefined;
  return (
    <section className={`side-actions side-${side}`} aria-labelledby={titleId} data-testid={`side-${side}`}>
      <h3 id={titleId}>{club.name}</h3>
      <button
        type="button"
        className="goal-button"
        data-testid={`goal-${side}`}
        aria-label={t('desk.goalFor', { club: club.name })}
        disabled={disabled}
        onClick={() => onAction(side, 'goal')}
      >
        <span aria-hidden="true">{EVENT_ICON.goal}</span> {t('event.goal')}
      </button>
      <div className="action-grid">
        {SECONDARY.map((type) => (
          <button
            key={type}
            type="button"
            data-testid={`action-${side}-${type}`}
            aria-label={t('desk.actionFor', { action: t(`event.${type}`), club: club.name })}
            disabled={disabled}
            onClick={() => onAction(side, type)}
          >
            <span aria-hidden="true">{EVENT_ICON[type]}</span> {t(`event.${type}`)}
          </button>
        ))}
      </div>
      {disabledHint && (
        <p className="hint" data-testid={`side-${side}-hint`}>
          {disabledHint}
        </p>
      )}
      <RefusalNotes items={refusedAt(refused, view, isSide(side))} onDismiss={onDismiss} />
    </section>
  );
}
