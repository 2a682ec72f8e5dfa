import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { minuteLabel } from '../../lib/event-text.ts';
import type { OutboxItem, Write } from './outbox.ts';

/** A short account of a write, for the note that says why it was refused. */
function describeWrite(t: TFunction, w: Write): string {
  switch (w.kind) {
    case 'event.create':
      return `${t(`event.${w.body.type}`)} ${minuteLabel(w.body)}`;
    case 'event.update':
      return t('write.update');
    case 'event.delete':
      return t('write.delete');
    case 'stats':
      return `${t(`stats.${w.body.metric}`)} ${w.body.delta > 0 ? '+' : ''}${w.body.delta}`;
    case 'state':
      return w.body.period ? t(`period.${w.body.period}`) : t(`status.${w.body.status}`);
  }
}

interface Props {
  items: readonly OutboxItem[];
  onDismiss(id: string): void;
}

/** Why the server refused writes made with the control this note stands beside; each stays until read. */
export function RefusalNotes({ items, onDismiss }: Props) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <ul className="refused" role="alert">
      {items.map((item) => (
        <li key={item.clientEventId} data-testid="refused-write" data-code={item.error?.code}>
          <strong>{describeWrite(t, item.write)}</strong>:{' '}
          {t(`errors.${item.error?.code}`, { defaultValue: item.error?.message ?? '' })}
          <button type="button" data-testid="refused-dismiss" onClick={() => onDismiss(item.clientEventId)}>
            {t('refused.dismiss')}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Refused writes whose control is no longer on screen (another match, an event deleted since). */
export function RefusedWrites({ items, onDismiss }: Props) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <section className="refused-writes" aria-labelledby="refused-title" data-testid="refused-writes">
      <h3 id="refused-title">{t('refused.title', { count: items.length })}</h3>
      <RefusalNotes items={items} onDismiss={onDismiss} />
    </section>
  );
}
