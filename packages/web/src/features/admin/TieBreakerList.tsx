import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TieBreakerName } from '@touchline/contract';
import { moveItem, unusedTieBreakers } from './tie-breakers.ts';
import { Options } from './Options.tsx';

/**
 * The ordered tie-breakers as a list with up, down and remove buttons, and a picker to add the unused ones. Buttons,
 * not drag and drop, so it works with a keyboard, a screen reader and a thumb alike.
 */
export function TieBreakerList({
  value,
  onChange,
  error,
}: {
  value: TieBreakerName[];
  onChange: (next: TieBreakerName[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const unused = unusedTieBreakers(value);
  const [adding, setAdding] = useState<TieBreakerName | ''>('');
  const [said, setSaid] = useState('');
  const name = (b: TieBreakerName) => t(`admin.tieBreaker.${b}`);
  const move = (i: number, delta: number) => {
    onChange(moveItem(value, i, delta));
    setSaid(t('admin.tieBreakers.moved', { name: name(value[i]!), position: i + delta + 1 }));
  };
  return (
    <fieldset className="tie-breakers" aria-describedby={error ? 'tie-breakers-error' : undefined}>
      <legend>{t('admin.tieBreakers.title')}</legend>
      <ol data-testid="tie-breakers">
        {value.map((b, i) => (
          <li key={b} data-breaker={b}>
            <span className="tie-breaker-name">{name(b)}</span>
            <span className="button-row">
              <button
                type="button"
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={t('admin.tieBreakers.up', { name: name(b) })}
              >
                ↑
              </button>
              <button
                type="button"
                disabled={i === value.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t('admin.tieBreakers.down', { name: name(b) })}
              >
                ↓
              </button>
              <button
                type="button"
                disabled={value.length === 1}
                onClick={() => onChange(value.filter((x) => x !== b))}
                aria-label={t('admin.tieBreakers.remove', { name: name(b) })}
              >
                ×
              </button>
            </span>
          </li>
        ))}
      </ol>
      {unused.length > 0 && (
        <div className="inline-form">
          <label>
            {t('admin.tieBreakers.add')}
            <select value={adding} onChange={(e) => setAdding(e.target.value as TieBreakerName | '')}>
              <Options items={unused} text={(b) => name(b)} blank="—" />
            </select>
          </label>
          <button
            type="button"
            disabled={!adding}
            onClick={() => {
              if (adding) onChange([...value, adding]);
              setAdding('');
            }}
          >
            {t('admin.common.add')}
          </button>
        </div>
      )}
      {error && (
        <small id="tie-breakers-error" className="field-error">
          {error}
        </small>
      )}
      <span className="visually-hidden" aria-live="polite">
        {said}
      </span>
    </fieldset>
  );
}
