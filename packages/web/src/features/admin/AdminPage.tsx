import { useTranslation } from 'react-i18next';

/** The slot the admin screens will fill. */
export default function AdminPage() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">{t('nav.admin')}</h1>
      <p className="muted">{t('admin.soon')}</p>
    </section>
  );
}
