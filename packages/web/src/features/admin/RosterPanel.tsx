import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminClub, AdminRosterEntry } from '../../lib/admin-api.ts';
import { ApiError } from '../../lib/api.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Loading } from '../../ui/Feedback.tsx';
import type { LabelledSeason } from './context.ts';
import { Field } from './Field.tsx';
import { Options } from './Options.tsx';
import { intOrUndefined } from './forms.ts';
import { NumberInput } from './Inputs.tsx';
import { rosterRows, type RosterRow } from './roster.ts';
import { ServerError } from './ServerError.tsx';
import { adminApi } from './services.ts';
import { useAction } from './use-action.ts';

/** One player of the club: in the season roster or not, and the shirt number there; a taken number is said here. */
function RosterLine({
  seasonId,
  clubId,
  row,
  onChanged,
}: {
  seasonId: string;
  clubId: string;
  row: RosterRow;
  onChanged: (entry: AdminRosterEntry | undefined, playerId: string) => void;
}) {
  const { t } = useTranslation();
  const [number, setNumber] = useState(row.number === undefined ? '' : String(row.number));
  const name = `${row.firstName} ${row.lastName}`;
  const put = useAction(async () => {
    const shirtNumber = intOrUndefined(number);
    const { entry } = await adminApi.putRosterEntry(seasonId, row.playerId, {
      clubId,
      ...(shirtNumber !== undefined ? { shirtNumber } : {}),
    });
    onChanged(entry, row.playerId);
    return t('admin.roster.saved', { name, number: entry.shirtNumber });
  });
  const remove = useAction(async () => {
    await adminApi.removeRosterEntry(seasonId, row.playerId);
    onChanged(undefined, row.playerId);
    return t('admin.roster.removed', { name });
  });
  const error: ApiError | undefined = put.error ?? remove.error;
  const taken = error?.code === 'shirt_number_taken';
  return (
    <li
      className={`roster-line${row.inRoster ? ' in-roster' : ''}`}
      data-testid="roster-line"
      data-player-id={row.playerId}
    >
      <span className="roster-player">
        {name}
        {row.position && <small className="muted"> · {row.position}</small>}
        {row.otherClub && <small className="hint"> {t('admin.roster.otherClub')}</small>}
      </span>
      <Field
        label={t('admin.roster.numberOf', { name })}
        error={taken ? t('admin.roster.taken', { number, code: error.code }) : undefined}
      >
        <NumberInput min={1} max={99} className="narrow" value={number} onChange={setNumber} />
      </Field>
      <span className="button-row">
        <button
          type="button"
          disabled={put.busy}
          onClick={() => void put.run()}
          className={row.inRoster ? undefined : 'primary'}
        >
          {row.inRoster ? t('admin.roster.saveNumber') : t('admin.roster.add')}
        </button>
        {row.inRoster && (
          <button type="button" disabled={remove.busy} onClick={() => void remove.run()}>
            {t('admin.roster.remove')}
          </button>
        )}
      </span>
      {error && !taken && <ServerError error={error} />}
      <span className="ok roster-done" role="status">
        {put.done ?? remove.done ?? ''}
      </span>
    </li>
  );
}

/** A club's roster for one season: who may play, under which number; numbers are unique within the club. */
export function RosterPanel({ club, seasons }: { club: AdminClub; seasons: LabelledSeason[] }) {
  const { t } = useTranslation();
  const [seasonId, setSeasonId] = useState(seasons.find((s) => s.active)?.id ?? seasons[0]?.id ?? '');
  const data = useAsync(async () => {
    if (!seasonId) return undefined;
    const [roster, squad] = await Promise.all([
      adminApi.roster(seasonId, club.id),
      adminApi.players({ clubId: club.id, limit: '200' }),
    ]);
    return { entries: roster.entries, squad: squad.players };
  }, [seasonId, club.id]);
  const changed = (entry: AdminRosterEntry | undefined, playerId: string) =>
    data.mutate((d) => ({
      squad: d?.squad ?? [],
      entries: [...(d?.entries ?? []).filter((e) => e.player.id !== playerId), ...(entry ? [entry] : [])],
    }));
  const rows = data.data ? rosterRows(data.data.squad, data.data.entries) : [];
  return (
    <section className="card" aria-labelledby="roster-title" data-testid="roster-panel">
      <h2 id="roster-title">{t('admin.roster.title', { club: club.name })}</h2>
      <Field label={t('admin.roster.season')}>
        <select value={seasonId} onChange={(e) => setSeasonId(e.target.value)}>
          <Options items={seasons} text={(s) => s.label} />
        </select>
      </Field>
      {data.error && <ServerError error={data.error} onRetry={data.reload} />}
      {data.loading && !data.data && <Loading />}
      {data.data && (
        <>
          <p className="muted">
            {t('admin.roster.count', { count: data.data.entries.length, squad: data.data.squad.length })}
          </p>
          <ul className="plain-list roster-lines">
            {rows.map((r) => (
              <RosterLine
                key={`${seasonId}:${r.playerId}`}
                seasonId={seasonId}
                clubId={club.id}
                row={r}
                onChanged={changed}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
