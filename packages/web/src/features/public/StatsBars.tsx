import { useTranslation } from 'react-i18next';
import type { SideStats } from '@touchline/contract';
import { COUNTER_METRICS } from '@touchline/contract/constants';
import { CARD_METRICS } from '../../lib/names.ts';

const SHOWN = [...COUNTER_METRICS, ...CARD_METRICS];

/** Each statistic as two bars that meet in the middle, in proportion to the two teams' values. */
export function StatsBars({ stats }: { stats: SideStats }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="stats-bars-title">
      <h2 id="stats-bars-title">{t('stats.title')}</h2>
      <dl className="stats-bars">
        {SHOWN.map((metric) => {
          const home = stats.home[metric];
          const away = stats.away[metric];
          const total = home + away;
          const share = total === 0 ? 0 : (100 * home) / total;
          return (
            <div key={metric} className="stats-bar-row" data-testid={`stats-bar-${metric}`}>
              <dt>{t(`stats.${metric}`)}</dt>
              <dd>
                <span className="stat-value">{home}</span>
                <span className={total ? 'bar has-values' : 'bar'} aria-hidden="true">
                  <span className="bar-home" style={{ width: `${share}%` }} />
                </span>
                <span className="stat-value">{away}</span>
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
