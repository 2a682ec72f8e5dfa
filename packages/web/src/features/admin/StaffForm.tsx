import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminClub, AdminUser, CreateStaffBody } from '../../lib/admin-api.ts';
import { MIN_PASSWORD, STAFF_ROLES } from './catalog.ts';
import { Field } from './Field.tsx';
import { fieldErrors } from './forms.ts';
import { FormFooter } from './FormFooter.tsx';
import { NewPasswordInput } from './Inputs.tsx';
import { Options } from './Options.tsx';
import { adminApi } from './services.ts';
import { submitting, useAction } from './use-action.ts';

/** A personal staff account: no shared logins; a captain belongs to one club. */
export function StaffForm({
  clubs,
  onCreated,
  onCancel,
}: {
  clubs: AdminClub[];
  onCreated: (u: AdminUser) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<CreateStaffBody>({ login: '', password: '', role: 'operator', displayName: '' });
  const set = <K extends keyof CreateStaffBody>(key: K, value: CreateStaffBody[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const create = useAction(async () => {
    const { displayName, clubId, ...rest } = draft;
    const { user } = await adminApi.createUser({
      ...rest,
      login: rest.login.trim(),
      ...(displayName?.trim() ? { displayName: displayName.trim() } : {}),
      ...(draft.role === 'captain' && clubId ? { clubId } : {}),
    });
    onCreated(user);
    // Ready for the next account of the same role; the password was for this person only.
    setDraft((d) => ({ ...d, login: '', password: '', displayName: '' }));
    return t('admin.staff.created', { login: user.login });
  });
  const errors = fieldErrors(create.error);
  const submit = submitting(create);
  return (
    <form className="admin-form" onSubmit={submit} aria-labelledby="staff-form-title" data-testid="staff-form">
      <h2 id="staff-form-title">{t('admin.staff.newTitle')}</h2>
      <div className="form-grid">
        <Field label={t('admin.staff.role')} error={errors.role}>
          <select value={draft.role} onChange={(e) => set('role', e.target.value as CreateStaffBody['role'])}>
            <Options items={STAFF_ROLES} text={(r) => t(`admin.role.${r}`)} />
          </select>
        </Field>
        {draft.role === 'captain' && (
          <Field label={t('admin.staff.club')} error={errors.clubId}>
            <select required value={draft.clubId ?? ''} onChange={(e) => set('clubId', e.target.value || undefined)}>
              <Options items={clubs} text={(c) => c.name} blank="—" />
            </select>
          </Field>
        )}
        <Field label={t('admin.staff.login')} hint={t('admin.staff.loginHint')} error={errors.login}>
          <input
            required
            autoComplete="off"
            pattern="[a-zA-Z0-9._\-]{3,50}"
            maxLength={50}
            value={draft.login}
            onChange={(e) => set('login', e.target.value)}
          />
        </Field>
        <Field label={t('admin.staff.displayName')} error={errors.displayName}>
          <input maxLength={100} value={draft.displayName ?? ''} onChange={(e) => set('displayName', e.target.value)} />
        </Field>
        <Field
          label={t('admin.staff.password')}
          hint={t('admin.staff.passwordHint', { count: MIN_PASSWORD })}
          error={errors.password}
        >
          <NewPasswordInput value={draft.password} onChange={(v) => set('password', v)} />
        </Field>
      </div>
      <FormFooter action={create} submitLabel={t('admin.common.create')} onCancel={onCancel} />
    </form>
  );
}
