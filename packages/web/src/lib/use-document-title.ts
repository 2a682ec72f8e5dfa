import { useEffect } from 'react';

const APP = 'Touchline';

/** "<title> · Touchline" in the browser's tab while the page is open; the previous title comes back after. */
export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    if (!title) return;
    const before = document.title;
    document.title = `${title} · ${APP}`;
    return () => {
      document.title = before;
    };
  }, [title]);
}
