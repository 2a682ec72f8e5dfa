import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotifyKind } from '@touchline/contract';
import { NOTIFY_KINDS, REMINDER_CHOICES } from '@touchline/contract/constants';
import { useFollows } from '../../lib/follows.ts';
import { Loading } from '../../ui/Feedback.tsx';
import './follows.css';

/**
 * What a fan hears about (decision 035): the kinds and the reminder's lead time, for a Telegram fan's account or this
 * browser's push subscription. Follows themselves are set on the club and match pages.
 */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const { mode, follows, kinds, reminderMinutes, paused, busy, failed, load, saveSettings } = useFollows();
  const [chosen, setChosen] = useState<NotifyKind[]>(kinds);
  const [minutes, setMinutes] = useState(reminderMinutes);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (mode === 'loading') void load();
  }, [mode, load]);
  useEffect(() => {
    setChosen(kinds);
    setMinutes(reminderMinutes);
  }, [kinds, reminderMinutes]);

  if (mode === 'loading') return <Loading />;
  const title = <h1 id="notifications-title">{t('notifications.title')}</h1>;
  if (mode !== 'telegram' && mode !== 'push') {
    return (
      <article className="notifications-page" aria-labelledby="notifications-title">
        {title}
        <p>{t(mode === 'staff' ? 'notifications.staff' : `follow.${mode}`)}</p>
      </article>
    );
  }
  // A browser has no identity until its first follow subscribes it.
  const noSubscription = mode === 'push' && follows.length === 0;
  const toggle = (kind: NotifyKind, on: boolean) => {
    setSaved(false);
    setChosen((prev) =>
      on ? NOTIFY_KINDS.filter((k) => k === kind || prev.includes(k)) : prev.filter((k) => k !== kind),
    );
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await saveSettings(chosen, minutes);
    setSaved(!useFollows.getState().failed);
  };
  const clubs = follows.filter((f) => f.target === 'club').length;
  const matches = follows.length - clubs;
  return (
    <article className="notifications-page" aria-labelledby="notifications-title">
      {title}
      <p className="muted" data-testid="notifications-following">
        {t('notifications.following', { clubs, matches })}
      </p>
      {paused && (
        <p role="status" className="notifications-paused">
          {t('notifications.paused')}
        </p>
      )}
      {noSubscription ? (
        <p>{t('notifications.followFirst')}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <fieldset>
            <legend>{t('notifications.kinds')}</legend>
            {NOTIFY_KINDS.map((kind) => (
              <label key={kind} className="checkbox notify-kind">
                <input
                  type="checkbox"
                  checked={chosen.includes(kind)}
                  onChange={(e) => toggle(kind, e.target.checked)}
                  data-testid={`notify-kind-${kind}`}
                />
                {t(`notifications.kind.${kind}`)}
              </label>
            ))}
          </fieldset>
          {chosen.includes('reminder') && (
            <label className="notify-reminder">
              {t('notifications.reminder')}
              <select
                value={minutes}
                onChange={(e) => {
                  setSaved(false);
                  setMinutes(Number(e.target.value));
                }}
                data-testid="notify-reminder"
              >
                {[...new Set([...REMINDER_CHOICES, minutes])]
                  .sort((a, b) => a - b)
                  .map((m) => (
                    <option key={m} value={m}>
                      {m % 60 === 0
                        ? t('notifications.hours', { count: m / 60 })
                        : t('notifications.minutes', { count: m })}
                    </option>
                  ))}
              </select>
            </label>
          )}
          <button type="submit" className="primary notify-save" disabled={busy} data-testid="notify-save">
            {t('notifications.save')}
          </button>
          <p role="status" data-testid="notify-status">
            {failed ? t('follow.failed') : saved ? t('notifications.saved') : ''}
          </p>
        </form>
      )}
    </article>
  );
}
