import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../lib/api.ts';
import { FormStatus } from './ServerError.tsx';
import type { Action } from './use-action.ts';

/**
 * The foot of an admin form: what its last write said, then submit (disabled while the write runs, and reading
 * `busyLabel` then when given) and close. `details` stand between the two, such as a refused file's rows;
 * `children` are more buttons after close.
 */
export function FormFooter({
  action,
  submitLabel,
  busyLabel,
  disabled = false,
  testId,
  error = action.error,
  onCancel,
  details,
  children,
}: {
  action: Action<[]>;
  submitLabel: string;
  busyLabel?: string;
  disabled?: boolean;
  testId?: string;
  /** What the status line shows, when more than the submit's action may fail (a delete beside it). */
  error?: ApiError | undefined;
  /** Shows close; a form that stays on its page has none. */
  onCancel?: (() => void) | undefined;
  details?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <FormStatus error={error} done={action.done} />
      {details}
      <div className="button-row">
        <button type="submit" className="primary" disabled={action.busy || disabled} data-testid={testId}>
          {action.busy && busyLabel ? busyLabel : submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('admin.common.close')}
          </button>
        )}
        {children}
      </div>
    </>
  );
}
