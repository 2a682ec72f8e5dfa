import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchSummary, PredictionAnswer, PredictionBody } from '@touchline/contract';
import { MARKETS, type Market } from '@touchline/domain';
import { ApiError } from '../../lib/api.ts';
import { Link } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.ts';
import { ErrorNote } from '../../ui/Feedback.tsx';
import { HyphenatedName } from '../../ui/HyphenatedName.tsx';
import { predictionsApi } from './predictions-api.ts';
import './predictions.css';

type Option = { key: string; body: PredictionBody; label: ReactNode; picked: boolean };

/**
 * A signed-in fan's prediction for a match (docs/rules.md §9): three markets as large buttons, locked at kick-off
 * by the server's answer, then the points. Re-read whenever the match's status or score moves, so a settlement
 * or a correction shows without a reload. Anonymous visitors of a scheduled match read that it needs the Telegram
 * sign-in.
 */
export function PredictionCard({ match }: { match: MatchSummary }) {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const [card, setCard] = useState<PredictionAnswer>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const isFan = role === 'fan';
  const { home, away } = match.score;

  useEffect(() => {
    if (!isFan) return;
    let live = true;
    predictionsApi.get(match.id).then(
      (a) => live && setCard(a),
      (e: unknown) => live && e instanceof ApiError && setError(e),
    );
    return () => {
      live = false;
    };
  }, [isFan, match.id, match.status, home, away]);

  if (role && !isFan) return null;
  if (!isFan) {
    // An anonymous visitor hears about predictions while they can still be made.
    if (match.status !== 'scheduled') return null;
    return (
      <section className="prediction-card" aria-labelledby="prediction-title">
        <h2 id="prediction-title">{t('predictions.title')}</h2>
        <p className="muted">{t('predictions.signInNote')}</p>
      </section>
    );
  }
  if (!card) return error ? <ErrorNote error={error} /> : null;

  const p = card.prediction;
  const send = async (body: PredictionBody) => {
    setBusy(true);
    setError(undefined);
    try {
      setCard(await predictionsApi.put(match.id, body));
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      // Closed meanwhile: the card shows the server's state, locked.
      setCard(await predictionsApi.get(match.id).catch(() => card));
    } finally {
      setBusy(false);
    }
  };
  const options: Record<Market, Option[]> = {
    // Full names, hyphenated by their language: three-letter codes are not what a fan calls a club.
    result: (['home', 'draw', 'away'] as const).map((r) => ({
      key: r,
      body: { result: r },
      label:
        r === 'draw' ? (
          t('predictions.draw')
        ) : (
          <HyphenatedName name={(r === 'home' ? match.homeClub : match.awayClub).name} />
        ),
      picked: p?.result === r,
    })),
    total: (['over', 'under'] as const).map((v) => ({
      key: v,
      body: { total: v },
      label: t(`predictions.${v}`, { line: p?.total === v && p.totalLine !== null ? p.totalLine : card.line }),
      picked: p?.total === v,
    })),
    bothScore: [true, false].map((v) => ({
      key: String(v),
      body: { bothScore: v },
      label: t(v ? 'predictions.yes' : 'predictions.no'),
      picked: p?.bothScore === v,
    })),
  };
  const settled = p?.settledAt ? p : null;

  return (
    <section className="prediction-card" aria-labelledby="prediction-title" data-testid="prediction-card">
      <h2 id="prediction-title">{t('predictions.title')}</h2>
      <p className="muted" role="status">
        {settled
          ? t('predictions.points', { count: settled.points ?? 0 })
          : card.open
            ? t('predictions.openUntilKickoff')
            : t('predictions.closed')}
      </p>
      {MARKETS.map((m) => (
        <fieldset key={m} className="prediction-market" disabled={!card.open || busy}>
          <legend>
            {t(`predictions.market.${m}`)}
            {settled?.outcome?.[m] !== undefined && (
              <span className={settled.outcome[m] ? 'pick-right' : 'pick-wrong'}>
                {' '}
                {t(settled.outcome[m] ? 'predictions.right' : 'predictions.wrong', { points: card.points[m] })}
              </span>
            )}
          </legend>
          <div className="prediction-options">
            {options[m].map((o) => (
              <button
                key={o.key}
                type="button"
                className="prediction-option"
                aria-pressed={o.picked}
                onClick={() => void send(o.body)}
              >
                {o.label}
              </button>
            ))}
          </div>
        </fieldset>
      ))}
      {error && <ErrorNote error={error} />}
      <p>
        <Link to={`/seasons/${match.seasonId}/predictions`}>{t('predictions.leaderboard')}</Link>
        {' · '}
        <Link to="/me/predictions">{t('predictions.mine')}</Link>
      </p>
    </section>
  );
}
