import { useTranslation } from 'react-i18next';
import type { MatchSummary, MotmPlayer, Side } from '@touchline/contract';
import { useSession } from '../../lib/session.ts';
import { formatKickoff } from '../../lib/time.ts';
import { useMotm } from './use-motm.ts';
import './motm.css';

/**
 * The player-of-the-match vote on a finished match (decision 042): each player who played is one big button, the
 * fan's vote marked, the votes as bars that move live. Anyone else sees the results and how to vote.
 */
export function MotmPanel({ match }: { match: MatchSummary }) {
  const { t, i18n } = useTranslation();
  const user = useSession((s) => s.user);
  const { tally, failed, busy, vote } = useMotm(match.id);
  // A closed vote nobody took part in (a match from before the vote existed) is not worth the room.
  if (!tally || tally.players.length === 0 || (!tally.open && tally.total === 0)) return null;
  // Once closed, the players who got votes, most first; while open, everyone who may be chosen.
  const shown = tally.open ? tally.players : tally.players.filter((p) => p.votes > 0).sort((a, b) => b.votes - a.votes);
  const canVote = tally.open && user?.role === 'fan' && !tally.myVote;
  const clubs: Record<Side, string> = { home: match.homeClub.name, away: match.awayClub.name };
  const row = (p: MotmPlayer) => {
    const share = tally.total === 0 ? 0 : Math.round((100 * p.votes) / tally.total);
    const mine = tally.myVote === p.playerId;
    const won = tally.winners.includes(p.playerId);
    const label = (
      <>
        <span className="motm-name">
          <span className="motm-number">{p.shirtNumber}</span> {p.firstName} {p.lastName}
          {won && <strong className="motm-badge"> ★ {t('motm.winner')}</strong>}
          {mine && <span className="motm-badge"> ✓ {t('motm.yourVote')}</span>}
        </span>
        <span className="motm-votes">{t('motm.votes', { count: p.votes })}</span>
        <span className="bar has-values motm-bar" aria-hidden="true">
          <span className="bar-home" style={{ width: `${share}%` }} />
        </span>
      </>
    );
    return (
      <li key={p.playerId} className={mine ? 'motm-player mine' : 'motm-player'} data-testid={`motm-${p.playerId}`}>
        {canVote ? (
          <button type="button" className="motm-choice" disabled={busy} onClick={() => void vote(p.playerId)}>
            {label}
          </button>
        ) : (
          <div className="motm-choice">{label}</div>
        )}
      </li>
    );
  };
  return (
    <section className="motm" aria-labelledby="motm-title" data-testid="motm-panel">
      <h2 id="motm-title">{t('motm.title')}</h2>
      <p className="muted" data-testid="motm-status">
        {tally.open && tally.closesAt
          ? t('motm.openUntil', { time: formatKickoff(tally.closesAt, i18n.language) })
          : t('motm.closed')}{' '}
        · {t('motm.total', { count: tally.total })}
      </p>
      {tally.open && !user && <p className="motm-note">{t('motm.signIn')}</p>}
      {tally.open && user && user.role !== 'fan' && <p className="motm-note">{t('motm.fansOnly')}</p>}
      {canVote && <p className="motm-note">{t('motm.pick')}</p>}
      {failed && (
        <p role="alert" className="motm-error">
          {t(`errors.${failed.code}`, { defaultValue: t('motm.failed') })}
        </p>
      )}
      {(['home', 'away'] as const).map((side) => {
        const players = shown.filter((p) => p.side === side);
        return (
          players.length > 0 && (
            <div key={side} className="motm-side">
              <h3>{clubs[side]}</h3>
              <ul className="plain-list motm-list">{players.map(row)}</ul>
            </div>
          )
        );
      })}
    </section>
  );
}
