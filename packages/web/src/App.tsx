import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { matchPath, navigate, usePath, Link } from './lib/router.tsx';
import { useSession } from './lib/session.ts';
import { STAFF_NAV } from './lib/navigation.ts';
import { routes } from './routes.ts';
import { LanguageSwitch } from './ui/LanguageSwitch.tsx';
import { Loading } from './ui/Feedback.tsx';

function resolve(path: string) {
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return undefined;
}

function Header() {
  const { t } = useTranslation();
  const path = usePath();
  const user = useSession((s) => s.user);
  const signOut = useSession((s) => s.signOut);
  const role = user?.role;
  const links = [
    { path: '/', label: 'nav.today' },
    { path: '/competitions', label: 'nav.competitions' },
    ...STAFF_NAV.filter((n) => role && n.roles.includes(role)),
  ];
  const isCurrent = (to: string) => (to === '/' ? path === '/' : path.startsWith(to));
  return (
    <header className="app-header">
      <Link to="/" className="brand">
        Touchline
      </Link>
      <nav aria-label={t('nav.label')}>
        {links.map((l) => (
          <Link key={l.path} to={l.path} aria-current={isCurrent(l.path) ? 'page' : undefined}>
            {t(l.label)}
          </Link>
        ))}
      </nav>
      <div className="header-tools">
        <LanguageSwitch />
        {user && user.role !== 'fan' ? (
          <button type="button" onClick={signOut} aria-label={t('nav.signOutAs', { name: user.displayName })}>
            {t('nav.signOut')}
          </button>
        ) : (
          !user && <Link to="/login">{t('nav.signIn')}</Link>
        )}
      </div>
    </header>
  );
}

function Page({ path }: { path: string }) {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const found = resolve(path);
  const needsSignIn = Boolean(found?.route.roles && !role);
  useEffect(() => {
    if (needsSignIn) navigate(`/login?next=${encodeURIComponent(path)}`, { replace: true });
  }, [needsSignIn, path]);
  if (!found) return <p role="alert">{t('common.notFound')}</p>;
  if (needsSignIn) return null;
  if (found.route.roles && !found.route.roles.includes(role!)) return <p role="alert">{t('common.forbidden')}</p>;
  const View = found.route.page;
  return <View params={found.params} />;
}

export function App() {
  const path = usePath();
  // A bare page draws everything itself, its own landmarks included, and nothing while its chunk loads.
  if (resolve(path)?.route.bare)
    return (
      <Suspense fallback={null}>
        <Page path={path} />
      </Suspense>
    );
  return (
    <>
      <Header />
      <main id="main">
        <Suspense fallback={<Loading />}>
          <Page path={path} />
        </Suspense>
      </main>
    </>
  );
}
