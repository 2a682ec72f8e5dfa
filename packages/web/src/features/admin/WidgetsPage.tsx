import { useTranslation } from 'react-i18next';
import { WidgetBuilder } from '../widgets/WidgetBuilder.tsx';
import { AdminShell } from './AdminShell.tsx';

/** The widget builder inside the league office, in its section menu. */
export default function AdminWidgetsPage() {
  const { t } = useTranslation();
  return (
    <AdminShell section="widgets" title={t('admin.nav.widgets')}>
      <WidgetBuilder />
    </AdminShell>
  );
}
