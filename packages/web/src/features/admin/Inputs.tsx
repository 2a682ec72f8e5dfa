import type { InputHTMLAttributes } from 'react';
import { MIN_PASSWORD } from './catalog.ts';
import { textOrNull } from './forms.ts';

type Props<V> = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: V;
  onChange: (value: V) => void;
};

/** A whole number as typed (kept as text, so a half-typed number stays), with the numeric keypad on a phone. */
export function NumberInput({ onChange, ...rest }: Props<string>) {
  return <input type="number" inputMode="numeric" {...rest} onChange={(e) => onChange(e.target.value)} />;
}

/** Text the API stores trimmed, and as null when empty (forms.ts textOrNull). */
export function OptionalTextInput({ value, onChange, ...rest }: Props<string | null>) {
  return <input {...rest} value={value ?? ''} onChange={(e) => onChange(textOrNull(e.target.value))} />;
}

/** A password set for someone: the contract's minimum length, and never filled in from the browser's own. */
export function NewPasswordInput({ onChange, ...rest }: Props<string>) {
  return (
    <input
      type="password"
      autoComplete="new-password"
      required
      minLength={MIN_PASSWORD}
      maxLength={200}
      {...rest}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
