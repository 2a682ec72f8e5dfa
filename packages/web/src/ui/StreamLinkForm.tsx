import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { streamLink } from '@touchline/domain';
import { ApiError } from '../lib/api.ts';
import './stream-form.css';

/**
 * The match's video link, for the operator's console and the admin's match screen (decision 042). The domain's rule
 * answers at once while typing; the server checks the same rule again.
 */
export function StreamLinkForm({
  current,
  save,
}: {
  current: string | undefined;
  save: (streamUrl: string | null) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(current ?? '');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ error: boolean; text: string }>();
  useEffect(() => setDraft(current ?? ''), [current]);
  const trimmed = draft.trim();
  const invalid = trimmed !== '' && !streamLink(trimmed);

  const send = async (streamUrl: string | null) => {
    setBusy(true);
    setNote(undefined);
    try {
      await save(streamUrl);
      setNote({ error: false, text: t(streamUrl ? 'stream.form.saved' : 'stream.form.removed') });
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 'network_error';
      setNote({ error: true, text: t(`errors.${code}`, { defaultValue: t('stream.form.failed') }) });
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!invalid) void send(trimmed || null);
  };
  return (
    <form className="stream-form" onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="stream-form">
      <h3 id={`${id}-title`}>{t('stream.form.title')}</h3>
      <label htmlFor={`${id}-url`}>{t('stream.form.label')}</label>
      <input
        id={`${id}-url`}
        type="url"
        inputMode="url"
        autoComplete="off"
        maxLength={500}
        value={draft}
        aria-invalid={invalid}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setDraft(e.target.value)}
      />
      <p id={`${id}-hint`} className={invalid ? 'stream-form-error' : 'muted'}>
        {invalid ? t('errors.stream_url_not_allowed') : t('stream.form.hint')}
      </p>
      <div className="stream-form-buttons">
        <button type="submit" disabled={busy || invalid || trimmed === (current ?? '')}>
          {t('stream.form.save')}
        </button>
        {current && (
          <button type="button" disabled={busy} onClick={() => void send(null)}>
            {t('stream.form.remove')}
          </button>
        )}
      </div>
      {note && (
        <p role={note.error ? 'alert' : 'status'} className={note.error ? 'stream-form-error' : undefined}>
          {note.text}
        </p>
      )}
    </form>
  );
}
