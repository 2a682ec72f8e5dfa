import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A destructive action in two steps: the button, then "Yes, …" or Cancel, so one stray tap changes nothing. */
export function ConfirmButton({
  label,
  confirmLabel,
  ariaLabel,
  cancelLabel,
  busy = false,
  onConfirm,
  testId,
}: {
  label: string;
  confirmLabel: string;
  ariaLabel?: string;
  /** The second button, which takes the question back; "Cancel" unless a clearer word fits. */
  cancelLabel?: string;
  busy?: boolean;
  onConfirm: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" onClick={() => setAsking(true)} aria-label={ariaLabel} data-testid={testId}>
        {label}
      </button>
    );
  return (
    <>
      <button
        type="button"
        className="danger"
        disabled={busy}
        onClick={onConfirm}
        data-testid={testId ? `${testId}-yes` : undefined}
      >
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {cancelLabel ?? t('common.cancel')}
      </button>
    </>
  );
}
