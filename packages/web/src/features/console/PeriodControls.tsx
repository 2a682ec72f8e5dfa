import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StateBody } from '@touchline/contract';
import type { MatchView } from './optimistic.ts';
import type { Write } from './outbox.ts';
import { finishBlock, nextStage, periodSteps } from './selectors.ts';
import { Sheet } from './Sheet.tsx';

interface Props {
  view: MatchView;
  record(write: Write): void;
}

const stepLabel = (s: StateBody) => (s.status === 'live' ? 'periodStep.kickOff' : `periodStep.${s.period}`);

/**
 * One row: each button is named for what comes next (kick-off, half-time, …), taken in one tap; full time, which an
 * operator cannot take back, asks twice in a sheet.
 */
export function PeriodControls({ view, record }: Props) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<0 | 1 | 2>(0);
  const steps = periodSteps(view.match);
  const block = finishBlock(view);
  const stage = nextStage(view.match);
  const live = view.match.status === 'live';
  // Before the second half ends full time is simply not offered: a disabled button there only takes room.
  const finishable = live && block !== 'not_allowed';
  const score = `${view.match.score.home} : ${view.match.score.away}`;

  return (
    <section className="period-controls" aria-label={t('desk.periodTitle')}>
      <div className="period-buttons">
        {steps.map((s) => (
          <button
            key={stepLabel(s)}
            type="button"
            className={s.status === 'live' ? 'primary' : undefined}
            data-testid={s.status === 'live' ? 'kick-off' : `period-${s.period}`}
            onClick={() => record({ kind: 'state', body: s })}
          >
            {t(stepLabel(s))}
          </button>
        ))}
        {finishable && (
          <button
            type="button"
            className="danger"
            data-testid="finish-button"
            disabled={block !== null}
            aria-describedby={block ? 'finish-hint' : undefined}
            onClick={() => setConfirming(1)}
          >
            {t('finish.button')}
          </button>
        )}
      </div>
      {stage && (
        <p className="hint" data-testid="next-stage" data-stage={stage}>
          {t(`nextStage.${stage}`)}
        </p>
      )}
      {finishable && block && (
        <p className="hint" id="finish-hint" data-testid="finish-hint">
          {t(`finish.block.${block}`)}
        </p>
      )}
      {confirming > 0 && (
        <Sheet
          alert
          title={confirming === 1 ? t('finish.confirm1', { score }) : t('finish.confirm2')}
          testId="finish-sheet"
          onCancel={() => setConfirming(0)}
        >
          <button
            type="button"
            className="danger wide"
            data-testid={`finish-confirm-${confirming}`}
            onClick={() => {
              if (confirming === 1) return setConfirming(2);
              setConfirming(0);
              record({ kind: 'state', body: { status: 'finished' } });
            }}
          >
            {confirming === 1 ? t('finish.yes') : t('finish.final')}
          </button>
        </Sheet>
      )}
    </section>
  );
}
