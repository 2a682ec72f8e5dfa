import { useTranslation } from 'react-i18next';
import type { MatchSummary } from '@touchline/contract';
import { liveMinute } from '../lib/clock.ts';
import { minuteLabel } from '../lib/event-text.ts';
import { useNow } from '../lib/use-now.ts';

/** The running minute of a live match on its card ("37'", "45+2'", "HT"), by the match page's clock rule. */
export function LiveMinute({ match }: { match: MatchSummary }) {
  const { t } = useTranslation();
  const reading = liveMinute(match, useNow());
  if (!reading) return null;
  return (
    <span className="live-minute" data-testid="live-minute" title={t('fanPages.liveMinute')}>
      {'stopped' in reading ? t(`fanPages.stopped.${reading.stopped}`) : minuteLabel(reading)}
    </span>
  );
}
