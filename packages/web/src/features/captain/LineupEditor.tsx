import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LineupRole, MatchSummary, Side } from '@touchline/contract';
import { DEFAULT_JUDGE_WINDOW_HOURS, matchWriteRefusal } from '@touchline/domain';
import { ApiError } from '../../lib/api.ts';
import { fullName } from '../../lib/names.ts';
import { api } from '../../lib/services.ts';
import { useAsync } from '../../lib/use-async.ts';
import { ErrorNote, Loading } from '../../ui/Feedback.tsx';
import { draftFrom, draftProblems, namesakes, ruleProblems, toBody, type DraftRow } from './lineup-draft.ts';
import { LineupRuleStatus } from './LineupRuleStatus.tsx';

/** The positions a captain can name for the match; a roster's own other text is kept as it is. */
const POSITIONS = ['GK', 'DF', 'MF', 'FW'];

/** A captain's lineup rule reads only the status; the clock is there for the shared signature. */
const LINEUP_CLOCK = { judgeWindowHours: DEFAULT_JUDGE_WINDOW_HOURS, now: new Date(0) };

const ROLES: readonly LineupRole[] = ['starter', 'substitute'];

interface Props {
  match: MatchSummary;
  side: Side;
}

/** One choice on a picked player's row: the column's word on screen, the player's name for a screen reader. */
function RowChoice<V extends string>({
  label,
  ariaLabel,
  testId,
  value,
  disabled,
  options,
  onChange,
}: {
  label: string;
  ariaLabel: string;
  testId: string;
  value: V;
  disabled: boolean;
  options: { value: V; text: string }[];
  onChange: (value: V) => void;
}) {
  const pick = (picked: string) => options.find((o) => o.value === picked)?.value;
  return (
    <label>
      {label}
      <select
        aria-label={ariaLabel}
        data-testid={testId}
        value={value}
        disabled={disabled}
        onChange={(e) => {
          const v = pick(e.target.value);
          if (v !== undefined) onChange(v);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Starters and substitutes from the season roster, with shirt numbers and positions; suspended players cannot be
 * picked, and saving waits until the competition's lineup rules are kept.
 */
export function LineupEditor({ match, side }: Props) {
  const { t } = useTranslation();
  const positionName = (p: string) => t(`captain.positions.${p}`, { defaultValue: p });
  const source = useAsync(
    () => Promise.all([api.lineupOptions(match.id, side), api.match(match.id)]),
    [match.id, side],
  );
  const [rows, setRows] = useState<DraftRow[]>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError>();

  useEffect(() => {
    if (source.data) setRows(draftFrom(source.data[0].roster, source.data[1].lineups[side]));
  }, [source.data, side]);

  if (source.error) return <ErrorNote error={source.error} onRetry={source.reload} />;
  if (!rows) return <Loading />;

  // The server's rule (docs/protocol.md, lineup_locked): the lineup closes when the match kicks off, not at the
  // scheduled time, so a late start leaves it open.
  const locked = matchWriteRefusal('captain', match, 'lineup', LINEUP_CLOCK) !== null;
  const [{ rules, roster }] = source.data!;
  const problems = draftProblems(rows);
  const broken = ruleProblems(rows, rules);
  const twins = namesakes(roster);
  const count = (role: LineupRole) => rows.filter((r) => r.selected && r.role === role).length;
  const update = (id: string, patch: Partial<DraftRow>) => {
    setSaved(false);
    setRows((prev) => prev!.map((r) => (r.player.playerId === id ? { ...r, ...patch } : r)));
  };

  async function save() {
    setSaving(true);
    setError(undefined);
    try {
      await api.putLineup(match.id, side, toBody(rows!));
      setSaved(true);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="lineup-editor" aria-labelledby="lineup-title">
      <h2 id="lineup-title">
        {t('captain.lineupFor', { club: match[side === 'home' ? 'homeClub' : 'awayClub'].name })}
      </h2>
      {locked && (
        <p className="hint" role="note">
          {t('captain.locked')}
        </p>
      )}
      <ul className="roster">
        {rows.map((r) => {
          const id = r.player.playerId;
          const name = fullName(r.player);
          const problem = problems.get(id);
          const reasonId = `suspension-${id}`;
          return (
            <li key={id} className={r.player.suspended ? 'roster-row suspended' : 'roster-row'} data-player-id={id}>
              <label className="checkbox roster-name">
                <input
                  type="checkbox"
                  data-testid="lineup-player-checkbox"
                  data-player-id={id}
                  checked={r.selected}
                  disabled={locked || Boolean(r.player.suspended)}
                  aria-describedby={r.player.suspended ? reasonId : undefined}
                  onChange={(e) => update(id, { selected: e.target.checked })}
                />
                <span className="shirt">{r.player.shirtNumber}</span>
                <span>
                  {name}
                  {r.player.position && <small className="muted"> · {positionName(r.player.position)}</small>}
                  {twins.has(id) && r.player.birthYear && (
                    <small className="muted" data-testid="namesake-year">
                      {' '}
                      · {t('captain.born', { year: r.player.birthYear })}
                    </small>
                  )}
                </span>
              </label>
              {r.player.suspended && (
                <p className="suspension" id={reasonId} data-testid="suspension-reason">
                  {t('captain.suspended', {
                    reason: t(`suspension.${r.player.suspended.reason}`, { defaultValue: r.player.suspended.reason }),
                    count: r.player.suspended.matchesRemaining,
                  })}
                </p>
              )}
              {r.selected && (
                <div className="roster-fields">
                  <label>
                    {t('captain.number')}
                    <input
                      type="number"
                      min={1}
                      max={99}
                      inputMode="numeric"
                      aria-label={t('captain.numberFor', { name })}
                      aria-invalid={problem ? true : undefined}
                      data-testid="lineup-shirt-number"
                      value={Number.isNaN(r.shirtNumber) ? '' : r.shirtNumber}
                      disabled={locked}
                      onChange={(e) => update(id, { shirtNumber: e.target.valueAsNumber })}
                    />
                  </label>
                  <RowChoice
                    label={t('captain.role')}
                    ariaLabel={t('captain.roleFor', { name })}
                    testId="lineup-role"
                    value={r.role}
                    disabled={locked}
                    options={ROLES.map((role) => ({ value: role, text: t(`lineup.${role}`) }))}
                    onChange={(role) => update(id, { role })}
                  />
                  <RowChoice
                    label={t('captain.position')}
                    ariaLabel={t('captain.positionFor', { name })}
                    testId="lineup-position"
                    value={r.position}
                    disabled={locked}
                    options={[
                      { value: '', text: '—' },
                      ...[...new Set([...POSITIONS, ...(r.position ? [r.position] : [])])].map((p) => ({
                        value: p,
                        text: positionName(p),
                      })),
                    ]}
                    onChange={(position) => update(id, { position })}
                  />
                  {problem && <span className="field-error">{t(`captain.problem.${problem}`)}</span>}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <LineupRuleStatus rules={rules} starters={count('starter')} substitutes={count('substitute')} problems={broken} />
      {error && <ErrorNote error={error} />}
      {saved && (
        <p role="status" className="ok" data-testid="lineup-saved">
          {t('captain.saved', { count: count('starter') + count('substitute') })}
        </p>
      )}
      <button
        type="button"
        className="primary"
        data-testid="lineup-save"
        disabled={locked || saving || problems.size > 0 || broken.length > 0}
        aria-describedby={broken.length > 0 ? 'lineup-rule-problems' : undefined}
        onClick={() => void save()}
      >
        {t('captain.save')}
      </button>
    </section>
  );
}
