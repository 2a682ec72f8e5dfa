import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../lib/api.ts';
import type { AsyncState } from '../../lib/use-async.ts';
import { Loading } from '../../ui/Feedback.tsx';

/**
 * A refused write in words: ours for its code (the code itself only in data-code, for support and tests), and the
 * server's own message only for a code we have no words for; validation issues are listed under it.
 */
export function ServerError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useTranslation();
  const text = t(`admin.errors.${error.code}`, { defaultValue: t(`errors.${error.code}`, { defaultValue: '' }) });
  const issues = Array.isArray(error.details?.issues)
    ? (error.details.issues as { path?: string; message?: string }[])
    : [];
  return (
    <div className="error-note server-error" role="alert" data-testid="server-error" data-code={error.code}>
      <p>
        <strong>{text || t('admin.errors.unknown')}</strong>
        {!text && error.message && <span className="muted"> {error.message}</span>}
      </p>
      {issues.length > 0 && (
        <ul>
          {issues.map((i, n) => (
            <li key={n}>
              <code>{i.path || '/'}</code> {i.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** What a form says after a write: the error, or the success note in a live region that is always there. */
export function FormStatus({ error, done }: { error?: ApiError | undefined; done?: string | undefined }) {
  return (
    <>
      {error && <ServerError error={error} />}
      <p className="ok form-done" role="status" data-testid="form-done">
        {error ? '' : (done ?? '')}
      </p>
    </>
  );
}

/** How a screen's load stands: its refusal with a retry, a spinner until the first data, then nothing. */
export function LoadStatus({ state }: { state: Pick<AsyncState<unknown>, 'data' | 'error' | 'reload'> }) {
  if (state.error) return <ServerError error={state.error} onRetry={state.reload} />;
  return state.data === undefined ? <Loading /> : null;
}
