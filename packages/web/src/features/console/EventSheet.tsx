import { useTranslation } from 'react-i18next';
import type { EventType, Side } from '@touchline/contract';
import { EVENT_RULES, EVENT_TYPES } from '@touchline/domain';
import { EventIcon } from './EventIcon.tsx';
import { Sheet } from './Sheet.tsx';

/** Every event but the goal, which has its own button, and the shootout kick, which has its own panel. */
export const SHEET_TYPES = EVENT_TYPES.filter((type) => type !== 'goal' && !EVENT_RULES[type].onlyIn);

interface Props {
  side: Side;
  club: string;
  onPick(type: EventType): void;
  onCancel(): void;
}

/** One side's other events as a grid of big labelled buttons; the second tap of a card, a change or a comment. */
export function EventSheet({ side, club, onPick, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <Sheet title={club} testId="event-sheet" onCancel={onCancel}>
      <div className="event-grid">
        {SHEET_TYPES.map((type) => (
          <button
            key={type}
            type="button"
            data-testid={`action-${side}-${type}`}
            aria-label={t('desk.actionFor', { action: t(`event.${type}`), club })}
            onClick={() => onPick(type)}
          >
            <EventIcon type={type} />
            <span>{t(`event.${type}`)}</span>
          </button>
        ))}
      </div>
    </Sheet>
  );
}
