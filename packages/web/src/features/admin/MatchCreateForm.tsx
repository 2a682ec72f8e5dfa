import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminReferee, AdminSeasonDetail, AdminVenue } from '../../lib/admin-api.ts';
import { roundName } from '../../lib/round-name.ts';
import type { MatchSummary } from '@touchline/contract';
import { Field } from './Field.tsx';
import { fieldErrors } from './forms.ts';
import { localInputToUtc, utcToLocalInput } from './kickoff.ts';
import { NamedPicker } from './NamedPicker.tsx';
import { FormFooter } from './FormFooter.tsx';
import { Options } from './Options.tsx';
import { adminApi } from './services.ts';
import { useAction } from './use-action.ts';

export interface Officials {
  venues: AdminVenue[];
  referees: AdminReferee[];
}

/** A single match of a season between two of its clubs; the kick-off is typed in the league's time zone. */
export function MatchCreateForm({
  detail,
  zone,
  officials,
  onOfficial,
  onCreated,
  onCancel,
}: {
  detail: AdminSeasonDetail;
  zone: string;
  officials: Officials;
  onOfficial: () => void;
  onCreated: (m: MatchSummary) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const clubs = detail.participants.map((p) => p.club).sort((a, b) => a.name.localeCompare(b.name));
  const [home, setHome] = useState('');
  const [away, setAway] = useState('');
  const [kickoff, setKickoff] = useState(() => utcToLocalInput(new Date(Date.now() + 3_600_000).toISOString(), zone));
  const [venueId, setVenueId] = useState('');
  const [refereeId, setRefereeId] = useState('');
  const [roundId, setRoundId] = useState('');
  const at = localInputToUtc(kickoff, zone);
  const same = home !== '' && home === away;
  const create = useAction(async () => {
    const { match } = await adminApi.createMatch({
      seasonId: detail.season.id,
      homeClubId: home,
      awayClubId: away,
      kickoffAt: at!,
      ...(venueId ? { venueId } : {}),
      ...(refereeId ? { refereeId } : {}),
      ...(roundId ? { roundId } : {}),
    });
    onCreated(match);
    return t('admin.match.created', { home: match.homeClub.name, away: match.awayClub.name });
  });
  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!same && at) void create.run();
  };
  return (
    <form className="admin-form" onSubmit={submit} aria-labelledby="match-form-title" data-testid="match-form">
      <h2 id="match-form-title">{t('admin.match.newTitle', { season: detail.season.name })}</h2>
      {clubs.length < 2 && <p className="hint">{t('admin.match.needClubs')}</p>}
      <div className="form-grid">
        <Field label={t('admin.match.home')} error={errors.homeClubId}>
          <select name="home" required value={home} onChange={(e) => setHome(e.target.value)}>
            <Options items={clubs} text={(c) => c.name} blank="—" />
          </select>
        </Field>
        <Field label={t('admin.match.away')} error={same ? t('admin.match.sameClub') : errors.awayClubId}>
          <select name="away" required value={away} onChange={(e) => setAway(e.target.value)}>
            <Options items={clubs} text={(c) => c.name} blank="—" />
          </select>
        </Field>
        <Field
          label={t('admin.match.kickoff')}
          hint={t('admin.match.zoneHint', { zone })}
          error={kickoff && !at ? t('admin.match.badKickoff') : errors.kickoffAt}
        >
          <input
            name="kickoff"
            type="datetime-local"
            required
            value={kickoff}
            onChange={(e) => setKickoff(e.target.value)}
          />
        </Field>
        {detail.rounds.length > 0 && (
          <Field label={t('admin.match.round')} error={errors.roundId}>
            <select value={roundId} onChange={(e) => setRoundId(e.target.value)}>
              <Options
                items={detail.rounds}
                text={(r) => roundName(r, i18n.language)}
                blank={t('admin.common.notSet')}
              />
            </select>
          </Field>
        )}
        <NamedPicker
          label={t('admin.match.venue')}
          addLabel={t('admin.match.addVenue')}
          options={officials.venues}
          value={venueId}
          onChange={setVenueId}
          onCreate={async (name) => {
            const { venue } = await adminApi.createVenue({ name });
            onOfficial();
            return venue;
          }}
          error={errors.venueId}
        />
        <NamedPicker
          label={t('admin.match.referee')}
          addLabel={t('admin.match.addReferee')}
          options={officials.referees}
          value={refereeId}
          onChange={setRefereeId}
          onCreate={async (name) => {
            const { referee } = await adminApi.createReferee({ name });
            onOfficial();
            return referee;
          }}
          error={errors.refereeId}
        />
      </div>
      <FormFooter
        action={create}
        submitLabel={t('admin.match.create')}
        disabled={same || !at}
        testId="match-save"
        onCancel={onCancel}
      />
    </form>
  );
}
