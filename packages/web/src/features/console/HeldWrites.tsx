import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import type { OutboxItem } from './outbox.ts';

/**
 * Writes someone else made on this phone and has not sent. They go out under that person's login when they sign in
 * here again; the one holding the phone may drop them, after a second tap.
 */
export function HeldWrites({ items, onDiscard }: { items: OutboxItem[]; onDiscard(): void }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  const names = [...new Set(items.map((i) => i.author?.name ?? ''))].join(', ');
  return (
    <section className="refused held" aria-labelledby="held-title" data-testid="held-writes">
      <h3 id="held-title">{t('held.title', { count: items.length, names })}</h3>
      <p>{t('held.hint', { names })}</p>
      <div className="button-row">
        <ConfirmButton
          label={t('held.discard')}
          confirmLabel={t('held.discardYes', { count: items.length })}
          cancelLabel={t('held.keep')}
          onConfirm={onDiscard}
          testId="held-discard"
        />
      </div>
    </section>
  );
}
