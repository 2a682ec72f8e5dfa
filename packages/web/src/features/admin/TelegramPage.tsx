import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotifyKind } from '@touchline/contract';
import type { TelegramChannelBody } from '../../lib/admin-api.ts';
import { useAsync } from '../../lib/use-async.ts';
import { AdminShell } from './AdminShell.tsx';
import { NOTIFY_KINDS } from './catalog.ts';
import { Field } from './Field.tsx';
import { FormFooter } from './FormFooter.tsx';
import { LoadStatus } from './ServerError.tsx';
import { adminApi } from './services.ts';
import { submitting, useAction } from './use-action.ts';

const EMPTY: TelegramChannelBody = { chatId: '', kinds: ['kickoff', 'goal', 'red_card', 'full_time'], locale: 'ru' };

/** The league's Telegram channel: where the bot posts the league's matches, and which news (docs/protocol.md §7). */
export default function TelegramPage() {
  const { t } = useTranslation();
  const state = useAsync(() => adminApi.telegramChannel(), []);
  const [form, setForm] = useState<TelegramChannelBody>(EMPTY);
  useEffect(() => {
    if (state.data) setForm(state.data.channel ?? EMPTY);
  }, [state.data]);
  const stored = state.data?.channel;

  const save = useAction(async () => {
    const { channel } = await adminApi.putTelegramChannel(form);
    state.mutate(() => ({ channel }));
    return t('admin.common.saved');
  });
  const remove = useAction(async () => {
    await adminApi.deleteTelegramChannel();
    state.mutate(() => ({ channel: null }));
    return t('admin.telegram.removed');
  });
  const toggle = (kind: NotifyKind, on: boolean) =>
    setForm((f) => ({ ...f, kinds: on ? [...(f.kinds ?? []), kind] : (f.kinds ?? []).filter((k) => k !== kind) }));

  return (
    <AdminShell section="telegram" title={t('admin.nav.telegram')}>
      <p className="muted">{t('admin.telegram.intro')}</p>
      <LoadStatus state={state} />
      {state.data && (
        <form className="card" onSubmit={submitting(save)} data-testid="telegram-channel-form">
          <p data-testid="telegram-channel-current">
            {stored ? t('admin.telegram.current', { chatId: stored.chatId }) : t('admin.telegram.none')}
          </p>
          <Field label={t('admin.telegram.chatId')} hint={t('admin.telegram.chatIdHint')}>
            <input
              value={form.chatId}
              onChange={(e) => setForm({ ...form, chatId: e.target.value.trim() })}
              required
              maxLength={40}
              autoComplete="off"
            />
          </Field>
          <fieldset>
            <legend>{t('admin.telegram.kinds')}</legend>
            {NOTIFY_KINDS.map((kind) => (
              <label key={kind} className="checkbox">
                <input
                  type="checkbox"
                  checked={(form.kinds ?? []).includes(kind)}
                  onChange={(e) => toggle(kind, e.target.checked)}
                />{' '}
                {t(`admin.telegram.kind.${kind}`)}
              </label>
            ))}
          </fieldset>
          <Field label={t('admin.telegram.locale')}>
            <select
              value={form.locale ?? 'ru'}
              onChange={(e) => setForm({ ...form, locale: e.target.value as 'ru' | 'en' })}
            >
              <option value="ru">Русский</option>
              <option value="en">English</option>
            </select>
          </Field>
          <FormFooter
            action={save}
            submitLabel={t('admin.common.save')}
            busyLabel={t('admin.common.saving')}
            error={save.error ?? remove.error}
            testId="telegram-channel-save"
          >
            {stored && (
              <button type="button" className="danger" disabled={remove.busy} onClick={() => void remove.run()}>
                {t('admin.telegram.remove')}
              </button>
            )}
          </FormFooter>
          {remove.done && (
            <p className="ok" role="status">
              {remove.done}
            </p>
          )}
        </form>
      )}
    </AdminShell>
  );
}
