import { useState } from 'react';

/**
 * Which row of an admin list is open in its editor ('new' for a blank one), and what a save does there: `upsert`
 * puts the saved row in the list, and a new row stays open as itself with a notice that it was created.
 */
export function useListEditor<T extends { id: string }>(
  rows: readonly T[] | undefined,
  upsert: (saved: T) => void,
  createdNotice: (saved: T) => string,
) {
  const [editing, setEditing] = useState<string>();
  const [notice, setNotice] = useState('');
  const current = rows?.find((r) => r.id === editing);
  const saved = (row: T) => {
    upsert(row);
    if (editing === 'new') {
      setNotice(createdNotice(row));
      setEditing(row.id);
    }
  };
  return {
    editing,
    current,
    /** The editor has something to show: a blank form, or a row still in the list. */
    open: editing === 'new' || current !== undefined,
    edit: setEditing,
    close: () => setEditing(undefined),
    saved,
    notice,
    setNotice,
  };
}
