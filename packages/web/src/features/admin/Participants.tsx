import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminClub, AdminParticipant, AdminSeasonDetail } from '../../lib/admin-api.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { Field } from './Field.tsx';
import { Options } from './Options.tsx';
import { changedFields, intOrUndefined } from './forms.ts';
import { NumberInput } from './Inputs.tsx';
import { FormStatus } from './ServerError.tsx';
import { adminApi } from './services.ts';
import { submitting, useAction } from './use-action.ts';

interface RowDraft {
  groupId: string | null;
  seed: string;
  pointsDeduction: string;
}

/** The participant's number fields, in their columns' order. */
const NUMBERS = [
  { key: 'seed', label: 'seed', min: 1, max: 999 },
  { key: 'pointsDeduction', label: 'deduction', min: 0, max: 100 },
] as const;

const draftOf = (p: AdminParticipant): RowDraft => ({
  groupId: p.groupId,
  seed: p.seed === null ? '' : String(p.seed),
  pointsDeduction: String(p.pointsDeduction),
});

/** One participating club: its group, seed and points deduction, saved or removed on their own. */
function ParticipantRow({
  seasonId,
  participant: p,
  groups,
  onChanged,
}: {
  seasonId: string;
  participant: AdminParticipant;
  groups: AdminSeasonDetail['groups'];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const original = draftOf(p);
  const [draft, setDraft] = useState(original);
  const save = useAction(async () => {
    const changed = changedFields(original, draft);
    if (Object.keys(changed).length === 0) return t('admin.common.unchanged');
    await adminApi.putParticipant(seasonId, p.club.id, {
      ...('groupId' in changed ? { groupId: draft.groupId } : {}),
      ...('seed' in changed ? { seed: intOrUndefined(draft.seed) ?? null } : {}),
      ...('pointsDeduction' in changed ? { pointsDeduction: intOrUndefined(draft.pointsDeduction) ?? 0 } : {}),
    });
    onChanged();
    return t('admin.common.saved');
  });
  const remove = useAction(async () => {
    await adminApi.removeParticipant(seasonId, p.club.id);
    onChanged();
  });
  const name = p.club.name;
  return (
    <tr data-testid="participant-row" data-club-id={p.club.id}>
      <th scope="row">{name}</th>
      <td className="inline" data-label={t('admin.participants.group')}>
        <select
          aria-label={t('admin.participants.groupOf', { name })}
          value={draft.groupId ?? ''}
          onChange={(e) => setDraft({ ...draft, groupId: e.target.value || null })}
        >
          <Options items={groups} text={(g) => g.label} blank="—" />
        </select>
      </td>
      {NUMBERS.map(({ key, label, min, max }) => (
        <td key={key} className="inline" data-label={t(`admin.participants.${label}`)}>
          <NumberInput
            className="narrow"
            min={min}
            max={max}
            aria-label={t(`admin.participants.${label}Of`, { name })}
            value={draft[key]}
            onChange={(v) => setDraft({ ...draft, [key]: v })}
          />
        </td>
      ))}
      <td>
        <div className="button-row">
          <button type="button" onClick={() => void save.run()} disabled={save.busy}>
            {t('admin.common.save')}
          </button>
          <ConfirmButton
            label={t('admin.common.remove')}
            ariaLabel={t('admin.participants.remove', { name })}
            confirmLabel={t('admin.participants.removeYes', { name })}
            busy={remove.busy}
            onConfirm={() => void remove.run()}
          />
        </div>
        <FormStatus error={save.error ?? remove.error} done={save.done} />
      </td>
    </tr>
  );
}

/** One group of the season, with a confirmed delete for a group made by mistake. */
function GroupItem({
  seasonId,
  group,
  onChanged,
}: {
  seasonId: string;
  group: AdminSeasonDetail['groups'][number];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const remove = useAction(async () => {
    await adminApi.deleteGroup(seasonId, group.id);
    onChanged();
  });
  return (
    <li data-testid="group-item" className="button-row">
      <span>{t('admin.participants.groupName', { label: group.label })}</span>
      <ConfirmButton
        label={t('admin.common.remove')}
        ariaLabel={t('admin.participants.removeGroup', { label: group.label })}
        confirmLabel={t('admin.participants.removeGroupYes', { label: group.label })}
        busy={remove.busy}
        onConfirm={() => void remove.run()}
      />
      <FormStatus error={remove.error} />
    </li>
  );
}

/** The clubs of a season, their groups, seeds and deductions; add a club, add a group. */
export function Participants({
  detail,
  clubs,
  onChanged,
}: {
  detail: AdminSeasonDetail;
  clubs: AdminClub[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const seasonId = detail.season.id;
  const taken = new Set(detail.participants.map((p) => p.club.id));
  const free = clubs.filter((c) => !taken.has(c.id));
  const [clubId, setClubId] = useState('');
  const [label, setLabel] = useState('');
  const add = useAction(async () => {
    const club = free.find((c) => c.id === clubId);
    await adminApi.putParticipant(seasonId, clubId, {});
    setClubId('');
    onChanged();
    return t('admin.participants.added', { name: club?.name ?? clubId });
  });
  const addGroup = useAction(async () => {
    await adminApi.createGroup(seasonId, label.trim());
    setLabel('');
    onChanged();
    return t('admin.participants.groupAdded', { label: label.trim() });
  });
  const submitClub = (e: FormEvent) => {
    e.preventDefault();
    if (clubId) void add.run();
  };
  const submitGroup = submitting(addGroup);
  return (
    <section aria-labelledby="participants-title" className="card">
      <h2 id="participants-title">
        {t('admin.participants.title')} <span className="muted">({detail.participants.length})</span>
      </h2>
      {detail.participants.length === 0 ? (
        <p className="muted">{t('admin.participants.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table responsive participants" data-testid="participants">
            <thead>
              <tr>
                <th scope="col">{t('admin.participants.club')}</th>
                <th scope="col">{t('admin.participants.group')}</th>
                <th scope="col">{t('admin.participants.seed')}</th>
                <th scope="col">{t('admin.participants.deduction')}</th>
                <th scope="col">{t('admin.common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.participants.map((p) => (
                <ParticipantRow
                  key={p.club.id}
                  seasonId={seasonId}
                  participant={p}
                  groups={detail.groups}
                  onChanged={onChanged}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="inline-form" onSubmit={submitClub} data-testid="add-participant">
        <Field label={t('admin.participants.add')}>
          <select value={clubId} onChange={(e) => setClubId(e.target.value)} required>
            <Options items={free} text={(c) => c.name} blank="—" />
          </select>
        </Field>
        <button type="submit" disabled={!clubId || add.busy}>
          {t('admin.common.add')}
        </button>
      </form>
      <FormStatus error={add.error} done={add.done} />
      <form className="inline-form" onSubmit={submitGroup}>
        <Field
          label={t('admin.participants.newGroup')}
          hint={detail.groups.length ? detail.groups.map((g) => g.label).join(', ') : undefined}
        >
          <input required maxLength={20} value={label} onChange={(e) => setLabel(e.target.value)} />
        </Field>
        <button type="submit" disabled={addGroup.busy}>
          {t('admin.participants.addGroup')}
        </button>
      </form>
      <FormStatus error={addGroup.error} done={addGroup.done} />
      {detail.groups.length > 0 && (
        <ul className="plain-list" aria-label={t('admin.participants.groups')}>
          {detail.groups.map((g) => (
            <GroupItem key={g.id} seasonId={seasonId} group={g} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}
