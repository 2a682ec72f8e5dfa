import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from './outbox.ts';

/**
 * Writes someone else made on this phone and has not sent. They go out under that person's login when they sign in
 * here again; the one holding the phone may drop them, after a second tap.
 */
export function HeldWrites({ items, onDiscard }: { items: OutboxItem[]; onDiscard(): void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (items.length === 0) return null;
  const names = [...new Set(items.map((i) => i.author?.name ?? ''))].join(', ');
  return (
    <section className="refused held" aria-labelledby="held-title" data-testid="held-writes">
      <h3 id="held-title">{t('held.title', { count: items.length, names })}</h3>
      <p>{t('held.hint', { names })}</p>
      <div className="button-row">
        {asking ? (
          <>
            <button type="button" className="danger" onClick={onDiscard} data-testid="held-discard-yes">
              {t('held.discardYes', { count: items.length })}
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              {t('held.keep')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setAsking(true)} data-testid="held-discard">
            {t('held.discard')}
          </button>
        )}
      </div>
    </section>
  );
}
