import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchSummary } from '@touchline/contract';
import type { AdminUser } from '../../lib/admin-api.ts';
import { Link } from '../../lib/router.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { StreamLinkForm } from '../../ui/StreamLinkForm.tsx';
import { Field } from './Field.tsx';
import { fieldErrors, textOrNull } from './forms.ts';
import { localInputToUtc, utcToLocalInput } from './kickoff.ts';
import { canReschedule, STATUS_ACTIONS, type StatusAction } from './match-actions.ts';
import type { Officials } from './MatchCreateForm.tsx';
import { Options } from './Options.tsx';
import { PredictionLineForm } from './PredictionLineForm.tsx';
import { FormStatus, ServerError } from './ServerError.tsx';
import { adminApi } from './services.ts';
import { submitting, useAction } from './use-action.ts';

const idByName = (list: { id: string; name: string }[], name: string | undefined) =>
  list.find((x) => x.name === name)?.id ?? '';

/** New kick-off, venue or referee; only what changed is sent, with an optional reason for the log. */
function Reschedule({
  match,
  zone,
  officials,
  onSaved,
}: {
  match: MatchSummary;
  zone: string;
  officials: Officials;
  onSaved: (m: MatchSummary) => void;
}) {
  const { t } = useTranslation();
  const original = {
    kickoff: utcToLocalInput(match.kickoffAt, zone),
    venueId: idByName(officials.venues, match.venue),
    refereeId: idByName(officials.referees, match.referee),
  };
  const [draft, setDraft] = useState(original);
  const [reason, setReason] = useState('');
  const at = localInputToUtc(draft.kickoff, zone);
  const save = useAction(async () => {
    const body = {
      ...(draft.kickoff !== original.kickoff && at ? { kickoffAt: at } : {}),
      ...(draft.venueId !== original.venueId ? { venueId: draft.venueId || null } : {}),
      ...(draft.refereeId !== original.refereeId ? { refereeId: draft.refereeId || null } : {}),
    };
    if (Object.keys(body).length === 0) return t('admin.common.unchanged');
    const r = textOrNull(reason);
    onSaved((await adminApi.reschedule(match.id, { ...body, ...(r ? { reason: r } : {}) })).match);
    setReason('');
    return t('admin.match.rescheduled');
  });
  const errors = fieldErrors(save.error);
  const submit = submitting(save);
  return (
    <form onSubmit={submit} aria-label={t('admin.match.reschedule')} className="manage-block">
      <h3>{t('admin.match.reschedule')}</h3>
      <div className="form-grid">
        <Field
          label={t('admin.match.kickoff')}
          hint={t('admin.match.zoneHint', { zone })}
          error={draft.kickoff && !at ? t('admin.match.badKickoff') : errors.kickoffAt}
        >
          <input
            type="datetime-local"
            required
            value={draft.kickoff}
            onChange={(e) => setDraft({ ...draft, kickoff: e.target.value })}
          />
        </Field>
        <Field label={t('admin.match.venue')} error={errors.venueId}>
          <select value={draft.venueId} onChange={(e) => setDraft({ ...draft, venueId: e.target.value })}>
            <Options items={officials.venues} text={(v) => v.name} blank={t('admin.common.notSet')} />
          </select>
        </Field>
        <Field label={t('admin.match.referee')} error={errors.refereeId}>
          <select value={draft.refereeId} onChange={(e) => setDraft({ ...draft, refereeId: e.target.value })}>
            <Options items={officials.referees} text={(r) => r.name} blank={t('admin.common.notSet')} />
          </select>
        </Field>
        <Field label={t('admin.match.reason')} hint={t('admin.common.optional')} error={errors.reason} className="wide">
          <input maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      </div>
      <FormStatus error={save.error} done={save.done} />
      <button type="submit" disabled={save.busy || !at}>
        {t('admin.common.save')}
      </button>
    </form>
  );
}

