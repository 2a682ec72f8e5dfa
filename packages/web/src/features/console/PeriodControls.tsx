import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StateBody } from '@touchline/contract';
import type { MatchView } from './optimistic.ts';
import type { Write } from './outbox.ts';
import { finishBlock, nextStage, periodSteps } from './selectors.ts';

interface Props {
  view: MatchView;
  record(write: Write): void;
}

const stepLabel = (s: StateBody) => (s.status === 'live' ? 'periodStep.kickOff' : `periodStep.${s.period}`);

/** Kick-off and the period steps the transition table allows, and full time behind two confirmations. */
export function PeriodControls({ view, record }: Props) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<0 | 1 | 2>(0);
  const steps = periodSteps(view.match);
  const block = finishBlock(view);
  const stage = nextStage(view.match);
  const live = view.match.status === 'live';
  const score = `${view.match.score.home} : ${view.match.score.away}`;

  return (
    <section className="period-controls" aria-labelledby="period-title">
      <h3 id="period-title">{t('desk.periodTitle')}</h3>
      <div className="button-row">
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
        {live && confirming === 0 && (
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
      {live && block && (
        <p className="hint" id="finish-hint" data-testid="finish-hint">
          {t(`finish.block.${block}`)}
        </p>
      )}
      {confirming > 0 && (
        <div className="confirm" role="alertdialog" aria-labelledby="finish-question">
          <p id="finish-question">{confirming === 1 ? t('finish.confirm1', { score }) : t('finish.confirm2')}</p>
          <div className="button-row">
            <button
              type="button"
              className="danger"
              data-testid={`finish-confirm-${confirming}`}
              onClick={() => {
                if (confirming === 1) return setConfirming(2);
                setConfirming(0);
                record({ kind: 'state', body: { status: 'finished' } });
              }}
            >
              {confirming === 1 ? t('finish.yes') : t('finish.final')}
            </button>
            <button type="button" onClick={() => setConfirming(0)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
