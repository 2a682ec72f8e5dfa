import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultLineupRules, defaultRules } from '@touchline/domain';
import type { AdminCompetition, CompetitionBody } from '../../lib/admin-api.ts';
import { leagueTimeZone } from '../../lib/time.ts';
import { Field } from './Field.tsx';
import { changedFields, fieldErrors } from './forms.ts';
import { FormFooter } from './FormFooter.tsx';
import { adminApi } from './services.ts';
import { PredictionPointsFields } from './PredictionPointsFields.tsx';
import { TieBreakerList } from './TieBreakerList.tsx';
import { submitting, useAction } from './use-action.ts';

type Rules = Omit<AdminCompetition, 'id' | 'timezone'> & { timezone: string };

/** A new competition starts from the table rules the server would default to. */
const NEW: Rules = {
  name: '',
  type: 'league',
  ...defaultRules,
  awayGoals: false,
  extraTime: false,
  yellowCardLimit: 4,
  redCardBan: 1,
  ...defaultLineupRules,
  timezone: '',
  predictionPoints: null,
  motmVoteHours: 24,
};

const POINTS = ['pointsWin', 'pointsDraw', 'pointsLoss'] as const;
const SHOOTOUT_POINTS = ['pointsShootoutWin', 'pointsShootoutLoss'] as const;
type LineupNumber = 'lineupStarters' | 'lineupMaxSubstitutes';

/** Create or edit a competition: its type, its table rules and its discipline rules. */
export function CompetitionForm({
  competition,
  onSaved,
  onCancel,
}: {
  competition?: AdminCompetition;
  onSaved: (c: AdminCompetition) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const original: Rules = competition ? { ...competition, timezone: competition.timezone ?? '' } : NEW;
  const [draft, setDraft] = useState<Rules>(original);
  const set = <K extends keyof Rules>(key: K, value: Rules[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const save = useAction(async () => {
    const { timezone, ...rest } = draft;
    if (competition) {
      const { timezone: _tz, ...changed } = changedFields(original, draft);
      const body = { ...changed, ...(timezone && timezone !== original.timezone ? { timezone } : {}) };
      if (Object.keys(body).length === 0) return t('admin.common.unchanged');
      onSaved((await adminApi.updateCompetition(competition.id, body)).competition);
    } else {
      const body: CompetitionBody = { ...rest, ...(timezone ? { timezone } : {}) };
      onSaved((await adminApi.createCompetition(body)).competition);
    }
    return t('admin.common.saved');
  });
  const errors = fieldErrors(save.error);
  const submit = submitting(save);
  const number = (
    key:
      | (typeof POINTS)[number]
      | (typeof SHOOTOUT_POINTS)[number]
      | 'yellowCardLimit'
      | 'redCardBan'
      | 'motmVoteHours'
      | LineupNumber,
    max: number,
    disabled = false,
    min = 0,
  ) => (
    <Field key={key} label={t(`admin.competition.${key}`)} error={errors[key]}>
      <input
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        required
        disabled={disabled}
        value={Number.isNaN(draft[key]) ? '' : draft[key]}
        onChange={(e) => set(key, e.target.valueAsNumber)}
      />
    </Field>
  );

  return (
    <form
      className="admin-form"
      onSubmit={submit}
      aria-labelledby="competition-form-title"
      data-testid="competition-form"
    >
      <h2 id="competition-form-title">
        {competition ? t('admin.competition.editTitle', { name: competition.name }) : t('admin.competition.newTitle')}
      </h2>
      <div className="form-grid">
        <Field label={t('admin.competition.name')} error={errors.name} className="wide">
          <input required maxLength={100} value={draft.name} onChange={(e) => set('name', e.target.value)} />
        </Field>
        <Field label={t('admin.competition.type')} error={errors.type}>
          <select value={draft.type} onChange={(e) => set('type', e.target.value as Rules['type'])}>
            <option value="league">{t('admin.competitionType.league')}</option>
            <option value="cup">{t('admin.competitionType.cup')}</option>
          </select>
        </Field>
        <Field
          label={t('admin.competition.timezone')}
          hint={t('admin.competition.timezoneHint', { zone: leagueTimeZone() })}
          error={errors.timezone}
        >
          <input
            value={draft.timezone}
            placeholder={leagueTimeZone()}
            onChange={(e) => set('timezone', e.target.value.trim())}
          />
        </Field>
      </div>
      <fieldset>
        <legend>{t('admin.competition.points')}</legend>
        <div className="form-grid numbers">{POINTS.map((k) => number(k, 10))}</div>
      </fieldset>
      <fieldset>
        <legend>{t('admin.competition.shootoutPolicy')}</legend>
        {(['draw', 'bonus'] as const).map((p) => (
          <label key={p} className="checkbox">
            <input
              type="radio"
              name="shootoutPolicy"
              value={p}
              checked={draft.shootoutPolicy === p}
              onChange={() => set('shootoutPolicy', p)}
            />
            {t(`admin.shootoutPolicy.${p}`)}
          </label>
        ))}
        <div className="form-grid numbers">
          {SHOOTOUT_POINTS.map((k) => number(k, 10, draft.shootoutPolicy !== 'bonus'))}
        </div>
      </fieldset>
      <TieBreakerList value={draft.tieBreakers} onChange={(v) => set('tieBreakers', v)} error={errors.tieBreakers} />
      <fieldset>
        <legend>{t('admin.competition.discipline')}</legend>
        <label className="checkbox">
          <input type="checkbox" checked={draft.awayGoals} onChange={(e) => set('awayGoals', e.target.checked)} />
          {t('admin.competition.awayGoals')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={draft.extraTime} onChange={(e) => set('extraTime', e.target.checked)} />
          {t('admin.competition.extraTime')}
        </label>
        <div className="form-grid numbers">
          {number('yellowCardLimit', 20)}
          {number('redCardBan', 10)}
        </div>
        <p className="muted">{t('admin.competition.disciplineHint')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('admin.competition.lineup')}</legend>
        <div className="form-grid numbers">
          {number('lineupStarters', 11, false, 1)}
          {number('lineupMaxSubstitutes', 29)}
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.lineupRequiresGoalkeeper}
            onChange={(e) => set('lineupRequiresGoalkeeper', e.target.checked)}
          />
          {t('admin.competition.lineupRequiresGoalkeeper')}
        </label>
      </fieldset>
      <PredictionPointsFields
        value={draft.predictionPoints}
        onChange={(v) => set('predictionPoints', v)}
        error={errors.predictionPoints}
      />
      <div className="form-grid numbers">{number('motmVoteHours', 168, false, 1)}</div>
      <FormFooter
        action={save}
        submitLabel={competition ? t('admin.common.save') : t('admin.common.create')}
        busyLabel={t('admin.common.saving')}
        onCancel={onCancel}
      />
    </form>
  );
}
