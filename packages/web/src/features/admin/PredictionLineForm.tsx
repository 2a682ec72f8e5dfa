import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchSummary } from '@touchline/contract';
import { PREDICTION_LINE_MAX, PREDICTION_LINE_MIN } from '@touchline/domain';
import { api } from '../../lib/services.ts';
import { Field } from './Field.tsx';
import { FormStatus } from './ServerError.tsx';
import { adminApi } from './services.ts';
import { submitting, useAction } from './use-action.ts';

const LINES = Array.from({ length: PREDICTION_LINE_MAX - PREDICTION_LINE_MIN + 1 }, (_, i) => PREDICTION_LINE_MIN + i);

/** The over/under line fans predict against; the server refuses a change once predictions closed (rules §9). */
export function PredictionLineForm({ match }: { match: MatchSummary }) {
  const { t } = useTranslation();
  const [line, setLine] = useState<number>();
  useEffect(() => {
    let live = true;
    api.request<{ line: number }>('GET', `/matches/${encodeURIComponent(match.id)}/prediction`).then(
      (a) => live && setLine(a.line),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [match.id]);
  const save = useAction(async () => {
    await adminApi.reschedule(match.id, { predictionLine: line! });
    return t('admin.match.rescheduled');
  });
  if (line === undefined) return null;
  return (
    <form onSubmit={submitting(save)} aria-label={t('admin.match.predictionLine')} className="manage-block">
      <h3>{t('admin.match.predictionLine')}</h3>
      <Field label={t('admin.match.predictionLine')} hint={t('admin.match.predictionLineHint')}>
        <select value={line} onChange={(e) => setLine(Number(e.target.value))}>
          {LINES.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </Field>
      <FormStatus error={save.error} done={save.done} />
      <button type="submit" disabled={save.busy}>
        {t('admin.common.save')}
      </button>
    </form>
  );
}
