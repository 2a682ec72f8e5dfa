import { useTranslation } from 'react-i18next';
import type { LineupEntry } from '@touchline/contract';
import { fullName } from '../../lib/names.ts';
import { Sheet } from './Sheet.tsx';

interface Props {
  title: string;
  players: LineupEntry[];
  /** Label of the "no player" choice (unknown scorer, no assist), or absent when a player is required. */
  noneLabel?: string | undefined;
  onPick(playerId: string | undefined): void;
  onCancel(): void;
}

/** Starters before substitutes, each by shirt number: the order of the team sheet the operator holds. */
const teamSheetOrder = (a: LineupEntry, b: LineupEntry) =>
  Number(a.role === 'substitute') - Number(b.role === 'substitute') || a.shirtNumber - b.shirtNumber;

/** The player sheet: big shirt numbers, read from across the pitch; the last tap of a goal, a card or a change. */
export function PlayerPicker({ title, players, noneLabel, onPick, onCancel }: Props) {
  const { t } = useTranslation();
  const sorted = [...players].sort(teamSheetOrder);
  return (
    <Sheet title={title} testId="player-picker" onCancel={onCancel}>
      {sorted.length === 0 && <p className="muted">{t('desk.noLineup')}</p>}
      <div className="player-grid">
        {noneLabel && (
          <button
            type="button"
            className="player-button none"
            data-testid="pick-none"
            onClick={() => onPick(undefined)}
          >
            {noneLabel}
          </button>
        )}
        {sorted.map((p) => (
          <button
            key={p.playerId}
            type="button"
            className={`player-button${p.role === 'substitute' ? ' substitute' : ''}`}
            data-testid="pick-player"
            data-player-id={p.playerId}
            data-shirt={p.shirtNumber}
            data-role={p.role}
            onClick={() => onPick(p.playerId)}
          >
            <span className="shirt">{p.shirtNumber}</span>
            <span className="player-name">
              {fullName(p)}
              {p.role === 'substitute' && <small> · {t('lineup.substitute')}</small>}
            </span>
          </button>
        ))}
      </div>
    </Sheet>
  );
}
