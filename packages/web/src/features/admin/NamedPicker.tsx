import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './Field.tsx';
import { Options } from './Options.tsx';
import { ServerError } from './ServerError.tsx';
import { useAction } from './use-action.ts';

/**
 * A venue or referee picker with "add a new one" beside it, so a match can be scheduled at a ground the league has
 * never used without leaving the form.
 */
export function NamedPicker({
  label,
  addLabel,
  options,
  value,
  onChange,
  onCreate,
  error,
}: {
  label: string;
  addLabel: string;
  options: { id: string; name: string }[];
  value: string;
  onChange: (id: string) => void;
  onCreate: (name: string) => Promise<{ id: string; name: string }>;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const create = useAction(async () => {
    const created = await onCreate(name.trim());
    onChange(created.id);
    setName('');
    setAdding(false);
  });
  return (
    <div className="named-picker">
      <Field label={label} error={error}>
        <select value={value} onChange={(e) => onChange(e.target.value)}>
          <Options items={options} text={(o) => o.name} blank={t('admin.common.notSet')} />
        </select>
      </Field>
      {adding ? (
        <div className="inline-form">
          <Field label={addLabel}>
            <input
              maxLength={100}
              value={name}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => {
                // Enter adds this name; it must not submit the match form around it.
                if (e.key === 'Enter') {
                  e.preventDefault();
                  if (name.trim()) void create.run();
                }
              }}
            />
          </Field>
          <button type="button" disabled={!name.trim() || create.busy} onClick={() => void create.run()}>
            {t('admin.common.add')}
          </button>
        </div>
      ) : (
        <button type="button" className="link-button" onClick={() => setAdding(true)}>
          {addLabel}
        </button>
      )}
      {create.error && <ServerError error={create.error} />}
    </div>
  );
}
