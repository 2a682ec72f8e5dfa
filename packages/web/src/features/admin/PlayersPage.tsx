import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminPlayer } from '../../lib/admin-api.ts';
import { useAsync } from '../../lib/use-async.ts';
import { AdminShell } from './AdminShell.tsx';
import { loadLeague } from './context.ts';
import { CsvImport } from './CsvImport.tsx';
import { Field } from './Field.tsx';
import { EditButton, ListWithEditor } from './ListWithEditor.tsx';
import { Options } from './Options.tsx';
import { PlayerForm } from './PlayerForm.tsx';
import { RosterPanel } from './RosterPanel.tsx';
import { LoadStatus, ServerError } from './ServerError.tsx';
import { adminApi } from './services.ts';
import { TransferPanel } from './TransferPanel.tsx';
import { searchParam, setSearchParams } from './url-state.ts';

const PAGE = 50;

type Panel = { kind: 'new' } | { kind: 'edit' | 'transfer'; player: AdminPlayer } | { kind: 'import' };
/** An editor is keyed by what it edits, so opening another player starts afresh. */
const panelKey = (p: Panel) => (p.kind === 'new' || p.kind === 'import' ? p.kind : `${p.kind}:${p.player.id}`);

/** Players by club: register, edit, transfer, import from CSV, and the club's season roster with shirt numbers. */
export default function PlayersPage() {
  const { t } = useTranslation();
  const context = useAsync(loadLeague, []);
  const [clubId, setClubId] = useState(() => searchParam('club') ?? '');
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [panel, setPanel] = useState<Panel>();
  const [notice, setNotice] = useState('');
  const list = useAsync(
    () =>
      adminApi.players({
        ...(clubId ? { clubId } : {}),
        ...(search ? { q: search } : {}),
        limit: String(PAGE),
        offset: String(offset),
      }),
    [clubId, search, offset],
  );
  const clubs = context.data?.clubs ?? [];
  const club = clubs.find((c) => c.id === clubId);
  const pickClub = (id: string) => {
    setClubId(id);
    setOffset(0);
    setSearchParams({ club: id || undefined });
  };
  const submitSearch = (e: FormEvent) => {
    e.preventDefault();
    setSearch(q.trim());
    setOffset(0);
  };
  const saved = (p: AdminPlayer) => {
    if (panel?.kind === 'new') setNotice(t('admin.player.created', { name: `${p.firstName} ${p.lastName}` }));
    setPanel({ kind: 'edit', player: p });
    list.reload();
  };
  const deleted = (p: AdminPlayer) => {
    setNotice(t('admin.player.deleted', { name: `${p.firstName} ${p.lastName}` }));
    setPanel(undefined);
    list.reload();
  };
  const total = list.data?.total ?? 0;
  return (
    <AdminShell
      section="players"
      title={club ? t('admin.player.titleOf', { club: club.name }) : t('admin.nav.players')}
      tools={
        <div className="button-row">
          <button type="button" className="primary" onClick={() => setPanel({ kind: 'new' })} data-testid="player-new">
            {t('admin.player.new')}
          </button>
          <button type="button" onClick={() => setPanel({ kind: 'import' })} data-testid="player-import">
            {t('admin.csv.open')}
          </button>
        </div>
      }
    >
      <p className="ok" role="status" data-testid="notice">
        {notice}
      </p>
      {context.error && <ServerError error={context.error} onRetry={context.reload} />}
      <div className="filter-bar">
        <Field label={t('admin.player.club')}>
          <select value={clubId} onChange={(e) => pickClub(e.target.value)} data-testid="player-club-filter">
            <Options items={clubs} text={(c) => c.name} blank={t('admin.player.allClubs')} />
          </select>
        </Field>
        <form className="inline-form" onSubmit={submitSearch} role="search">
          <Field label={t('admin.player.search')}>
            <input type="search" maxLength={50} value={q} onChange={(e) => setQ(e.target.value)} />
          </Field>
          <button type="submit">{t('admin.player.find')}</button>
        </form>
      </div>
      <ListWithEditor
        editorKey={panel && panelKey(panel)}
        editor={
          panel &&
          context.data && (
            <>
              {panel.kind === 'new' && (
                <PlayerForm
                  clubs={clubs}
                  defaultClubId={clubId || undefined}
                  onSaved={saved}
                  onCancel={() => setPanel(undefined)}
                />
              )}
              {panel.kind === 'edit' && (
                <PlayerForm
                  player={panel.player}
                  clubs={clubs}
                  onSaved={saved}
                  onDeleted={deleted}
                  onCancel={() => setPanel(undefined)}
                />
              )}
              {panel.kind === 'transfer' && (
                <TransferPanel
                  player={panel.player}
                  clubs={clubs}
                  onDone={(p) => {
                    setPanel({ kind: 'transfer', player: p });
                    list.reload();
                  }}
                  onCancel={() => setPanel(undefined)}
                />
              )}
              {panel.kind === 'import' && (
                <CsvImport
                  seasons={context.data.seasons}
                  onImported={list.reload}
                  onCancel={() => setPanel(undefined)}
                />
              )}
            </>
          )
        }
      >
        <div className="admin-list">
          <LoadStatus state={list} />
          {list.data && list.data.players.length === 0 && <p className="muted">{t('admin.player.none')}</p>}
          {list.data && list.data.players.length > 0 && (
            <div className="table-scroll">
              <table className="admin-table responsive" data-testid="player-list">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.player.number')}</th>
                    <th scope="col">{t('admin.player.name')}</th>
                    <th scope="col">{t('admin.player.position')}</th>
                    {!clubId && <th scope="col">{t('admin.player.club')}</th>}
                    <th scope="col">{t('admin.common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.players.map((p) => {
                    const name = `${p.firstName} ${p.lastName}`;
                    return (
                      <tr key={p.id} data-testid="player-row" data-player-id={p.id}>
                        <td className="num">{p.shirtNumber ?? '–'}</td>
                        <th scope="row">{name}</th>
                        <td data-label={t('admin.player.position')}>{p.position ?? '—'}</td>
                        {!clubId && <td data-label={t('admin.player.club')}>{p.club?.name ?? '—'}</td>}
                        <td>
                          <div className="button-row">
                            <EditButton
                              label={t('admin.player.editLabel', { name })}
                              onClick={() => setPanel({ kind: 'edit', player: p })}
                            />
                            <button
                              type="button"
                              onClick={() => setPanel({ kind: 'transfer', player: p })}
                              aria-label={t('admin.transfer.label', { name })}
                            >
                              {t('admin.transfer.open')}
                            </button>
                          </div>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {total > PAGE && (
            <nav className="pager button-row" aria-label={t('admin.common.pages')}>
              <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                {t('admin.common.previous')}
              </button>
              <span>{t('admin.common.range', { from: offset + 1, to: Math.min(offset + PAGE, total), total })}</span>
              <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
                {t('admin.common.next')}
              </button>
            </nav>
          )}
        </div>
      </ListWithEditor>
      {club && context.data && <RosterPanel key={club.id} club={club} seasons={context.data.seasons} />}
    </AdminShell>
  );
}
