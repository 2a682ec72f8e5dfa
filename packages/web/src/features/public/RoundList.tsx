import { useTranslation } from 'react-i18next';
import type { MatchSummary } from '@touchline/contract';
import { roundName } from '../../lib/round-name.ts';
import { MatchCard } from '../../ui/MatchCard.tsx';

/** Fixtures and results grouped by round, rounds in kick-off order. */
export function RoundList({ matches }: { matches: MatchSummary[] }) {
  const { t, i18n } = useTranslation();
  const rounds = new Map<string, { label: string; matches: MatchSummary[] }>();
  for (const m of matches) {
    const key = m.round?.id ?? '';
    const label = m.round ? roundName(m.round, i18n.language) : t('season.noRound');
    const round = rounds.get(key) ?? { label, matches: [] };
    round.matches.push(m);
    rounds.set(key, round);
  }
  if (rounds.size === 0) return <p className="muted">{t('season.noFixtures')}</p>;
  return (
    <>
      {[...rounds].map(([key, round]) => (
        <section key={key} aria-label={round.label}>
          <h3>{round.label}</h3>
          <ul className="match-list">
            {round.matches.map((m) => (
              <li key={m.id}>
                <MatchCard match={m} to={`/matches/${m.id}`} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
