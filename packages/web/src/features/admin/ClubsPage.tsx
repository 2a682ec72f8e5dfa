import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminClub } from '../../lib/admin-api.ts';
import { Link } from '../../lib/router.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { Loading } from '../../ui/Feedback.tsx';
import { AdminShell, EditorPanel } from './AdminShell.tsx';
import { ClubForm } from './ClubForm.tsx';
import { ServerError } from './ServerError.tsx';
import { adminApi } from './services.ts';

const byName = (a: AdminClub, b: AdminClub) => a.name.localeCompare(b.name);

/** The league's clubs: a table at a desk, cards on a phone; the editor opens beside or above it. */
export default function ClubsPage() {
  const { t } = useTranslation();
  const data = useAsync(() => adminApi.clubs(), []);
  const [editing, setEditing] = useState<string | 'new'>();
  const [notice, setNotice] = useState('');
  const clubs = [...(data.data?.clubs ?? [])].sort(byName);
  const current = clubs.find((c) => c.id === editing);
  const saved = (club: AdminClub) => {
    data.mutate((d) => ({
      clubs: d?.clubs.some((c) => c.id === club.id)
        ? d.clubs.map((c) => (c.id === club.id ? club : c))
        : [...(d?.clubs ?? []), club],
    }));
    if (editing === 'new') {
      setNotice(t('admin.club.created', { name: club.name }));
      setEditing(club.id);
    }
  };
  return (
    <AdminShell
      section="clubs"
      title={t('admin.nav.clubs')}
      tools={
        <button type="button" className="primary" onClick={() => setEditing('new')} data-testid="club-new">
          {t('admin.club.new')}
        </button>
      }
    >
      <p className="ok" role="status" data-testid="notice">
        {notice}
      </p>
      {data.error && <ServerError error={data.error} onRetry={data.reload} />}
      {!data.data && !data.error && <Loading />}
      <div className="admin-split">
        {editing && (editing === 'new' || current) && (
          <EditorPanel key={editing}>
            <ClubForm key={editing} club={current} onSaved={saved} onCancel={() => setEditing(undefined)} />
          </EditorPanel>
        )}
        <div className="admin-list table-scroll">
          <table className="admin-table responsive" data-testid="club-list">
            <thead>
              <tr>
                <th scope="col">{t('admin.club.name')}</th>
                <th scope="col">{t('admin.club.shortName')}</th>
                <th scope="col">{t('admin.club.homeGround')}</th>
                <th scope="col">{t('admin.common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {clubs.map((c) => (
                <tr key={c.id} data-testid="club-row" aria-current={c.id === editing ? 'true' : undefined}>
                  <th scope="row">
                    <span
                      className="swatch"
                      aria-hidden="true"
                      style={{
                        background: c.primaryColor ?? 'transparent',
                        borderColor: c.secondaryColor ?? undefined,
                      }}
                    />
                    {c.name}
                  </th>
                  <td data-label={t('admin.club.shortName')}>{c.shortName}</td>
                  <td data-label={t('admin.club.homeGround')}>{c.homeGround ?? '—'}</td>
                  <td>
                    <div className="button-row">
                      <button
                        type="button"
                        onClick={() => setEditing(c.id)}
                        aria-label={t('admin.club.editLabel', { name: c.name })}
                      >
                        {t('admin.common.edit')}
                      </button>
                      <Link to={`/admin/players?club=${c.id}`}>{t('admin.club.players')}</Link>
                      <Link to={`/clubs/${c.id}`}>{t('admin.club.publicPage')}</Link>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </AdminShell>
  );
}
