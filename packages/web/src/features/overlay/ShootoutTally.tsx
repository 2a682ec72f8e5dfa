import { useTranslation } from 'react-i18next';
import type { MatchSnapshot, Side } from '@touchline/contract';
import { SHOOTOUT_ROUND } from '@touchline/domain';
import { SIDES } from '../../lib/names.ts';

/** The shootout kick by kick under the bug, from its first kick: ● scored, ✕ missed, ○ still due in the round. */
export function ShootoutTally({ snapshot }: { snapshot: MatchSnapshot }) {
  const { t } = useTranslation();
  const { match } = snapshot;
  const kicks = snapshot.events.filter((e) => e.type === 'shootout_kick').sort((a, b) => Number(a.id) - Number(b.id));
  if (match.period !== 'penalties' && kicks.length === 0) return null;
  const bySide = (side: Side) => kicks.filter((k) => k.side === side);
  const columns = Math.max(SHOOTOUT_ROUND, ...SIDES.map((side) => bySide(side).length));
  return (
    <div className="ob-shootout" data-testid="overlay-shootout" role="group" aria-label={t('shootout.title')}>
      {SIDES.map((side) => {
        const own = bySide(side);
        const club = match[side === 'home' ? 'homeClub' : 'awayClub'];
        return (
          <p key={side} className="ob-shootout-side" data-testid={`overlay-shootout-${side}`}>
            <abbr title={club.name}>{club.shortName}</abbr>
            <span className="ob-kicks">
              {Array.from({ length: columns }, (_, i) => {
                const kick = own[i];
                const state = kick ? (kick.scored ? 'scored' : 'missed') : 'due';
                return (
                  <span key={i} className={`ob-kick ${state}`} data-kick={state}>
                    <span aria-hidden="true">{kick ? (kick.scored ? '●' : '✕') : '○'}</span>
                    <span className="visually-hidden">{t(`shootout.${state}`)}</span>
                  </span>
                );
              })}
            </span>
            <span className="ob-shootout-score" data-testid="overlay-shootout-score">
              {match.shootout?.[side] ?? 0}
            </span>
          </p>
        );
      })}
    </div>
  );
}
