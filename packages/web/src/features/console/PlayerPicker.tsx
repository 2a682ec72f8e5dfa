import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LineupEntry } from '@touchline/contract';
import { playerLabel } from '../../lib/names.ts';

interface Props {
  title: string;
  players: LineupEntry[];
  /** Label of the "no player" choice (unknown scorer, no assist), or absent when a player is required. */
  noneLabel?: string;
  onPick(playerId: string | undefined): void;
  onCancel(): void;
}

/** A sheet of big buttons, one per player by shirt number; the second tap of a two-tap goal. */
export function PlayerPicker({ title, players, noneLabel, onPick, onCancel }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onCancel();
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [onCancel]);
  const sorted = [...players].sort((a, b) => a.shirtNumber - b.shirtNumber);
  return (
    <div className="sheet-backdrop" onClick={onCancel}>
      <div
        className="sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="player-picker"
        onClick={(e) => e.stopPropagation()}
      >
        <h3 id={titleId}>{title}</h3>
        {sorted.length === 0 && <p className="muted">{t('desk.noLineup')}</p>}
        <div className="player-grid">
          {sorted.map((p, i) => (
            <button
              key={p.playerId}
              ref={i === 0 ? first : undefined}
              type="button"
              className="player-button"
              data-testid="pick-player"
              data-player-id={p.playerId}
              data-shirt={p.shirtNumber}
              onClick={() => onPick(p.playerId)}
            >
              {playerLabel(p)}
              {p.role === 'substitute' && <small className="muted"> · {t('lineup.substitute')}</small>}
            </button>
          ))}
          {noneLabel && (
            <button
              type="button"
              className="player-button none"
              data-testid="pick-none"
              ref={sorted.length === 0 ? first : undefined}
              onClick={() => onPick(undefined)}
            >
              {noneLabel}
            </button>
          )}
        </div>
        <button type="button" className="sheet-cancel" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