/** Postpone, cancel, restore or reopen, from the table in match-actions.ts; reopening a result needs a reason. */
function StatusChange({ match, onSaved }: { match: MatchSummary; onSaved: (m: MatchSummary) => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<StatusAction>();
  const [reason, setReason] = useState('');
  const change = useAction(async (a: StatusAction) => {
    const r = textOrNull(reason);
    const { match: after } = await adminApi.setMatchStatus(match.id, { status: a.to, ...(r ? { reason: r } : {}) });
    onSaved(after);
    setChosen(undefined);
    setReason('');
    return t('admin.match.statusChanged', { status: t(`status.${after.status}`) });
  });
  const actions = STATUS_ACTIONS[match.status];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen) void change.run(chosen);
  };
  return (
    <div className="manage-block">
      <h3>{t('admin.match.status')}</h3>
      <div className="button-row">
        {actions.map((a) => (
          <button
            key={a.action}
            type="button"
            aria-pressed={chosen?.action === a.action}
            className={a.action === 'cancel' ? 'danger' : undefined}
            onClick={() => {
              setChosen(a);
              change.reset();
            }}
          >
            {t(`admin.match.action.${a.action}`)}
          </button>
        ))}
      </div>
      {chosen && (
        <form className="inline-form" onSubmit={submit} aria-label={t(`admin.match.action.${chosen.action}`)}>
          <Field
            label={t('admin.match.reason')}
            hint={chosen.reasonRequired ? t('admin.match.reasonRequired') : t('admin.common.optional')}
          >
            <input
              required={chosen.reasonRequired}
              minLength={chosen.reasonRequired ? 1 : undefined}
              maxLength={200}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Field>
          <button type="submit" className="primary" disabled={change.busy}>
            {t('admin.match.confirm', { action: t(`admin.match.action.${chosen.action}`) })}
          </button>
          <button type="button" onClick={() => setChosen(undefined)}>
            {t('admin.common.cancel')}
          </button>
        </form>
      )}
      <FormStatus error={change.error} done={change.done} />
    </div>
  );
}

/**
 * Who may record the match: with operators assigned, only they (and admins) can; with none, every operator can.
 */
function Operators({ match, operators }: { match: MatchSummary; operators: AdminUser[] }) {
  const { t } = useTranslation();
  const current = useAsync(() => adminApi.operators(match.id), [match.id]);
  const [chosen, setChosen] = useState<Set<string>>();
  const selected = chosen ?? new Set(current.data?.operators.map((o) => o.id) ?? []);
  const save = useAction(async () => {
    const out = await adminApi.setOperators(match.id, [...selected]);
    current.mutate(() => out);
    setChosen(undefined);
    return out.operators.length
      ? t('admin.match.operatorsSaved', { names: out.operators.map((o) => o.displayName).join(', ') })
      : t('admin.match.operatorsOpen');
  });
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };
  const submit = submitting(save);
  // Someone assigned earlier and deactivated since still shows, so they can be taken off.
  const listed = [
    ...operators,
    ...(current.data?.operators ?? []).filter((o) => !operators.some((x) => x.id === o.id)),
  ];
  return (
    <form className="manage-block" onSubmit={submit}>
      <fieldset>
        <legend>{t('admin.match.operators')}</legend>
        <p className="muted">{selected.size ? t('admin.match.operatorsHint') : t('admin.match.operatorsNone')}</p>
        {current.error && <ServerError error={current.error} onRetry={current.reload} />}
        {listed.length === 0 && <p className="muted">{t('admin.match.noOperators')}</p>}
        <div className="checkbox-grid">
          {listed.map((o) => (
            <label key={o.id} className="checkbox">
              <input
                type="checkbox"
                checked={selected.has(o.id)}
                onChange={() => toggle(o.id)}
                disabled={!current.data}
              />
              {o.displayName} <span className="muted">({o.login})</span>
            </label>
          ))}
        </div>
      </fieldset>
      <FormStatus error={save.error} done={save.done} />
      <button type="submit" disabled={save.busy || !current.data || !chosen}>
        {t('admin.match.saveOperators')}
      </button>
    </form>
  );
}

/**
 * Everything the office does to one match: time and place, status, the video link, operators; with links to its log
 * and console.
 */
export function MatchManage({
  match,
  zone,
  officials,
  operators,
  onSaved,
}: {
  match: MatchSummary;
  zone: string;
  officials: Officials;
  operators: AdminUser[];
  onSaved: (m: MatchSummary) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="match-manage" data-testid="match-manage">
      <p className="button-row admin-links">
        <Link to={`/console/${match.id}`}>{t('admin.match.console')}</Link>
        <Link to={`/admin/audit?match=${match.id}`}>{t('admin.match.history')}</Link>
        <Link to={`/matches/${match.id}`}>{t('admin.match.publicPage')}</Link>
      </p>
      {canReschedule(match.status) ? (
        <Reschedule match={match} zone={zone} officials={officials} onSaved={onSaved} />
      ) : (
        <p className="muted">{t('admin.match.noReschedule')}</p>
      )}
      {match.status === 'scheduled' && <PredictionLineForm match={match} />}
      <StatusChange match={match} onSaved={onSaved} />
      <div className="manage-block">
        <StreamLinkForm
          current={match.streamUrl}
          save={async (streamUrl) => onSaved((await adminApi.reschedule(match.id, { streamUrl })).match)}
        />
      </div>
      <Operators match={match} operators={operators} />
    </div>
  );
}
