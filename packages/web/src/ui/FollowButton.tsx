import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowTarget } from '@touchline/contract';
import { useFollows } from '../lib/follows.ts';
import { Link } from '../lib/router.tsx';

/**
 * Follow a club or a match (decision 035): one large toggle a thumb reaches, its state from the server. When this
 * browser cannot be notified the control says so instead.
 */
export function FollowButton({ target, id, name }: { target: FollowTarget; id: string; name: string }) {
  const { t } = useTranslation();
  const { mode, follows, busy, failed, load, toggle } = useFollows();
  useEffect(() => {
    if (mode === 'loading') void load();
  }, [mode, load]);
  if (mode === 'staff' || mode === 'loading') return null;
  if (mode === 'unavailable' || mode === 'blocked') {
    return <p className="follow-note muted">{t(`follow.${mode}`)}</p>;
  }
  const on = follows.some((f) => f.target === target && f.id === id);
  return (
    <span className="follow">
      <button
        type="button"
        className="follow-button"
        aria-pressed={on}
        disabled={busy}
        onClick={() => void toggle(target, id)}
      >
        {t(on ? 'follow.following' : target === 'match' ? 'follow.followMatch' : 'follow.follow')}
        {/* What is followed, for a screen reader: the visible words stay the start of the name. */}
        <span className="visually-hidden">: {name}</span>
      </button>
      {on && (
        <Link to="/notifications" className="follow-settings">
          {t('follow.settings')}
        </Link>
      )}
      {failed && <span role="alert">{t('follow.failed')}</span>}
    </span>
  );
}
