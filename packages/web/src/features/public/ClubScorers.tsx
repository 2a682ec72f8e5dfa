import { useTranslation } from 'react-i18next';
import { api } from '../../lib/services.ts';
import { useAsync } from '../../lib/use-async.ts';

/** The club's scorers in each current season it has any in, best first, with the competition named. */
async function loadClubScorers(clubId: string) {
  const { competitions } = await api.competitions();
  const current = competitions.flatMap((c) => c.seasons.filter((s) => s.active).map((s) => ({ c, s })));
  const lists = await Promise.all(
    current.map(async ({ c, s }) => ({
      key: s.id,
      title: `${c.name} · ${s.name}`,
      players: (await api.seasonPlayers(s.id)).players.filter(
        (p) => p.club.id === clubId && (p.goals > 0 || p.assists > 0),
      ),
    })),
  );
  return lists.filter((l) => l.players.length > 0);
}

/** Goals and assists of the club's players this season; nothing at all until someone has scored. */
export function ClubScorers({ clubId }: { clubId: string }) {
  const { t } = useTranslation();
  const data = useAsync(() => loadClubScorers(clubId), [clubId]);
  if (!data.data?.length) return null;
  return (
    <>
      {data.data.map((list) => (
        <section key={list.key} aria-labelledby={`club-scorers-${list.key}`} data-testid="club-scorers">
          <h2 id={`club-scorers-${list.key}`}>
            {t('season.scorers')}: {list.title}
          </h2>
          <ul className="squad">
            {list.players.map((p) => (
              <li key={p.playerId}>
                {p.firstName} {p.lastName} — {t('club.goalsAndAssists', { goals: p.goals, assists: p.assists })}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
