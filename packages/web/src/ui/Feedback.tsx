import { useTranslation } from 'react-i18next';
import type { ApiError } from '../lib/api.ts';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status" aria-busy="true">
      {t('common.loading')}
    </p>
  );
}

/** An API error in words: our translation of its code where we have one, else the server's sentence. */
export function ErrorNote({ error, onRetry }: { error: Pick<ApiError, 'code' | 'message'>; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="error-note" role="alert">
      <span>{t(`errors.${error.code}`, { defaultValue: error.message })}</span>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
