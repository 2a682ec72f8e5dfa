import { useTranslation } from 'react-i18next';
import type { FixtureWarning } from '@touchline/contract';
import { formatKickoff } from '../../lib/time.ts';

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
