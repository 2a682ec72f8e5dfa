import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeasonFormat } from '@touchline/contract';
import type { AdminSeason } from '../../lib/admin-api.ts';
import { FORMATS } from './catalog.ts';
import { Field } from './Field.tsx';
import { changedFields, fieldErrors } from './forms.ts';
import { OptionalTextInput } from './Inputs.tsx';
import { FormFooter } from './FormFooter.tsx';
import { Options } from './Options.tsx';
import { adminApi } from './services.ts';
import { submitting, useAction } from './use-action.ts';

interface Draft {
  name: string;
  format: SeasonFormat;
  startsOn: string | null;
  endsOn: string | null;
}

/** Create a season of a competition, or edit its name, format and dates. */
export function SeasonForm({
  competitionId,
  season,
  onSaved,
  onCancel,
  headingLevel = 3,
}: {
  competitionId: string;
  season?: AdminSeason;
  onSaved: (s: AdminSeason) => void;
  onCancel?: () => void;
  /** Under a competition's h2 in the list; a section of its own (h2) on the season's page. */
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const Heading = `h${headingLevel}` as const;
  const original: Draft = season
    ? { name: season.name, format: season.format, startsOn: season.startsOn, endsOn: season.endsOn }
    : { name: '', format: 'double_round_robin', startsOn: null, endsOn: null };
  const [draft, setDraft] = useState(original);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const save = useAction(async () => {
    if (season) {
      const body = changedFields(original, draft);
      if (Object.keys(body).length === 0) return t('admin.common.unchanged');
      onSaved((await adminApi.updateSeason(season.id, body)).season);
    } else {
      const { startsOn, endsOn, ...rest } = draft;
      const dates = { ...(startsOn ? { startsOn } : {}), ...(endsOn ? { endsOn } : {}) };
      onSaved((await adminApi.createSeason({ competitionId, ...rest, ...dates })).season);
    }
    return t('admin.common.saved');
  });
  const errors = fieldErrors(save.error);
  const submit = submitting(save);
  const prefix = season ? `season-${season.id}` : `new-season-${competitionId}`;
  return (
    <form className="admin-form" onSubmit={submit} aria-labelledby={`${prefix}-title`} data-testid="season-form">
      <Heading id={`${prefix}-title`}>{season ? t('admin.season.editTitle') : t('admin.season.newTitle')}</Heading>
      <div className="form-grid">
        <Field label={t('admin.season.name')} error={errors.name} className="wide">
          <input required maxLength={100} value={draft.name} onChange={(e) => set('name', e.target.value)} />
        </Field>
        <Field label={t('admin.season.format')} error={errors.format}>
          <select value={draft.format} onChange={(e) => set('format', e.target.value as SeasonFormat)}>
            <Options items={FORMATS} text={(f) => t(`admin.format.${f}`)} />
          </select>
        </Field>
        <Field label={t('admin.season.startsOn')} error={errors.startsOn}>
          <OptionalTextInput type="date" value={draft.startsOn} onChange={(v) => set('startsOn', v)} />
        </Field>
        <Field label={t('admin.season.endsOn')} error={errors.endsOn}>
          <OptionalTextInput
            type="date"
            value={draft.endsOn}
            min={draft.startsOn ?? undefined}
            onChange={(v) => set('endsOn', v)}
          />
        </Field>
      </div>
      <FormFooter
        action={save}
        submitLabel={season ? t('admin.common.save') : t('admin.common.create')}
        busyLabel={t('admin.common.saving')}
        onCancel={onCancel}
      />
    </form>
  );
}
