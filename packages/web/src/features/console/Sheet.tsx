import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  testId: string;
  onCancel(): void;
  children: ReactNode;
  /** An alert dialog (a question before something costly) rather than a plain one. */
  alert?: boolean;
}

/**
 * A bottom sheet: it rises from where the thumb is, holds its own choices and a full-width cancel, and closes on
 * Escape or a tap outside it. The first button takes the focus, so a keyboard lands inside.
 */
export function Sheet({ title, testId, onCancel, children, alert }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const body = useRef<HTMLDivElement>(null);
  // The desk re-renders every second (its clock): the focus and the key handler are set once, not on each render.
  const cancel = useRef(onCancel);
  cancel.current = onCancel;
  useEffect(() => {
    body.current?.querySelector<HTMLElement>('button:not(:disabled), textarea, input')?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && cancel.current();
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="sheet-backdrop" onClick={onCancel}>
      <div
        className="sheet"
        role={alert ? 'alertdialog' : 'dialog'}
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        onClick={(e) => e.stopPropagation()}
      >
        <h3 id={titleId}>{title}</h3>
        <div ref={body}>{children}</div>
        <button type="button" className="sheet-cancel" data-testid="sheet-cancel" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
