import { useTranslation } from 'react-i18next';
import type { MatchSnapshot, Side } from '@touchline/contract';
import { reduceEvents, SHOOTOUT_ROUND, shootoutCountOf } from '@touchline/domain';
import { SIDES } from '../../lib/names.ts';
import { shootoutResult } from '../../lib/shootout-text.ts';

/** The shootout kick by kick, one row per side, and the winner once it is decided; kicks have no match minute. */
export function ShootoutGrid({ snapshot }: { snapshot: MatchSnapshot }) {
  const { t } = useTranslation();
  const kicks = snapshot.events.filter((e) => e.type === 'shootout_kick').sort((a, b) => Number(a.id) - Number(b.id));
  if (kicks.length === 0) return null;
  const { match } = snapshot;
  const result = shootoutResult(t, match, shootoutCountOf(reduceEvents(kicks)));
  const bySide = (side: Side) => kicks.filter((k) => k.side === side);
  const columns = Math.max(SHOOTOUT_ROUND, ...SIDES.map((side) => bySide(side).length));
  return (
    <section aria-labelledby="shootout-grid-title" data-testid="shootout-grid">
      <h2 id="shootout-grid-title">{t('shootout.title')}</h2>
      {SIDES.map((side) => {
        const own = bySide(side);
        const club = match[side === 'home' ? 'homeClub' : 'awayClub'].name;
        return (
          <div className="shootout-side" key={side} role="group" aria-label={club} data-testid={`shootout-row-${side}`}>
            <p className="shootout-club">{club}</p>
            <ol className="shootout-kicks">
              {Array.from({ length: columns }, (_, i) => {
                const kick = own[i];
                const state = kick ? (kick.scored ? 'scored' : 'missed') : 'due';
                return (
                  <li key={i} className={`kick-cell ${state}`} {...(kick ? { 'data-kick': state } : {})}>
                    <span aria-hidden="true">{kick ? (kick.scored ? '●' : '✕') : i + 1}</span>
                    <span className="visually-hidden">{t(`shootout.${state}`)}</span>
                  </li>
                );
              })}
            </ol>
          </div>
        );
      })}
      {result && (
        <p className="shootout-result" data-testid="shootout-result">
          {result}
        </p>
      )}
    </section>
  );
}
