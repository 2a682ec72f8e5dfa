import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FixtureWarning } from '@touchline/contract';
import { roundName } from '../../lib/round-name.ts';
import { Link, navigate, type PageProps } from '../../lib/router.tsx';
import { api } from '../../lib/services.ts';
import { formatKickoff } from '../../lib/time.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Loading } from '../../ui/Feedback.tsx';
import { AdminShell } from './AdminShell.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { DoubleBookings } from './DoubleBookings.tsx';
import { firstKickoffs } from './fixture-notes.ts';
import { FixturesForm, PlayoffsForm } from './FixturesForm.tsx';
import { Participants } from './Participants.tsx';
import { hasPlayoff } from './season-plan.ts';
import { SeasonExport } from './SeasonExport.tsx';
import { SeasonForm } from './SeasonForm.tsx';
import { FormStatus, ServerError } from './ServerError.tsx';
import { adminApi } from './services.ts';
import { useAction } from './use-action.ts';

async function load(id: string) {
  const [detail, { clubs }, { competitions }, { matches }] = await Promise.all([
    adminApi.season(id),
    adminApi.clubs(),
    adminApi.competitions(),
    api.matches({ seasonId: id }),
  ]);
  // Fixtures can be taken back only while nothing has been played (the server says the same, with 409 in_use).
  const played = matches.some((m) => m.status === 'live' || m.status === 'finished');
  const competition = competitions.find((c) => c.id === detail.season.competitionId);
  return { detail, clubs, played, competition, firstKickoffs: firstKickoffs(matches) };
}

/** One season: its details, its clubs, activation, fixture generation and the playoff. */
export default function SeasonPage({ params }: PageProps) {
  const { t, i18n } = useTranslation();
  const id = params.id!;
  const data = useAsync(() => load(id), [id]);
  const [notice, setNotice] = useState('');
  const [warnings, setWarnings] = useState<FixtureWarning[]>([]);
  const planDone = (message: string, made: FixtureWarning[] = []) => {
    setNotice(message);
    setWarnings(made);
    data.reload();
  };
  const activation = useAction(async (active: boolean) => {
    const { season } = await adminApi.setSeasonActive(id, active);
    data.mutate((d) => ({ ...d!, detail: { ...d!.detail, season } }));
    return active ? t('admin.season.activated') : t('admin.season.deactivated');
  });
  const removeFixtures = useAction(async () => {
    await adminApi.deleteFixtures(id);
    planDone(t('admin.fixtures.deleted'));
  });
  const removeSeason = useAction(async () => {
    await adminApi.deleteSeason(id);
    navigate('/admin/competitions', { replace: true });
  });
  if (data.error && !data.data)
    return (
      <AdminShell section="competitions" title={t('admin.season.title')}>
        <ServerError error={data.error} onRetry={data.reload} />
      </AdminShell>
    );
  if (!data.data) return <Loading />;
  const { detail, clubs, competition, played, firstKickoffs: kickoffs } = data.data;
  const { season } = detail;
  const planned = detail.rounds.length > 0;
  const playoffPlanned = detail.rounds.some((r) => r.stage === 'playoff');
  return (
    <AdminShell
      section="competitions"
      title={`${competition?.name ?? ''} · ${season.name}`}
      tools={
        <div className="button-row">
          {season.active && <span className="chip chip-current">{t('admin.season.active')}</span>}
          <button
            type="button"
            className={season.active ? undefined : 'primary'}
            disabled={activation.busy}
            onClick={() => void activation.run(!season.active)}
            data-testid="season-activation"
          >
            {season.active ? t('admin.season.deactivate') : t('admin.season.activate')}
          </button>
          {!planned && (
            <ConfirmButton
              label={t('admin.season.delete')}
              confirmLabel={t('admin.season.deleteYes', { name: season.name })}
              busy={removeSeason.busy}
              onConfirm={() => void removeSeason.run()}
              testId="season-delete"
            />
          )}
        </div>
      }
    >
      <FormStatus
        error={activation.error ?? removeSeason.error ?? removeFixtures.error}
        done={activation.done ?? notice}
      />
      <p className="button-row admin-links">
        <Link to="/admin/competitions">{t('admin.season.back')}</Link>
        <Link to={`/admin/matches?season=${season.id}`}>{t('admin.season.matches')}</Link>
        <Link to={`/seasons/${season.id}`}>{t('admin.season.publicTable')}</Link>
        <Link to={`/seasons/${season.id}/bracket`}>{t('admin.season.bracket')}</Link>
      </p>
      <div className="admin-columns">
        <div>
          <section className="card">
            <SeasonForm
              key={season.id}
              competitionId={season.competitionId}
              season={season}
              headingLevel={2}
              onSaved={(s) => data.mutate((d) => ({ ...d!, detail: { ...d!.detail, season: s } }))}
            />
          </section>
        </div>
        <div>
          <section className="card">
            {planned ? (
              <>
                <h2>{t('admin.fixtures.title')}</h2>
                <p className="muted">{t('admin.fixtures.exist', { count: detail.rounds.length })}</p>
                <ol className="plain-list rounds">
                  {detail.rounds.map((r) => (
                    <li key={r.id}>
                      {roundName(r, i18n.language)}
                      {kickoffs.has(r.id) && ` · ${formatKickoff(kickoffs.get(r.id)!, i18n.language)}`}{' '}
                      <span className="muted">{t(`admin.stage.${r.stage}`)}</span>
                    </li>
                  ))}
                </ol>
                <DoubleBookings warnings={warnings} />
                {played ? (
                  <p className="muted">{t('admin.fixtures.played')}</p>
                ) : (
                  <>
                    <p className="muted">{t('admin.fixtures.deleteHint')}</p>
                    <div className="button-row">
                      <ConfirmButton
                        label={t('admin.fixtures.delete')}
                        confirmLabel={t('admin.fixtures.deleteYes')}
                        busy={removeFixtures.busy}
                        onConfirm={() => void removeFixtures.run()}
                        testId="fixtures-delete"
                      />
                    </div>
                  </>
                )}
              </>
            ) : (
              // A new season start restarts the form, whose first date defaults to it.
              <FixturesForm key={`${season.format} ${season.startsOn}`} detail={detail} onDone={planDone} />
            )}
          </section>
          {hasPlayoff(season.format) && planned && !playoffPlanned && (
            <section className="card">
              <PlayoffsForm detail={detail} onDone={planDone} />
            </section>
          )}
          <SeasonExport seasonId={season.id} />
        </div>
      </div>
      <Participants detail={detail} clubs={clubs} onChanged={data.reload} />
    </AdminShell>
  );
}
