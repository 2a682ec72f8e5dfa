import { useTranslation } from 'react-i18next';
import type { MatchSummary } from '@touchline/contract';
import { MatchCard } from '../../ui/MatchCard.tsx';
import { Loading } from '../../ui/Feedback.tsx';

/** A list of match cards for a staff screen, each opening that match's desk. */
export function MatchList({
  matches,
  failed,
  linkTo,
  empty,
}: {
  matches: MatchSummary[] | undefined;
  failed: boolean;
  linkTo: (id: string) => string;
  empty: string;
}) {
  const { t } = useTranslation();
  if (failed) return <p role="alert">{t('errors.network_error')}</p>;
  if (!matches) return <Loading />;
  if (matches.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="match-list" data-testid="match-list">
      {matches.map((m) => (
        <li key={m.id}>
          <MatchCard match={m} to={linkTo(m.id)} />
        </li>
      ))}
    </ul>
  );
}
