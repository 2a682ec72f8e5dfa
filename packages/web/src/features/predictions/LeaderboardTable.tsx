import { useTranslation } from 'react-i18next';
import type { LeaderboardEntry } from '@touchline/contract';

/** Rank, fan, points and right picks; the signed-in fan's own line is marked. Names are React text: inert. */
export function LeaderboardTable({ entries, me }: { entries: LeaderboardEntry[]; me: LeaderboardEntry | null }) {
  const { t } = useTranslation();
  const rows = me && !entries.some((e) => e.fan.id === me.fan.id) ? [...entries, me] : entries;
  return (
    <table className="leaderboard-table" data-testid="leaderboard">
      <caption className="visually-hidden">{t('predictions.leaderboard')}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t('predictions.fan')}</th>
          <th scope="col">{t('predictions.pointsColumn')}</th>
          <th scope="col">{t('predictions.correctColumn')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => (
          <tr key={e.fan.id} aria-current={e.fan.id === me?.fan.id ? 'true' : undefined}>
            <td>{e.rank}</td>
            <td>{e.fan.name}</td>
            <td>{e.points}</td>
            <td>{e.correct}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
