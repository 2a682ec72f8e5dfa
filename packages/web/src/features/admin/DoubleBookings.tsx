import { useTranslation } from 'react-i18next';
import type { MatchSummary } from '@touchline/contract';
import type { FixtureWarning } from '../../lib/admin-api.ts';
import { formatKickoff } from '../../lib/time.ts';

/** The earliest kick-off of each round, by round id: the date a round is shown with. */
export function firstKickoffs(matches: readonly MatchSummary[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of matches) {
    const round = m.round?.id;
    if (round && !(out.get(round)! <= m.kickoffAt)) out.set(round, m.kickoffAt);
  }
  return out;
}

/** The clubs a generation put on the pitch twice at once, with both kick-offs, so the office can move one. */
export function DoubleBookings({ warnings }: { warnings: readonly FixtureWarning[] }) {
  const { t, i18n } = useTranslation();
  if (warnings.length === 0) return null;
  const when = (iso: string) => formatKickoff(iso, i18n.language);
  return (
    <div className="warning-note" role="status" data-testid="double-bookings">
      <p>{t('admin.fixtures.doubleBooked', { count: warnings.length })}</p>
      <ul>
        {warnings.map((w) => (
          <li key={`${w.club.id}-${w.match.id}-${w.other.id}`}>
            {t('admin.fixtures.doubleBookedClub', {
              club: w.club.name,
              when: when(w.match.kickoffAt),
              other: when(w.other.kickoffAt),
              competition: w.other.competition,
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
