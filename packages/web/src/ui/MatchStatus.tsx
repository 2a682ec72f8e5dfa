import { useTranslation } from 'react-i18next';
import type { MatchSummary } from '@touchline/contract';

/** "Live · 2nd half", "Full time", "Postponed"… */
export function MatchStatus({ match }: { match: Pick<MatchSummary, 'status' | 'period'> }) {
  const { t } = useTranslation();
  const live = match.status === 'live';
  return (
    <span className={`chip chip-${match.status}`}>
      {live && match.period ? `${t('status.live')} · ${t(`period.${match.period}`)}` : t(`status.${match.status}`)}
    </span>
  );
}
