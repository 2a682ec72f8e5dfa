import { useCallback, useState } from 'react';

const KEY = 'touchline.console.outdoor';

const read = () => {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
};

/** The high-contrast outdoor theme, switched by the operator and remembered on this device only. */
export function useOutdoorTheme(): [boolean, () => void] {
  const [on, setOn] = useState(read);
  const toggle = useCallback(() => {
    setOn((was) => {
      try {
        localStorage.setItem(KEY, was ? '0' : '1');
      } catch {
        // Private mode: the switch still works for this visit.
      }
      return !was;
    });
  }, []);
  return [on, toggle];
}
