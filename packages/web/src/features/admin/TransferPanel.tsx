import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminClub, AdminPlayer } from '../../lib/admin-api.ts';
import { leagueDay, leagueTimeZone } from '../../lib/time.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Field } from './Field.tsx';
import { fieldErrors, intOrUndefined } from './forms.ts';
import { NumberInput } from './Inputs.tsx';
import { localInputToUtc } from './kickoff.ts';
import { FormFooter } from './FormFooter.tsx';
import { Options } from './Options.tsx';
import { LoadStatus } from './ServerError.tsx';
import { adminApi } from './services.ts';
import { submitting, useAction } from './use-action.ts';

const dateFormat = (lang: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: leagueTimeZone() });

/** Moves a player to another club; past matches keep the old club. The player's transfer history is listed below. */
export function TransferPanel({
  player,
  clubs,
  onDone,
  onCancel,
}: {
  player: AdminPlayer;
  clubs: AdminClub[];
  onDone: (p: AdminPlayer) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const history = useAsync(() => adminApi.transfers(player.id), [player.id]);
  const [toClubId, setToClubId] = useState('');
  const [shirtNumber, setShirtNumber] = useState('');
  const today = leagueDay(new Date());
  const [date, setDate] = useState(today);
  const transfer = useAction(async () => {
    const number = intOrUndefined(shirtNumber);
    // Today means now; an earlier day is dated at its start, in the league's zone.
    const at = date && date !== today ? localInputToUtc(`${date}T00:00`, leagueTimeZone()) : undefined;
    const out = await adminApi.transfer(player.id, {
      toClubId,
      ...(number !== undefined ? { shirtNumber: number } : {}),
      ...(at ? { at } : {}),
    });
    history.mutate((h) => ({ player: out.player, transfers: [...(h?.transfers ?? []), out.transfer] }));
    setToClubId('');
    setShirtNumber('');
    onDone(out.player);
    return t('admin.transfer.done', { name: `${player.firstName} ${player.lastName}`, club: out.transfer.to.name });
  });
  const errors = fieldErrors(transfer.error);
  const submit = submitting(transfer);
  const format = dateFormat(i18n.language);
  return (
    <div className="admin-form" data-testid="transfer-panel">
      <h2 id="transfer-title">{t('admin.transfer.title', { name: `${player.firstName} ${player.lastName}` })}</h2>
      <p className="muted">
        {player.club ? t('admin.player.inClub', { club: player.club.name }) : t('admin.player.noClub')}
      </p>
      <form onSubmit={submit} aria-labelledby="transfer-title">
        <div className="form-grid">
          <Field label={t('admin.transfer.to')} error={errors.toClubId} className="wide">
            <select required value={toClubId} onChange={(e) => setToClubId(e.target.value)}>
              <Options items={clubs.filter((c) => c.id !== player.club?.id)} text={(c) => c.name} blank="—" />
            </select>
          </Field>
          <Field label={t('admin.player.shirtNumber')} error={errors.shirtNumber}>
            <NumberInput min={1} max={99} className="narrow" value={shirtNumber} onChange={setShirtNumber} />
          </Field>
          <Field label={t('admin.transfer.date')} error={errors.at}>
            <input type="date" max={today} value={date} onChange={(e) => setDate(e.target.value)} />
          </Field>
        </div>
        <p className="muted">{t('admin.transfer.statsStay')}</p>
        <FormFooter
          action={transfer}
          submitLabel={t('admin.transfer.submit')}
          disabled={!toClubId}
          onCancel={onCancel}
        />
      </form>
      <h3>{t('admin.transfer.history')}</h3>
      <LoadStatus state={history} />
      {history.data && history.data.transfers.length === 0 && <p className="muted">{t('admin.transfer.none')}</p>}
      <ol className="plain-list transfer-history" data-testid="transfer-history">
        {history.data?.transfers.map((tr) => (
          <li key={tr.id}>
            <time dateTime={tr.at}>{format.format(new Date(tr.at))}</time>:{' '}
            {t('admin.transfer.move', { from: tr.from?.name ?? t('admin.transfer.noClub'), to: tr.to.name })}
          </li>
        ))}
      </ol>
    </div>
  );
}
