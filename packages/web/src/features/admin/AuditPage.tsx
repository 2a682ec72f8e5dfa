import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@touchline/contract';
import { Link } from '../../lib/router.tsx';
import { leagueTimeZone } from '../../lib/time.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useTopic } from '../../lib/use-topic.ts';
import { ConnectionIndicator } from '../../ui/ConnectionIndicator.tsx';
import { Loading } from '../../ui/Feedback.tsx';
import { AdminShell } from './AdminShell.tsx';
import { auditDiff, auditSubject, mergeEntries, toAuditEntry, type AuditFilter, type Wording } from './audit.ts';
import { Field } from './Field.tsx';
import { Options } from './Options.tsx';
import { ServerError } from './ServerError.tsx';
import { adminApi } from './services.ts';
import { useAction } from './use-action.ts';
import { searchParam, setSearchParams } from './url-state.ts';

const PAGE = 50;

/** Before and after, reduced to what changed. */
function Diff({ entry, wording }: { entry: AuditEntry; wording: Wording }) {
  const { t } = useTranslation();
  const lines = auditDiff(entry.before, entry.after, wording);
  if (lines.length === 0) return null;
  // A creation has no "before" and a deletion no "after": their column is left out rather than shown empty.
  const showBefore = lines.some((l) => l.before !== undefined);
  const showAfter = lines.some((l) => l.after !== undefined);
  return (
    <table className={`audit-diff${showBefore && showAfter ? '' : ' one-side'}`}>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">{t('admin.audit.field')}</th>
          {showBefore && <th scope="col">{t('admin.audit.before')}</th>}
          {showAfter && <th scope="col">{t('admin.audit.after')}</th>}
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.path}>
            <th scope="row">{l.label || t('admin.audit.value')}</th>
            {showBefore && <td className="before">{l.before !== undefined && <del>{l.before}</del>}</td>}
            {showAfter && <td className="after">{l.after !== undefined && <ins>{l.after}</ins>}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The audit log: who changed what, when and from which value; filtered by match and by person, and live. */
export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>(() => ({
    matchId: searchParam('match'),
    userId: searchParam('user'),
  }));
  const [matchInput, setMatchInput] = useState(filter.matchId ?? '');
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const users = useAsync(() => adminApi.users(), []);
  const q = {
    ...(filter.matchId ? { matchId: filter.matchId } : {}),
    ...(filter.userId ? { userId: filter.userId } : {}),
  };
  const first = useAsync(() => adminApi.audit({ ...q, limit: String(PAGE) }), [filter.matchId, filter.userId]);
  useEffect(() => {
    if (!first.data) return;
    // Live entries that came before the page did are kept.
    setEntries((live) => mergeEntries(first.data!.entries, live, filter));
    setCursor(first.data.nextCursor);
    // Only a new page resets the list; the filter comes with it.
  }, [first.data]);
  const more = useAction(async () => {
    if (!cursor) return;
    const page = await adminApi.audit({ ...q, limit: String(PAGE), cursor });
    setEntries((list) => mergeEntries(list, page.entries, filter));
    setCursor(page.nextCursor);
  });
  /** Rows from the topic: the snapshot fills in, patches are new and highlighted. */
  const arrive = (raws: unknown[], isNew: boolean) => {
    const incoming = raws.map(toAuditEntry).filter((e): e is AuditEntry => e !== undefined);
    if (incoming.length === 0) return;
    setEntries((list) => mergeEntries(list, incoming, filter));
    if (isNew) setFresh((f) => new Set([...f, ...incoming.map((e) => e.id)]));
  };
  useTopic('admin', {
    onSnapshot: (rows) => arrive(Array.isArray(rows) ? rows : [], false),
    onPatch: (frame) =>
      arrive(
        frame.changes.filter((c) => c.entity === 'audit').map((c) => c.data),
        true,
      ),
  });
  const apply = (next: AuditFilter) => {
    setFilter(next);
    setEntries([]);
    setFresh(new Set());
    setSearchParams({ match: next.matchId, user: next.userId });
  };
  const submitMatch = (e: FormEvent) => {
    e.preventDefault();
    apply({ ...filter, matchId: matchInput.trim() || undefined });
  };
  const when = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: leagueTimeZone(),
  });
  const wordingOf = (e: AuditEntry): Wording => ({
    refs: e.refs,
    word: (key, fallback) => (i18n.exists(key) ? t(key) : fallback),
    time: (iso) => when.format(new Date(iso)),
  });
  return (
    <AdminShell section="audit" title={t('admin.nav.audit')} tools={<ConnectionIndicator />}>
      <p className="muted">{t('admin.audit.intro')}</p>
      <div className="filter-bar">
        <form className="inline-form" onSubmit={submitMatch}>
          <Field label={t('admin.audit.match')}>
            <input
              inputMode="numeric"
              pattern="[0-9]*"
              className="narrow"
              value={matchInput}
              onChange={(e) => setMatchInput(e.target.value)}
            />
          </Field>
          <button type="submit">{t('admin.audit.filter')}</button>
        </form>
        <Field label={t('admin.audit.user')}>
          <select
            value={filter.userId ?? ''}
            onChange={(e) => apply({ ...filter, userId: e.target.value || undefined })}
          >
            <Options
              items={users.data?.users ?? []}
              text={(u) => `${u.displayName} (${u.login})`}
              blank={t('admin.audit.anyone')}
            />
          </select>
        </Field>
        {(filter.matchId || filter.userId) && (
          <button
            type="button"
            onClick={() => {
              setMatchInput('');
              apply({});
            }}
          >
            {t('admin.audit.clear')}
          </button>
        )}
      </div>
      {first.error && <ServerError error={first.error} onRetry={first.reload} />}
      {first.loading && entries.length === 0 && <Loading />}
      {!first.loading && entries.length === 0 && !first.error && <p className="muted">{t('admin.audit.none')}</p>}
      <ol className="audit-list" data-testid="audit-list" aria-live="polite" aria-relevant="additions">
        {entries.map((e) => {
          const wording = wordingOf(e);
          const subject = auditSubject(e, wording);
          const match = e.matchId ? (e.refs[`match:${e.matchId}`] ?? t('admin.audit.matchN', { id: e.matchId })) : '';
          return (
            <li
              key={e.id}
              className={`card audit-entry${fresh.has(e.id) ? ' fresh' : ''}`}
              data-testid="audit-entry"
              data-audit-id={e.id}
            >
              <div className="audit-head">
                <time dateTime={e.at}>{when.format(new Date(e.at))}</time>
                <span className="audit-who">
                  {e.actor ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => apply({ ...filter, userId: e.actor!.id })}
                      aria-label={t('admin.audit.byUser', { name: e.actor.displayName })}
                    >
                      {e.actor.displayName}
                    </button>
                  ) : e.actorCommand ? (
                    t('admin.audit.command', { command: e.actorCommand })
                  ) : (
                    t('admin.audit.system')
                  )}
                </span>
                <strong className="audit-what">
                  {t(`admin.audit.action.${e.action}`, { defaultValue: e.action })}:{' '}
                  {t(`admin.audit.entity.${e.entity}`, { defaultValue: e.entity })}
                  {subject && <span className="muted"> {subject}</span>}
                </strong>
                {e.matchId && (
                  <span>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        setMatchInput(e.matchId!);
                        apply({ ...filter, matchId: e.matchId! });
                      }}
                    >
                      {match}
                    </button>{' '}
                    <Link to={`/matches/${e.matchId}`} aria-label={t('admin.audit.openMatch', { id: match })}>
                      ↗
                    </Link>
                  </span>
                )}
              </div>
              {e.reason && <p className="audit-reason">{t('admin.audit.reason', { reason: e.reason })}</p>}
              <Diff entry={e} wording={wording} />
            </li>
          );
        })}
      </ol>
      {more.error && <ServerError error={more.error} />}
      {cursor && (
        <button type="button" onClick={() => void more.run()} disabled={more.busy} data-testid="audit-more">
          {more.busy ? t('common.loading') : t('admin.audit.older')}
        </button>
      )}
    </AdminShell>
  );
}
