import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminCompetition, AdminSeason } from '../../lib/admin-api.ts';
import { Link } from '../../lib/router.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { AdminShell } from './AdminShell.tsx';
import { CompetitionForm } from './CompetitionForm.tsx';
import { EditButton, ListWithEditor } from './ListWithEditor.tsx';
import { upsertById } from './lists.ts';
import { SeasonForm } from './SeasonForm.tsx';
import { LoadStatus } from './ServerError.tsx';
import { adminApi } from './services.ts';
import { useListEditor } from './use-list-editor.ts';

async function load() {
  const [{ competitions }, { seasons }] = await Promise.all([adminApi.competitions(), adminApi.seasons()]);
  return { competitions, seasons };
}

/** A line of the rules, so the list says what each competition plays by without opening it. */
function RulesSummary({ c }: { c: AdminCompetition }) {
  const { t } = useTranslation();
  return (
    <p className="muted rules-summary">
      {t('admin.competition.summary', {
        win: c.pointsWin,
        draw: c.pointsDraw,
        loss: c.pointsLoss,
        yellow: c.yellowCardLimit,
        red: c.redCardBan,
      })}
      {' · '}
      {c.tieBreakers.map((b) => t(`admin.tieBreaker.${b}`)).join(' → ')}
    </p>
  );
}

/** Competitions with their rules, and their seasons: create and edit both. */
export default function CompetitionsPage() {
  const { t } = useTranslation();
  const data = useAsync(load, []);
  const [addingSeasonTo, setAddingSeasonTo] = useState<string>();
  const editor = useListEditor(
    data.data?.competitions,
    (c) => data.mutate((d) => ({ seasons: d?.seasons ?? [], competitions: upsertById(d?.competitions, c) })),
    (c) => t('admin.competition.created', { name: c.name }),
  );
  const seasonCreated = (s: AdminSeason) => {
    data.mutate((d) => ({ competitions: d?.competitions ?? [], seasons: [...(d?.seasons ?? []), s] }));
    setAddingSeasonTo(undefined);
    editor.setNotice(t('admin.season.created', { name: s.name }));
  };

  return (
    <AdminShell
      section="competitions"
      title={t('admin.nav.competitions')}
      tools={
        <button type="button" className="primary" onClick={() => editor.edit('new')}>
          {t('admin.competition.new')}
        </button>
      }
    >
      <p className="ok" role="status">
        {editor.notice}
      </p>
      <LoadStatus state={data} />
      <ListWithEditor
        editorKey={editor.editing}
        editor={
          editor.open && <CompetitionForm competition={editor.current} onSaved={editor.saved} onCancel={editor.close} />
        }
      >
        <ul className="admin-list" data-testid="competition-list">
          {data.data?.competitions.map((c) => {
            const seasons = data.data!.seasons.filter((s) => s.competitionId === c.id);
            return (
              <li key={c.id} className="card" aria-labelledby={`competition-${c.id}`}>
                <div className="card-head">
                  <h2 id={`competition-${c.id}`}>
                    {c.name} <span className="chip">{t(`admin.competitionType.${c.type}`)}</span>
                  </h2>
                  <EditButton
                    label={t('admin.competition.editLabel', { name: c.name })}
                    onClick={() => editor.edit(c.id)}
                  />
                </div>
                <RulesSummary c={c} />
                <h3>{t('admin.season.list')}</h3>
                {seasons.length === 0 && <p className="muted">{t('admin.season.none')}</p>}
                <ul className="plain-list">
                  {seasons.map((s) => (
                    <li key={s.id}>
                      <Link to={`/admin/seasons/${s.id}`}>{s.name}</Link>{' '}
                      <span className="muted">{t(`admin.format.${s.format}`)}</span>{' '}
                      {s.active && <span className="chip chip-current">{t('admin.season.active')}</span>}
                    </li>
                  ))}
                </ul>
                {addingSeasonTo === c.id ? (
                  <SeasonForm
                    competitionId={c.id}
                    onSaved={seasonCreated}
                    onCancel={() => setAddingSeasonTo(undefined)}
                  />
                ) : (
                  <button type="button" onClick={() => setAddingSeasonTo(c.id)}>
                    {t('admin.season.new')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </ListWithEditor>
    </AdminShell>
  );
}
