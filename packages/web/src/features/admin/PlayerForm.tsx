import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminClub, AdminPlayer } from '../../lib/admin-api.ts';
import { POSITIONS } from './catalog.ts';
import { Field } from './Field.tsx';
import { changedFields, fieldErrors, intOrUndefined } from './forms.ts';
import { NumberInput, OptionalTextInput } from './Inputs.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { FormFooter } from './FormFooter.tsx';
import { Options } from './Options.tsx';
import { adminApi } from './services.ts';
import { submitting, useAction } from './use-action.ts';

interface Draft {
  firstName: string;
  lastName: string;
  birthDate: string | null;
  position: string | null;
  shirtNumber: string;
}

const NAMES = ['firstName', 'lastName'] as const;

const draftOf = (p?: AdminPlayer): Draft => ({
  firstName: p?.firstName ?? '',
  lastName: p?.lastName ?? '',
  birthDate: p?.birthDate ?? null,
  position: p?.position ?? null,
  shirtNumber: p?.shirtNumber == null ? '' : String(p.shirtNumber),
});

/** Register a player (optionally straight into a club's squad with a number), or edit one. */
export function PlayerForm({
  player,
  clubs,
  defaultClubId,
  onSaved,
  onDeleted,
  onCancel,
}: {
  player?: AdminPlayer;
  clubs: AdminClub[];
  defaultClubId?: string | undefined;
  onSaved: (p: AdminPlayer) => void;
  /** Given when the player may be deleted from this form (a player registered by mistake). */
  onDeleted?: (p: AdminPlayer) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const original = draftOf(player);
  const [draft, setDraft] = useState(original);
  const [clubId, setClubId] = useState(defaultClubId ?? '');
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const hasClub = player ? player.club !== null : clubId !== '';
  const save = useAction(async () => {
    const person = {
      firstName: draft.firstName.trim(),
      lastName: draft.lastName.trim(),
      birthDate: draft.birthDate,
      position: draft.position,
    };
    const shirtNumber = intOrUndefined(draft.shirtNumber);
    if (player) {
      const { shirtNumber: changedNumber, ...changed } = changedFields(original, { ...draft, ...person });
      const body = { ...changed, ...(changedNumber !== undefined ? { shirtNumber: shirtNumber ?? null } : {}) };
      if (Object.keys(body).length === 0) return t('admin.common.unchanged');
      onSaved((await adminApi.updatePlayer(player.id, body)).player);
    } else {
      const body = {
        firstName: person.firstName,
        lastName: person.lastName,
        ...(person.birthDate ? { birthDate: person.birthDate } : {}),
        ...(person.position ? { position: person.position } : {}),
        ...(clubId ? { clubId, ...(shirtNumber !== undefined ? { shirtNumber } : {}) } : {}),
      };
      onSaved((await adminApi.createPlayer(body)).player);
    }
    return t('admin.common.saved');
  });
  const remove = useAction(async () => {
    await adminApi.deletePlayer(player!.id);
    onDeleted?.(player!);
  });
  const errors = fieldErrors(save.error);
  const submit = submitting(save);
  return (
    <form className="admin-form" onSubmit={submit} aria-labelledby="player-form-title" data-testid="player-form">
      <h2 id="player-form-title">
        {player
          ? t('admin.player.editTitle', { name: `${player.firstName} ${player.lastName}` })
          : t('admin.player.newTitle')}
      </h2>
      <div className="form-grid">
        {NAMES.map((key) => (
          <Field key={key} label={t(`admin.player.${key}`)} error={errors[key]}>
            <input name={key} required maxLength={100} value={draft[key]} onChange={(e) => set(key, e.target.value)} />
          </Field>
        ))}
        <Field label={t('admin.player.birthDate')} error={errors.birthDate}>
          <OptionalTextInput
            name="birthDate"
            type="date"
            value={draft.birthDate}
            onChange={(v) => set('birthDate', v)}
          />
        </Field>
        <Field label={t('admin.player.position')} error={errors.position}>
          <OptionalTextInput
            name="position"
            list="player-positions"
            maxLength={20}
            className="narrow"
            value={draft.position}
            onChange={(v) => set('position', v)}
          />
        </Field>
        <datalist id="player-positions">
          {POSITIONS.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        {player ? (
          <p className="muted wide">
            {player.club ? t('admin.player.inClub', { club: player.club.name }) : t('admin.player.noClub')}
          </p>
        ) : (
          <Field label={t('admin.player.club')} error={errors.clubId} className="wide">
            <select name="clubId" value={clubId} onChange={(e) => setClubId(e.target.value)}>
              <Options items={clubs} text={(c) => c.name} blank={t('admin.player.noClubOption')} />
            </select>
          </Field>
        )}
        <Field
          label={t('admin.player.shirtNumber')}
          hint={hasClub ? undefined : t('admin.player.shirtNeedsClub')}
          error={errors.shirtNumber}
        >
          <NumberInput
            name="shirtNumber"
            min={1}
            max={99}
            className="narrow"
            disabled={!hasClub}
            value={draft.shirtNumber}
            onChange={(v) => set('shirtNumber', v)}
          />
        </Field>
      </div>
      <FormFooter
        action={save}
        submitLabel={player ? t('admin.common.save') : t('admin.common.create')}
        busyLabel={t('admin.common.saving')}
        testId="player-save"
        error={save.error ?? remove.error}
        onCancel={onCancel}
      >
        {player && onDeleted && (
          <ConfirmButton
            label={t('admin.player.delete')}
            confirmLabel={t('admin.player.deleteYes', { name: `${player.firstName} ${player.lastName}` })}
            busy={remove.busy}
            onConfirm={() => void remove.run()}
            testId="player-delete"
          />
        )}
      </FormFooter>
      {player && onDeleted && <p className="muted">{t('admin.player.deleteHint')}</p>}
    </form>
  );
}
