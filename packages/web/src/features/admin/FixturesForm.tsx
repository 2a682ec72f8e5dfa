import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FixtureWarning } from '@touchline/contract';
import type { AdminSeasonDetail } from '../../lib/admin-api.ts';
import { formatDay, leagueDay } from '../../lib/time.ts';
import { Field } from './Field.tsx';
import { NumberInput } from './Inputs.tsx';
import { fixtureFieldErrors } from './fixture-notes.ts';
import { intOrUndefined } from './forms.ts';
import { Options } from './Options.tsx';
import { ScheduleFields } from './ScheduleFields.tsx';
import { FIXTURE_KINDS, fixturesBody, playoffsBody, weekdayOf, type ScheduleDraft } from './season-plan.ts';
import { FormStatus } from './ServerError.tsx';
import { adminApi } from './services.ts';
import { useErrorOfCause } from './stale-error.ts';
import { useAction } from './use-action.ts';

/** A weekly schedule from `firstDate` (today when the season has no start), on that date's weekday. */
const newSchedule = (firstDate = leagueDay(new Date())): ScheduleDraft => ({
  firstDate,
  weekday: weekdayOf(firstDate),
  time: '18:00',
  tieKind: 'single',
  bestOf: 3,
});

/** Generates a season's fixtures: rounds of a (double) round robin, group rounds, or a knockout bracket with byes. */
export function FixturesForm({
  detail,
  onDone,
}: {
  detail: AdminSeasonDetail;
  onDone: (message: string, warnings: FixtureWarning[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const kinds = FIXTURE_KINDS[detail.season.format];
  const [kind, setKind] = useState(kinds[0]!);
  const [schedule, setSchedule] = useState(() => newSchedule(detail.season.startsOn ?? undefined));
  const [groupCount, setGroupCount] = useState('');
  const drawGroups = detail.groups.length === 0;
  const enoughClubs = detail.participants.length >= 2;
  const generate = useAction(async () => {
    const count = kind === 'groups' && drawGroups ? intOrUndefined(groupCount) : undefined;
    const out = await adminApi.generateFixtures(detail.season.id, fixturesBody(kind, schedule, count));
    const days = out.matches.map((m) => leagueDay(m.kickoffAt)).sort();
    const message = t('admin.fixtures.done', {
      matches: out.matches.length,
      rounds: out.rounds.length,
      from: days.length ? formatDay(days[0]!, i18n.language) : '',
      to: days.length ? formatDay(days.at(-1)!, i18n.language) : '',
    });
    onDone(message, out.warnings);
    return message;
  });
  const cause = JSON.stringify([kind, schedule, groupCount, detail.participants, detail.groups, detail.season]);
  const { submit, error } = useErrorOfCause(generate, cause);
  const errors = fixtureFieldErrors(error, t, i18n.language);
  return (
    <form className="admin-form" onSubmit={submit} aria-labelledby="fixtures-title" data-testid="fixtures-form">
      <h2 id="fixtures-title">{t('admin.fixtures.title')}</h2>
      <p className="muted">{t('admin.fixtures.hint', { count: detail.participants.length })}</p>
      <div className="form-grid">
        <Field label={t('admin.fixtures.kind')} error={errors.kind}>
          <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <Options items={kinds} text={(k) => t(`admin.fixtureKind.${k}`)} />
          </select>
        </Field>
        {kind === 'groups' && drawGroups && (
          <Field
            label={t('admin.fixtures.groupCount')}
            hint={t('admin.fixtures.groupCountHint')}
            error={errors.groupCount}
          >
            <NumberInput min={1} max={16} required value={groupCount} onChange={setGroupCount} />
          </Field>
        )}
      </div>
      <ScheduleFields value={schedule} onChange={setSchedule} ties={kind === 'knockout'} errors={errors} />
      <FormStatus error={error} done={generate.done} />
      {!enoughClubs && (
        <p className="muted" id="fixtures-blocked" data-testid="fixtures-blocked">
          {t('admin.fixtures.needClubs')}
        </p>
      )}
      <button
        type="submit"
        className="primary"
        disabled={generate.busy || !enoughClubs}
        aria-describedby={enoughClubs ? undefined : 'fixtures-blocked'}
      >
        {t('admin.fixtures.generate')}
      </button>
    </form>
  );
}

/** The playoff of a "table, then playoff" season, drawn from the final standings. */
export function PlayoffsForm({
  detail,
  onDone,
}: {
  detail: AdminSeasonDetail;
  onDone: (message: string, warnings: FixtureWarning[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const [schedule, setSchedule] = useState(() => newSchedule());
  const [qualifiers, setQualifiers] = useState(detail.groups.length > 1 ? '2' : '4');
  const create = useAction(async () => {
    const out = await adminApi.createPlayoffs(detail.season.id, playoffsBody(Number(qualifiers), schedule));
    const message = t('admin.fixtures.playoffsDone', { ties: out.ties });
    onDone(message, out.warnings);
    return message;
  });
  const { submit, error } = useErrorOfCause(create, JSON.stringify([schedule, qualifiers, detail]));
  const errors = fixtureFieldErrors(error, t, i18n.language);
  return (
    <form className="admin-form" onSubmit={submit} aria-labelledby="playoffs-title" data-testid="playoffs-form">
      <h2 id="playoffs-title">{t('admin.fixtures.playoffsTitle')}</h2>
      <p className="muted">{t('admin.fixtures.playoffsHint')}</p>
      <div className="form-grid">
        <Field
          label={detail.groups.length > 1 ? t('admin.fixtures.qualifiersPerGroup') : t('admin.fixtures.qualifiers')}
          error={errors.qualifiers}
        >
          <NumberInput min={1} max={64} required value={qualifiers} onChange={setQualifiers} />
        </Field>
      </div>
      <ScheduleFields value={schedule} onChange={setSchedule} ties errors={errors} />
      <FormStatus error={error} done={create.done} />
      <button type="submit" className="primary" disabled={create.busy}>
        {t('admin.fixtures.createPlayoffs')}
      </button>
    </form>
  );
}
