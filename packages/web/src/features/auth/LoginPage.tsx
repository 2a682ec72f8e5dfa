import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { navigate } from '../../lib/router.tsx';
import { api } from '../../lib/services.ts';
import { useSession } from '../../lib/session.ts';
import { HOME_BY_ROLE } from '../../lib/navigation.ts';
import { ErrorNote } from '../../ui/Feedback.tsx';

/** Only same-site paths are followed after sign-in. */
function nextPath(): string | undefined {
  const next = new URLSearchParams(location.search).get('next');
  return next?.startsWith('/') && !next.startsWith('//') ? next : undefined;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const signIn = useSession((s) => s.signIn);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api.login(login.trim(), password);
      signIn(answer, true);
      navigate(nextPath() ?? HOME_BY_ROLE[answer.user.role], { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
      setBusy(false);
    }
  }

  return (
    <form className="login card" onSubmit={submit} aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <label>
        {t('login.login')}
        <input name="login" autoComplete="username" required value={login} onChange={(e) => setLogin(e.target.value)} />
      </label>
      <label>
        {t('login.password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {error && <ErrorNote error={error} />}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('common.loading') : t('login.submit')}
      </button>
    </form>
  );
}
