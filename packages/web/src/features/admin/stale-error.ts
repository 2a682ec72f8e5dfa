import { type FormEvent, useState } from 'react';
import type { ApiError } from '../../lib/api.ts';
import type { Action } from './use-action.ts';

/**
 * A form's submit, and the refusal it got for as long as what caused it is unchanged: editing the form, or the
 * season changing under it (a club added), clears the refusal instead of leaving it beside a form it no longer fits.
 */
export function useErrorOfCause(
  action: Action<[]>,
  cause: string,
): { submit: (e: FormEvent) => void; error?: ApiError } {
  const [tried, setTried] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(cause);
    void action.run();
  };
  return tried === cause && action.error ? { submit, error: action.error } : { submit };
}
