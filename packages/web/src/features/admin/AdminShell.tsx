import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, usePath } from '../../lib/router.tsx';
import { SECTIONS, type Section } from './catalog.ts';
import './locale.ts';
import './admin.css';

/** Every admin screen: a section menu (a row on a phone, a column at a desk), the title and the screen. */
export function AdminShell({
  section,
  title,
  tools,
  children,
}: {
  section?: Section;
  title: string;
  tools?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const path = usePath();
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={t('admin.nav.label')}>
        <Link to="/admin" aria-current={path === '/admin' ? 'page' : undefined}>
          {t('admin.nav.home')}
        </Link>
        {SECTIONS.map((s) => (
          <Link
            key={s}
            to={`/admin/${s}`}
            aria-current={section === s ? 'page' : undefined}
            data-testid={`admin-nav-${s}`}
          >
            {t(`admin.nav.${s}`)}
          </Link>
        ))}
      </nav>
      <section className="admin-main" aria-labelledby="admin-title">
        <div className="admin-bar">
          <h1 id="admin-title">{title}</h1>
          {tools}
        </div>
        {children}
      </section>
    </div>
  );
}
