import { useTranslation } from 'react-i18next';
import { Link } from '../../lib/router.tsx';
import { AdminShell } from './AdminShell.tsx';
import { SECTIONS } from './catalog.ts';

/** The league office's home: one card per section, saying what is done there. */
export default function AdminPage() {
  const { t } = useTranslation();
  return (
    <AdminShell title={t('admin.title')}>
      <p className="muted">{t('admin.home.intro')}</p>
      <ul className="admin-home">
        {SECTIONS.map((s) => (
          <li key={s} className="card">
            <h2>
              <Link to={`/admin/${s}`}>{t(`admin.nav.${s}`)}</Link>
            </h2>
            <p className="muted">{t(`admin.home.${s}`)}</p>
          </li>
        ))}
      </ul>
    </AdminShell>
  );
}
