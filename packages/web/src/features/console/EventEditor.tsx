import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventType, PatchEventBody, Side } from '@touchline/contract';
import { EVENT_RULES, EVENT_TYPES } from '@touchline/domain';
import { COMMENT_MAX_LENGTH, MINUTE_MAX } from '@touchline/contract/constants';
import { playerLabel, SIDES } from '../../lib/names.ts';
import type { MatchView, ViewEvent } from './optimistic.ts';

interface Props {
  view: MatchView;
  event: ViewEvent;
  onSave(body: PatchEventBody): void;
  onCancel(): void;
}

type Draft = {
  type: EventType;
  side: Side;
  minute: number;
  addedTime: number;
  playerId: string;
  relatedPlayerId: string;
  scored: boolean;
  text: string;
};

/** Only what changed is sent; a cleared player is sent as null. The fields are the event table's row. */
function diff(e: ViewEvent, d: Draft): PatchEventBody {
  const body: PatchEventBody = {};
  if (d.type !== e.type) body.type = d.type;
  if (d.side !== e.side) body.side = d.side;
  if (d.minute !== e.minute) body.minute = d.minute;
  if (d.addedTime !== (e.addedTime ?? 0)) body.addedTime = d.addedTime;
  if (d.playerId !== (e.playerId ?? '')) body.playerId = d.playerId || null;
  const rule = EVENT_RULES[d.type];
  const related = rule.related ? d.relatedPlayerId : '';
  if (related !== (e.relatedPlayerId ?? '')) body.relatedPlayerId = related || null;
  if (rule.scored && d.scored !== Boolean(e.scored)) body.scored = d.scored;
  if (rule.text && d.text.trim() !== (e.text ?? '')) body.text = d.text.trim();
  return body;
}

export function EventEditor({ view, event, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>({
    type: event.type,
    side: event.side,
    minute: event.minute,
    addedTime: event.addedTime ?? 0,
    playerId: event.playerId ?? '',
    relatedPlayerId: event.relatedPlayerId ?? '',
    scored: Boolean(event.scored),
    text: event.text ?? '',
  });
  const set = (patch: Partial<Draft>) => setD((prev) => ({ ...prev, ...patch }));
  const players = [...view.lineups[d.side]].sort((a, b) => a.shirtNumber - b.shirtNumber);
  const rule = EVENT_RULES[d.type];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = diff(event, d);
    if (Object.keys(body).length > 0) onSave(body);
    else onCancel();
  };

  const playerSelect = (label: string, value: string, onChange: (v: string) => void) => (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('player.unknown')}</option>
        {players.map((p) => (
          <option key={p.playerId} value={p.playerId}>
            {playerLabel(p)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form className="event-editor" onSubmit={submit} aria-label={t('feed.editTitle')} data-testid="event-editor">
      <label>
        {t('feed.type')}
        <select value={d.type} onChange={(e) => set({ type: e.target.value as EventType })}>
          {EVENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`event.${type}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('feed.side')}
        <select
          value={d.side}
          onChange={(e) => set({ side: e.target.value as Side, playerId: '', relatedPlayerId: '' })}
        >
          {SIDES.map((side) => (
            <option key={side} value={side}>
              {view.match[side === 'home' ? 'homeClub' : 'awayClub'].name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('desk.minute')}
        <input
          type="number"
          min={1}
          max={MINUTE_MAX}
          required
          value={d.minute}
          onChange={(e) => set({ minute: Number(e.target.value) })}
        />
      </label>
      <label>
        {t('desk.addedTime')}
        <input
          type="number"
          min={0}
          max={30}
          value={d.addedTime}
          onChange={(e) => set({ addedTime: Number(e.target.value) })}
        />
      </label>
      {playerSelect(t(rule.related === 'on' ? 'feed.playerOff' : 'feed.player'), d.playerId, (v) =>
        set({ playerId: v }),
      )}
      {rule.related &&
        playerSelect(t(rule.related === 'on' ? 'feed.playerOn' : 'feed.assist'), d.relatedPlayerId, (v) =>
          set({ relatedPlayerId: v }),
        )}
      {rule.text && (
        <label>
          {t('deskComment.text')}
          <textarea
            data-testid="event-text"
            required
            maxLength={COMMENT_MAX_LENGTH}
            rows={2}
            value={d.text}
            onChange={(e) => set({ text: e.target.value })}
          />
        </label>
      )}
      {rule.scored && (
        <label className="checkbox">
          <input type="checkbox" checked={d.scored} onChange={(e) => set({ scored: e.target.checked })} />
          {t('shootout.scored')}
        </label>
      )}
      <div className="button-row">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
