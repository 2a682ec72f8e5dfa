import { useTranslation } from 'react-i18next';
import type { PredictionPoints } from '@touchline/contract';
import { DEFAULT_PREDICTION_POINTS, MARKETS } from '@touchline/domain';
import { Field } from './Field.tsx';

/** The competition's points per right prediction pick; null keeps the defaults (docs/rules.md §9). */
export function PredictionPointsFields({
  value,
  onChange,
  error,
}: {
  value: PredictionPoints | null;
  onChange: (v: PredictionPoints) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const points = value ?? DEFAULT_PREDICTION_POINTS;
  return (
    <fieldset>
      <legend>{t('admin.competition.predictionPoints')}</legend>
      <div className="form-grid numbers">
        {MARKETS.map((m) => (
          <Field key={m} label={t(`admin.competition.predictionMarket.${m}`)} error={error}>
            <input
              type="number"
              inputMode="numeric"
              min={0}
              max={20}
              required
              value={Number.isNaN(points[m]) ? '' : points[m]}
              onChange={(e) => onChange({ ...points, [m]: e.target.valueAsNumber })}
            />
          </Field>
        ))}
      </div>
      <p className="muted">{t('admin.competition.predictionPointsHint')}</p>
    </fieldset>
  );
}
