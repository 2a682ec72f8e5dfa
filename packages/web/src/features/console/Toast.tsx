import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export interface ToastMessage {
  text: string;
  action?: { label: string; run(): void };
}

const SHOW_MS = 10_000;

/** A short-lived note with an optional action: "Goal recorded · Add assist", "Event deleted · Undo". */
export function Toast({ toast, onClose }: { toast: ToastMessage; onClose(): void }) {
  const { t } = useTranslation();
  useEffect(() => {
    const timer = setTimeout(onClose, SHOW_MS);
    return () => clearTimeout(timer);
  }, [toast, onClose]);
  return (
    <div className="toast" role="status" data-testid="toast">
      <span>{toast.text}</span>
      {toast.action && (
        <button
          type="button"
          onClick={() => {
            toast.action!.run();
            onClose();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" aria-label={t('common.close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
