import { useTranslation } from 'react-i18next';
import { useConnection } from '../lib/services.ts';

/** Online / reconnecting / offline, and how many writes still wait to be sent. */
export function ConnectionIndicator({ pending }: { pending?: number }) {
  const { t } = useTranslation();
  const state = useConnection((s) => s.state);
  return (
    <div
      className={`connection connection-${state}`}
      role="status"
      data-testid="connection-indicator"
      data-state={state}
    >
      <span className="connection-dot" aria-hidden="true" />
      <span>{t(`connection.${state}`)}</span>
      {pending !== undefined && (
        <span
          className={pending > 0 ? 'pending-count has-pending' : 'pending-count'}
          data-testid="pending-count"
          data-count={pending}
        >
          {t('connection.pending', { count: pending })}
        </span>
      )}
    </div>
  );
}
