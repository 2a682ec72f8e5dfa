import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export interface ToastAction {
  label: string;
  testId: string;
  run(): void;
}

export interface ToastMessage {
  text: string;
  actions: ToastAction[];
}

/** Long enough to reach for Undo after a wrong tap, short enough to be gone by the next attack. */
const SHOW_MS = 8_000;

/**
 * A short-lived note with its actions ("Goal recorded · Add assist · Undo"). It sits in its own row of the desk,
 * between the tabs and the goal buttons, so it never covers a control (docs/decisions/038-one-screen-console.md).
 */
export function Toast({ toast, onClose }: { toast: ToastMessage; onClose(): void }) {
  const { t } = useTranslation();
  useEffect(() => {
    const timer = setTimeout(onClose, SHOW_MS);
    return () => clearTimeout(timer);
  }, [toast, onClose]);
  return (
    <div className="toast" role="status" data-testid="toast">
      <span className="toast-text" title={toast.text}>
        {toast.text}
      </span>
      {toast.actions.map((a) => (
        <button
          key={a.testId}
          type="button"
          data-testid={a.testId}
          onClick={() => {
            a.run();
            onClose();
          }}
        >
          {a.label}
        </button>
      ))}
      <button type="button" className="toast-close" aria-label={t('common.close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
