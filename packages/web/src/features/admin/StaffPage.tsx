import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../lib/admin-api.ts';
import { leagueTimeZone } from '../../lib/time.ts';
import { useAsync } from '../../lib/use-async.ts';
import { AdminShell } from './AdminShell.tsx';
import { Field } from './Field.tsx';
import { ListWithEditor } from './ListWithEditor.tsx';
import { upsertById } from './lists.ts';
import { FormStatus, LoadStatus } from './ServerError.tsx';
import { adminApi } from './services.ts';
import { MIN_PASSWORD, STAFF_ROLES } from './catalog.ts';
import { NewPasswordInput } from './Inputs.tsx';
import { Options } from './Options.tsx';
import { StaffForm } from './StaffForm.tsx';
import { submitting, useAction } from './use-action.ts';

/** Reset a password (told to the person out of band) or switch the account off and on. */
function AccountActions({
  user,
  me,
  onChanged,
}: {
  user: AdminUser;
  /** The signed-in admin, who cannot switch their own account off. */
  me: boolean;
  onChanged: (u: AdminUser) => void;
}) {
  const { t } = useTranslation();
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  // Each action's note replaces the other's, so the line under the account says what happened last.
  const reset = useAction(async () => {
    toggle.reset();
    onChanged((await adminApi.resetPassword(user.id, password)).user);
    setPassword('');
    setResetting(false);
    return t('admin.staff.passwordReset', { login: user.login });
  });
  const toggle = useAction(async () => {
    reset.reset();
    const { user: after } = await adminApi.setUserActive(user.id, !user.active);
    onChanged(after);
    return after.active
      ? t('admin.staff.reactivated', { login: user.login })
      : t('admin.staff.deactivated', { login: user.login });
  });
  const submit = submitting(reset);
  return (
    <div className="account-actions">
      <div className="button-row">
        <button type="button" onClick={() => setResetting(!resetting)} aria-expanded={resetting}>
          {t('admin.staff.resetPassword')}
        </button>
        <button
          type="button"
          className={user.active ? 'danger' : undefined}
          disabled={toggle.busy || (me && user.active)}
          onClick={() => void toggle.run()}
          aria-label={t(user.active ? 'admin.staff.deactivateLabel' : 'admin.staff.reactivateLabel', {
            login: user.login,
          })}
        >
          {user.active ? t('admin.staff.deactivate') : t('admin.staff.reactivate')}
        </button>
      </div>
      {resetting && (
        <form className="inline-form" onSubmit={submit}>
          <Field
            label={t('admin.staff.newPassword', { login: user.login })}
            hint={t('admin.staff.passwordHint', { count: MIN_PASSWORD })}
          >
            <NewPasswordInput value={password} onChange={setPassword} />
          </Field>
          <button type="submit" className="primary" disabled={reset.busy}>
            {t('admin.common.save')}
          </button>
        </form>
      )}
      <FormStatus error={reset.error ?? toggle.error} done={reset.done ?? toggle.done} />
    </div>
  );
}

/** Staff accounts: who may run the console, correct matches, submit lineups or administer the league. */
export default function StaffPage() {
  const { t, i18n } = useTranslation();
  const [role, setRole] = useState('');
  const [active, setActive] = useState<'' | 'true' | 'false'>('');
  const [creating, setCreating] = useState(false);
  const users = useAsync(
    () =>
      adminApi.users({
        ...(role ? { role: role as AdminUser['role'] } : {}),
        ...(active ? { active } : {}),
      }),
    [role, active],
  );
  const clubs = useAsync(() => adminApi.clubs(), []);
  const me = useAsync(() => adminApi.me(), []);
  const clubName = new Map((clubs.data?.clubs ?? []).map((c) => [c.id, c.name]));
  const changed = (u: AdminUser) => users.mutate((d) => ({ users: upsertById(d?.users, u) }));
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: leagueTimeZone() });
  return (
    <AdminShell
      section="staff"
      title={t('admin.nav.staff')}
      tools={
        <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="staff-new">
          {t('admin.staff.new')}
        </button>
      }
    >
      <div className="filter-bar">
        <Field label={t('admin.staff.role')}>
          <select value={role} onChange={(e) => setRole(e.target.value)}>
            <Options items={STAFF_ROLES} text={(r) => t(`admin.role.${r}`)} blank={t('admin.staff.allRoles')} />
          </select>
        </Field>
        <Field label={t('admin.staff.state')}>
          <select value={active} onChange={(e) => setActive(e.target.value as typeof active)}>
            <option value="">{t('admin.staff.anyState')}</option>
            <option value="true">{t('admin.staff.active')}</option>
            <option value="false">{t('admin.staff.inactive')}</option>
          </select>
        </Field>
      </div>
      <ListWithEditor
        editor={
          creating && (
            <StaffForm
              clubs={clubs.data?.clubs ?? []}
              onCreated={() => users.reload()}
              onCancel={() => setCreating(false)}
            />
          )
        }
      >
        <div className="admin-list">
          <LoadStatus state={users} />
          {users.data && (
            <div className="table-scroll">
              <table className="admin-table responsive" data-testid="staff-list">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.staff.account')}</th>
                    <th scope="col">{t('admin.staff.role')}</th>
                    <th scope="col">{t('admin.staff.since')}</th>
                    <th scope="col">{t('admin.common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {users.data.users.map((u) => (
                    <tr
                      key={u.id}
                      className={u.active ? undefined : 'inactive'}
                      data-testid="staff-row"
                      data-login={u.login}
                    >
                      <th scope="row">
                        {u.displayName} <span className="muted">({u.login})</span>
                        {!u.active && <span className="chip chip-cancelled">{t('admin.staff.inactive')}</span>}
                      </th>
                      <td data-label={t('admin.staff.role')}>
                        {t(`admin.role.${u.role}`)}
                        {u.clubId && <span className="muted"> · {clubName.get(u.clubId) ?? `#${u.clubId}`}</span>}
                      </td>
                      <td data-label={t('admin.staff.since')}>{date.format(new Date(u.createdAt))}</td>
                      <td>
                        {u.role === 'fan' ? null : (
                          <AccountActions user={u} me={u.id === me.data?.user.id} onChanged={changed} />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </ListWithEditor>
    </AdminShell>
  );
}
