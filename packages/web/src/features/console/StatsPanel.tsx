import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterMetric, Side } from '@touchline/contract';
import { COUNTER_METRICS } from '@touchline/contract/constants';
import { counterChange } from '@touchline/domain';
import { CARD_METRICS, SIDES } from '../../lib/names.ts';
import type { MatchView } from './optimistic.ts';
import type { OutboxItem, Write } from './outbox.ts';
import { isStat, refusedAt } from './refusal-place.ts';
import { RefusalNotes } from './RefusedWrites.tsx';

interface Props {
  view: MatchView;
  record(write: Write): void;
  /** Why the server would refuse any ± now, in words; the buttons are disabled then. */
  block?: string | undefined;
  refused: readonly OutboxItem[];
  onDismiss(id: string): void;
}

/** ± counters per side; yellow and red cards are counted from the events, so they are read-only here. */
export function StatsPanel({ view, record, block, refused, onDismiss }: Props) {
  const { t } = useTranslation();
  const bump = (side: Side, metric: CounterMetric, delta: 1 | -1) =>
    record({ kind: 'stats', body: { side, metric, delta } });
  const clubName = (side: Side) => view.match[side === 'home' ? 'homeClub' : 'awayClub'].name;

  return (
    <section className="stats-panel" aria-labelledby="stats-title">
      <h3 id="stats-title">{t('stats.title')}</h3>
      {block && (
        <p className="hint" id="stats-hint" data-testid="stats-hint">
          {block}
        </p>
      )}
      <div className="stats-rows">
        {COUNTER_METRICS.map((metric) => (
          <Fragment key={metric}>
            <div className="stat-row">
              {SIDES.map((side) => {
                const s = view.stats[side];
                const value = s[metric];
                // A − the counter rule refuses (below 0, shots below shots on target) is not offered.
                const lowerable = counterChange(s, metric, -1).ok;
                const label = { metric: t(`stats.${metric}`), club: clubName(side) };
                return (
                  <div className={`stat-cell stat-${side}`} key={side}>
                    <button
                      type="button"
                      data-testid={`stat-${side}-${metric}-dec`}
                      aria-label={t('stats.dec', label)}
                      aria-describedby={block ? 'stats-hint' : undefined}
                      disabled={block !== undefined || !lowerable}
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
                      aria-describedby={block ? 'stats-hint' : undefined}
                      disabled={block !== undefined}
                      onClick={() => bump(side, metric, 1)}
                    >
                      +
                    </button>
                  </div>
                );
              })}
              <span className="stat-name">{t(`stats.${metric}`)}</span>
            </div>
            <RefusalNotes items={refusedAt(refused, view, isStat(metric))} onDismiss={onDismiss} />
          </Fragment>
        ))}
        {CARD_METRICS.map((metric) => (
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
