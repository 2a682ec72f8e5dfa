import { useTranslation } from 'react-i18next';
import type { AdminClub } from '../../lib/admin-api.ts';
import { Link } from '../../lib/router.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { AdminShell } from './AdminShell.tsx';
import { ClubForm } from './ClubForm.tsx';
import { EditButton, ListWithEditor } from './ListWithEditor.tsx';
import { upsertById } from './lists.ts';
import { LoadStatus } from './ServerError.tsx';
import { adminApi } from './services.ts';
import { useListEditor } from './use-list-editor.ts';

const byName = (a: AdminClub, b: AdminClub) => a.name.localeCompare(b.name);

/** The league's clubs: a table at a desk, cards on a phone; the editor opens beside or above it. */
export default function ClubsPage() {
  const { t } = useTranslation();
  const data = useAsync(() => adminApi.clubs(), []);
  const clubs = [...(data.data?.clubs ?? [])].sort(byName);
  const editor = useListEditor(
    clubs,
    (club) => data.mutate((d) => ({ clubs: upsertById(d?.clubs, club) })),
    (club) => t('admin.club.created', { name: club.name }),
  );
  return (
    <AdminShell
      section="clubs"
      title={t('admin.nav.clubs')}
      tools={
        <button type="button" className="primary" onClick={() => editor.edit('new')} data-testid="club-new">
          {t('admin.club.new')}
        </button>
      }
    >
      <p className="ok" role="status" data-testid="notice">
        {editor.notice}
      </p>
      <LoadStatus state={data} />
      <ListWithEditor
        editorKey={editor.editing}
        editor={editor.open && <ClubForm club={editor.current} onSaved={editor.saved} onCancel={editor.close} />}
      >
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
                <tr key={c.id} data-testid="club-row" aria-current={c.id === editor.editing ? 'true' : undefined}>
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
                      <EditButton
                        label={t('admin.club.editLabel', { name: c.name })}
                        onClick={() => editor.edit(c.id)}
                      />
                      <Link to={`/admin/players?club=${c.id}`}>{t('admin.club.players')}</Link>
                      <Link to={`/clubs/${c.id}`}>{t('admin.club.publicPage')}</Link>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ListWithEditor>
    </AdminShell>
  );
}
