import { useTranslation } from 'react-i18next';
import type { CounterMetric, Side } from '@touchline/contract';
import { SIDES } from '../../lib/names.ts';
import type { MatchView } from './optimistic.ts';
import type { Write } from './outbox.ts';

export const METRICS = [
  'shots',
  'shots_on_target',
  'corners',
  'fouls',
  'offsides',
  'saves',
] as const satisfies readonly CounterMetric[];

interface Props {
  view: MatchView;
  record(write: Write): void;
}

/** ± counters per side; yellow and red cards are counted from the events, so they are read-only here. */
export function StatsPanel({ view, record }: Props) {
  const { t } = useTranslation();
  const bump = (side: Side, metric: CounterMetric, delta: 1 | -1) =>
    record({ kind: 'stats', body: { side, metric, delta } });
  const clubName = (side: Side) => view.match[side === 'home' ? 'homeClub' : 'awayClub'].name;

  return (
    <section className="stats-panel" aria-labelledby="stats-title">
      <h3 id="stats-title">{t('stats.title')}</h3>
      <div className="stats-rows">
        {METRICS.map((metric) => (
          <div className="stat-row" key={metric}>
            {SIDES.map((side) => {
              const s = view.stats[side];
              const value = s[metric];
              // Lowering shots below shots on target is refused by the server, so it is not offered.
              const floor = metric === 'shots' ? s.shots_on_target : 0;
              const label = { metric: t(`stats.${metric}`), club: clubName(side) };
              return (
                <div className={`stat-cell stat-${side}`} key={side}>
                  <button
                    type="button"
                    data-testid={`stat-${side}-${metric}-dec`}
                    aria-label={t('stats.dec', label)}
                    disabled={value <= floor}
                    onClick={() => bump(side, metric, -1)}
                  >
                    −
                  </button>
                  <output data-testid={`stat-${side}-${metric}`} aria-label={t('stats.value', label)}>
                    {value}
                  </output>
                  <button
                    type="button"
                    data-testid={`stat-${side}-${metric}-inc`}
                    aria-label={t('stats.inc', label)}
                    onClick={() => bump(side, metric, 1)}
                  >
                    +
                  </button>
                </div>
              );
            })}
            <span className="stat-name">{t(`stats.${metric}`)}</span>
          </div>
        ))}
        {(['yellow_cards', 'red_cards'] as const).map((metric) => (
          <div className="stat-row derived" key={metric}>
            {SIDES.map((side) => (
              <div className={`stat-cell stat-${side}`} key={side}>
                <output data-testid={`stat-${side}-${metric}`}>{view.stats[side][metric]}</output>
              </div>
            ))}
            <span className="stat-name">{t(`stats.${metric}`)}</span>
          </div>
        ))}
      </div>
    </section>
  );
}
