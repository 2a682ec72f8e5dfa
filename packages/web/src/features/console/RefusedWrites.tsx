import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { minuteLabel } from '../../lib/event-text.ts';
import type { OutboxItem, Write } from './outbox.ts';

/** A short account of a write, for the list of refused ones. */
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

/** Writes the server refused: each stays, with its reason, until the operator has read it. */
export function RefusedWrites({ items, onDismiss }: { items: OutboxItem[]; onDismiss(id: string): void }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <section className="refused" role="alert" aria-labelledby="refused-title" data-testid="refused-writes">
      <h3 id="refused-title">{t('refused.title', { count: items.length })}</h3>
      <ul>
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
    </section>
  );
}
