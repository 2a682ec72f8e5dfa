import { useTranslation } from 'react-i18next';
import type { Side } from '@touchline/contract';
import { SIDES } from '../../lib/names.ts';
import type { MatchView } from './optimistic.ts';
import type { Write } from './outbox.ts';
import { shootoutResult } from '../../lib/shootout-text.ts';
import { kickBlock, shootoutBlock, shootoutTally } from './selectors.ts';

interface Props {
  view: MatchView;
  minute: number;
  /** The judge corrects kicks but never starts the shootout: that is a status change. */
  canStart: boolean;
  record(write: Write): void;
}

/** Kick by kick with a running tally; the start button is disabled with the exact reason when not allowed. */
export function ShootoutPanel({ view, minute, canStart, record }: Props) {
  const { t } = useTranslation();
  const { match } = view;
  const inShootout = match.period === 'penalties' || match.shootout !== undefined;
  if (!canStart && !inShootout) return null;
  const block = shootoutBlock(match);
  const tally = shootoutTally(view);
  const kicks = view.events.filter((e) => e.type === 'shootout_kick');
  const kick = (side: Side, scored: boolean) =>
    record({ kind: 'event.create', body: { type: 'shootout_kick', side, scored, minute } });
  const clubName = (side: Side) => match[side === 'home' ? 'homeClub' : 'awayClub'].name;
  const result = shootoutResult(t, match, tally);
  const waiting = SIDES.find((side) => kickBlock(view, side) === 'shootout_out_of_turn');
  const due = SIDES.find((side) => side !== waiting);
  const kickHint = result ? t('shootout.decided') : waiting && due ? t('shootout.turn', { club: clubName(due) }) : null;

  return (
    <section className="shootout-panel" aria-labelledby="shootout-title" data-testid="shootout-panel">
      <h3 id="shootout-title">{t('shootout.title')}</h3>
      {!inShootout ? (
        <>
          <button
            type="button"
            data-testid="shootout-toggle"
            disabled={block !== null}
            aria-describedby={block ? 'shootout-hint' : undefined}
            onClick={() => record({ kind: 'state', body: { period: 'penalties' } })}
          >
            {t('shootout.start')}
          </button>
          {block && (
            <p className="hint" id="shootout-hint" data-testid="shootout-hint" data-reason={block}>
              {t(`shootout.block.${block}`, { home: match.score.home, away: match.score.away })}
            </p>
          )}
        </>
      ) : (
        <>
          <output className="shootout-tally" data-testid="shootout-tally" aria-live="polite">
            {tally.home.scored} : {tally.away.scored}
          </output>
          {SIDES.map((side) => (
            <div className="kick-row" key={side} role="group" aria-label={clubName(side)}>
              <span className="kick-club">{clubName(side)}</span>
              <ol className="kick-marks" aria-label={t('shootout.kicks')}>
                {kicks
                  .filter((k) => k.side === side)
                  .map((k) => (
                    <li key={k.id} className={k.scored ? 'kick scored' : 'kick missed'}>
                      {t(k.scored ? 'shootout.scored' : 'shootout.missed')}
                    </li>
                  ))}
              </ol>
              {([true, false] as const).map((scored) => {
                const result = t(scored ? 'shootout.scored' : 'shootout.missed');
                return (
                  <button
                    key={String(scored)}
                    type="button"
                    data-testid={`kick-${side}-${scored ? 'scored' : 'missed'}`}
                    aria-label={t('shootout.kickFor', { result, club: clubName(side) })}
                    disabled={kickBlock(view, side) !== null}
                    aria-describedby={kickHint ? 'kick-hint' : undefined}
                    onClick={() => kick(side, scored)}
                  >
                    {result}
                  </button>
                );
              })}
            </div>
          ))}
          {result && (
            <p className="shootout-result" data-testid="shootout-result">
              {result}
            </p>
          )}
          {kickHint && (
            <p className="hint" id="kick-hint" data-testid="kick-hint">
              {kickHint}
            </p>
          )}
        </>
      )}
    </section>
  );
}
