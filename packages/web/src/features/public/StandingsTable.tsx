import { useTranslation } from 'react-i18next';
import type { Standings } from '@touchline/contract';
import { Link } from '../../lib/router.tsx';
import { HyphenatedName } from '../../ui/HyphenatedName.tsx';

/** One table per group, with the clubs' full names. */
export function StandingsTable({ standings }: { standings: Standings }) {
  const { t } = useTranslation();
  const columns = ['played', 'won', 'drawn', 'lost', 'goals', 'goalDifference', 'points'] as const;
  return (
    <>
      {standings.groups.map((g, i) => (
        <div className="table-scroll" key={g.groupId ?? i}>
          <table className="standings" data-testid="standings">
            <caption className={g.label ? undefined : 'visually-hidden'}>{g.label ?? t('season.table')}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <abbr title={t('season.col.position')}>#</abbr>
                </th>
                <th scope="col">{t('season.col.club')}</th>
                {columns.map((c) => (
                  <th scope="col" key={c} className={`col-${c}`}>
                    <abbr title={t(`season.col.${c}`)}>{t(`season.short.${c}`)}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {g.rows.map((r) => (
                <tr key={r.club.id}>
                  <td>{r.position}</td>
                  <th scope="row" className="standings-club">
                    <Link to={`/clubs/${r.club.id}`}>
                      <HyphenatedName name={r.club.name} />
                    </Link>
                  </th>
                  <td>{r.played}</td>
                  <td>{r.won}</td>
                  <td>{r.drawn}</td>
                  <td>{r.lost}</td>
                  <td className="col-goals">
                    {r.goalsFor}–{r.goalsAgainst}
                  </td>
                  <td>{r.goalDifference > 0 ? `+${r.goalDifference}` : r.goalDifference}</td>
                  <td className="points">
                    {r.points}
                    {r.deduction ? (
                      <small className="muted" title={t('season.deduction', { count: r.deduction })}>
                        *
                      </small>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}
