import { useTranslation } from 'react-i18next';
import type { TieKind } from '@touchline/contract';
import { TIE_KINDS } from './catalog.ts';
import { Field } from './Field.tsx';
import { Options } from './Options.tsx';
import { weekdayNames, weekdayOf, type ScheduleDraft } from './season-plan.ts';

/** First date, weekday and local time of a weekly schedule, and optionally the shape of its ties. */
export function ScheduleFields({
  value,
  onChange,
  ties,
  errors,
}: {
  value: ScheduleDraft;
  onChange: (next: ScheduleDraft) => void;
  ties: boolean;
  errors: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const set = <K extends keyof ScheduleDraft>(key: K, v: ScheduleDraft[K]) => onChange({ ...value, [key]: v });
  return (
    <div className="form-grid">
      <Field label={t('admin.fixtures.firstDate')} error={errors.firstDate}>
        <input
          type="date"
          required
          value={value.firstDate}
          onChange={(e) => onChange({ ...value, firstDate: e.target.value, weekday: weekdayOf(e.target.value) })}
        />
      </Field>
      <Field label={t('admin.fixtures.weekday')} error={errors.weekday}>
        <select value={value.weekday} onChange={(e) => set('weekday', Number(e.target.value))}>
          {weekdayNames(i18n.language).map((name, i) => (
            <option key={i} value={i}>
              {name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('admin.fixtures.time')} error={errors.time}>
        <input type="time" required value={value.time} onChange={(e) => set('time', e.target.value)} />
      </Field>
      {ties && (
        <Field label={t('admin.fixtures.tieKind')} error={errors.tieKind}>
          <select value={value.tieKind} onChange={(e) => set('tieKind', e.target.value as TieKind)}>
            <Options items={TIE_KINDS} text={(k) => t(`admin.tieKind.${k}`)} />
          </select>
        </Field>
      )}
      {ties && value.tieKind === 'best_of' && (
        <Field label={t('admin.fixtures.bestOf')} error={errors.bestOf}>
          <select value={value.bestOf} onChange={(e) => set('bestOf', Number(e.target.value))}>
            {[3, 5, 7].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </Field>
      )}
    </div>
  );
}
