import { useTranslation } from 'react-i18next';
import type { LineupEntry, MatchSnapshot } from '@touchline/contract';
import { fullName, SIDES } from '../../lib/names.ts';
import { HyphenatedName } from '../../ui/HyphenatedName.tsx';

function Group({ title, players }: { title: string; players: LineupEntry[] }) {
  if (players.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul>
        {players.map((p) => (
          <li key={p.playerId}>
            <span className="shirt">{p.shirtNumber}</span> {fullName(p)}
            {p.position && <small className="muted"> · {p.position}</small>}
          </li>
        ))}
      </ul>
    </>
  );
}

export function Lineups({ snapshot }: { snapshot: MatchSnapshot }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="lineups-title">
      <h2 id="lineups-title">{t('matchPage.lineups')}</h2>
      <div className="lineups">
        {SIDES.map((side) => {
          const players = [...snapshot.lineups[side]].sort((a, b) => a.shirtNumber - b.shirtNumber);
          return (
            <div key={side} className="lineup-column">
              <h3>
                <HyphenatedName name={snapshot.match[side === 'home' ? 'homeClub' : 'awayClub'].name} />
              </h3>
              {players.length === 0 && <p className="muted">{t('matchPage.noLineup')}</p>}
              <Group title={t('lineup.starters')} players={players.filter((p) => p.role === 'starter')} />
              <Group title={t('lineup.substitutes')} players={players.filter((p) => p.role === 'substitute')} />
            </div>
          );
        })}
      </div>
    </section>
  );
}
