import { useTranslation } from 'react-i18next';
import type { SeasonPlayers } from '@touchline/contract';
import { Link } from '../../lib/router.tsx';
import { HyphenatedName } from '../../ui/HyphenatedName.tsx';

/** Scorers shown on the season page: the first ten, so the fixtures stay within reach on a phone. */
const TOP = 10;

/**
 * The season's scorers (goals, then assists; players of the match too) and the players banned for their club's next
 * matches. Clubs go by their full names: two of them may share an abbreviation.
 */
export function SeasonPlayersPanel({ data }: { data: SeasonPlayers }) {
  const { t } = useTranslation();
  const scorers = data.players.filter((p) => p.goals > 0 || p.assists > 0 || p.playerOfMatch > 0).slice(0, TOP);
  return (
    <>
      <section aria-labelledby="scorers-title">
        <h2 id="scorers-title">{t('season.scorers')}</h2>
        {scorers.length === 0 ? (
          <p className="muted">{t('season.noScorers')}</p>
        ) : (
          <div className="table-scroll">
            <table className="standings" data-testid="scorers">
              <thead>
                <tr>
                  <th scope="col">{t('season.player')}</th>
                  <th scope="col">{t('season.col.club')}</th>
                  <th scope="col">
                    <abbr title={t('season.goalsLong')}>{t('season.goals')}</abbr>
                  </th>
                  <th scope="col">
                    <abbr title={t('season.assistsLong')}>{t('season.assists')}</abbr>
                  </th>
                  <th scope="col">
                    <abbr title={t('season.appsLong')}>{t('season.apps')}</abbr>
                  </th>
                  <th scope="col">
                    <abbr title={t('season.motmLong')}>{t('season.motm')}</abbr>
                  </th>
                </tr>
              </thead>
              <tbody>
                {scorers.map((p) => (
                  <tr key={`${p.playerId}:${p.club.id}`}>
                    <th scope="row">
                      {p.firstName} {p.lastName}
                    </th>
                    <td>
                      <Link to={`/clubs/${p.club.id}`}>
                        <HyphenatedName name={p.club.name} />
                      </Link>
                    </td>
                    <td className="points">
                      {p.goals}
                      {p.penaltyGoals > 0 && (
                        <small className="muted"> ({t('season.fromPenalties', { count: p.penaltyGoals })})</small>
                      )}
                    </td>
                    <td>{p.assists}</td>
                    <td>{p.appearances}</td>
                    <td data-testid="player-of-match">{p.playerOfMatch}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="bans-title">
        <h2 id="bans-title">{t('season.suspensions')}</h2>
        {data.suspensions.length === 0 ? (
          <p className="muted">{t('season.noSuspensions')}</p>
        ) : (
          <ul className="plain-list" data-testid="suspensions">
            {data.suspensions.map((b) => (
              <li key={`${b.playerId}:${b.reason}`}>
                <strong>
                  {b.firstName} {b.lastName}
                </strong>{' '}
                ({b.club.name}) — {t(`season.banReason.${b.reason}`)},{' '}
                {t('season.matchesLeft', { count: b.matchesRemaining })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
