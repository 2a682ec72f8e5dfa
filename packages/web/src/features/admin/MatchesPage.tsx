import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchSummary } from '@touchline/contract';
import { applyListPatch, upsertMatches } from '../../lib/match-list.ts';
import { api } from '../../lib/services.ts';
import { leagueDay } from '../../lib/time.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useTopic } from '../../lib/use-topic.ts';
import { Loading } from '../../ui/Feedback.tsx';
import { MatchCard } from '../../ui/MatchCard.tsx';
import { AdminShell } from './AdminShell.tsx';
import { loadLeague, seasonZone } from './context.ts';
import { Field } from './Field.tsx';
import { dayBounds } from './kickoff.ts';
import { ListWithEditor } from './ListWithEditor.tsx';
import { MatchCreateForm } from './MatchCreateForm.tsx';
import { MatchManage } from './MatchManage.tsx';
import { Options } from './Options.tsx';
import { ServerError } from './ServerError.tsx';
import { adminApi } from './services.ts';
import { searchParam, setSearchParams } from './url-state.ts';

async function loadOfficials() {
  const [{ venues }, { referees }, { users }] = await Promise.all([
    adminApi.venues(),
    adminApi.referees(),
    adminApi.users({ role: 'operator', active: 'true' }),
  ]);
  return { venues, referees, operators: users };
}

/** A season's matches, by date if wished: schedule one, reschedule, postpone, cancel, reopen, assign operators. */
export default function MatchesPage() {
  const { t } = useTranslation();
  const league = useAsync(loadLeague, []);
  const officials = useAsync(loadOfficials, []);
  const [picked, setPicked] = useState(() => searchParam('season'));
  const [day, setDay] = useState(() => searchParam('day') ?? '');
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string>();
  const seasons = league.data?.seasons ?? [];
  // The season asked for, else the current league season, else the newest.
  const season =
    seasons.find((s) => s.id === picked) ??
    seasons.find((s) => s.active && s.competition?.type === 'league') ??
    seasons[0];
  const zone = seasonZone(season);
  const seasonId = season?.id;
  const detail = useAsync(async () => (seasonId ? adminApi.season(seasonId) : undefined), [seasonId]);
  // The whole season, kept current by its topic (operators start and finish matches meanwhile); the day is a view.
  const matches = useAsync(
    async () => (seasonId ? upsertMatches([], (await api.matches({ seasonId })).matches) : []),
    [seasonId],
  );
  useTopic(seasonId ? `season:${seasonId}` : undefined, {
    onSnapshot: (data) => matches.mutate(() => upsertMatches([], data.matches)),
    onPatch: (frame) => matches.mutate((list) => applyListPatch(list ?? [], frame)),
  });
  const bounds = day ? dayBounds(day, zone) : undefined;
  const filter = (next: { season?: string; day?: string }) => {
    if (next.season !== undefined) setPicked(next.season);
    if (next.day !== undefined) setDay(next.day);
    setSearchParams({ season: next.season ?? seasonId, day: next.day ?? day });
  };
  const updated = (m: MatchSummary) => matches.mutate((list) => upsertMatches(list ?? [], [m]));
  const inDay = (m: MatchSummary) =>
    !bounds || (Date.parse(m.kickoffAt) >= Date.parse(bounds.from) && Date.parse(m.kickoffAt) <= Date.parse(bounds.to));
  const list = (matches.data ?? []).filter(inDay);
  return (
    <AdminShell
      section="matches"
      title={t('admin.nav.matches')}
      tools={
        <button
          type="button"
          className="primary"
          onClick={() => setCreating(true)}
          disabled={!detail.data}
          data-testid="match-new"
        >
          {t('admin.match.new')}
        </button>
      }
    >
      {league.error && <ServerError error={league.error} onRetry={league.reload} />}
      {officials.error && <ServerError error={officials.error} onRetry={officials.reload} />}
      <div className="filter-bar">
        <Field label={t('admin.match.season')}>
          <select
            value={seasonId ?? ''}
            onChange={(e) => filter({ season: e.target.value })}
            data-testid="match-season"
          >
            <Options items={seasons} text={(s) => s.label} />
          </select>
        </Field>
        <Field label={t('admin.match.day')} hint={t('admin.match.zoneHint', { zone })}>
          <input type="date" value={day} onChange={(e) => filter({ day: e.target.value })} />
        </Field>
        <div className="button-row">
          <button type="button" onClick={() => filter({ day: leagueDay(new Date(), zone) })}>
            {t('admin.match.today')}
          </button>
          <button type="button" onClick={() => filter({ day: '' })} disabled={!day}>
            {t('admin.match.allDays')}
          </button>
        </div>
      </div>
      <ListWithEditor
        editorKey={detail.data?.season.id}
        editor={
          creating &&
          detail.data &&
          officials.data && (
            <MatchCreateForm
              detail={detail.data}
              zone={zone}
              officials={officials.data}
              onOfficial={officials.reload}
              onCreated={updated}
              onCancel={() => setCreating(false)}
            />
          )
        }
      >
        <div className="admin-list">
          {(matches.error ?? detail.error) && (
            <ServerError error={(matches.error ?? detail.error)!} onRetry={matches.reload} />
          )}
          {matches.loading && !matches.data && <Loading />}
          {matches.data && list.length === 0 && <p className="muted">{t('admin.match.none')}</p>}
          <ul className="match-list admin-matches" data-testid="admin-match-list">
            {list.map((m) => (
              <li key={m.id} data-match-id={m.id}>
                <MatchCard match={m} to={`/matches/${m.id}`} />
                <button
                  type="button"
                  className="manage-toggle"
                  aria-expanded={open === m.id}
                  aria-controls={`manage-${m.id}`}
                  onClick={() => setOpen(open === m.id ? undefined : m.id)}
                  aria-label={t('admin.match.manageLabel', { home: m.homeClub.name, away: m.awayClub.name })}
                >
                  {t('admin.match.manage')}
                </button>
                {open === m.id && (
                  <div id={`manage-${m.id}`}>
                    {officials.data ? (
                      <MatchManage
                        match={m}
                        zone={zone}
                        officials={officials.data}
                        operators={officials.data.operators}
                        onSaved={updated}
                      />
                    ) : (
                      <Loading />
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </div>
      </ListWithEditor>
    </AdminShell>
  );
}
