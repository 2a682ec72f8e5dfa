import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The editor beside the list at a desk, above it on a phone: brought into view with its first field focused. */
function EditorPanel({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.scrollIntoView?.({ block: 'nearest' });
    el.querySelector<HTMLElement>('input, select, textarea')?.focus({ preventScroll: true });
  }, []);
  return (
    <aside className="admin-editor" ref={ref}>
      {children}
    </aside>
  );
}

/**
 * An admin list with its editor, when one is open (admin.css `.admin-split`). A new `editorKey` opens a fresh
 * editor, so switching rows never carries one row's draft to the next.
 */
export function ListWithEditor({
  editor,
  editorKey,
  children,
}: {
  editor?: ReactNode;
  editorKey?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="admin-split">
      {editor && <EditorPanel key={editorKey}>{editor}</EditorPanel>}
      {children}
    </div>
  );
}

/** A row's button that opens the row in the editor; `label` names the row for a screen reader. */
export function EditButton({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" onClick={onClick} aria-label={label}>
      {t('admin.common.edit')}
    </button>
  );
}
