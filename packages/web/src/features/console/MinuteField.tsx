import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchSummary } from '@touchline/contract';
import { MINUTE_MAX } from '@touchline/contract/constants';
import { readClock } from '../../lib/clock.ts';
import { useNow } from '../../lib/use-now.ts';

export interface Minute {
  minute: number;
  addedTime?: number;
}

/** The minute new events get: the running clock, unless the operator has typed one. */
export function useMinute(match: MatchSummary) {
  const now = useNow();
  const [typed, setTyped] = useState<Minute>();
  const clock = readClock(match, now);
  const fromClock: Minute = clock
    ? { minute: clock.minute, ...(clock.addedTime ? { addedTime: clock.addedTime } : {}) }
    : { minute: match.status === 'finished' ? 90 : 1 };
  return { value: typed ?? fromClock, typed: typed !== undefined, setTyped };
}

export function MinuteField({ state }: { state: ReturnType<typeof useMinute> }) {
  const { t } = useTranslation();
  const { value, typed, setTyped } = state;
  const clamp = (n: number, max: number) => Math.min(max, Math.max(0, Math.round(n) || 0));
  return (
    <div className="minute-field" role="group" aria-label={t('desk.minuteGroup')}>
      <label>
        {t('desk.minute')}
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={MINUTE_MAX}
          value={value.minute}
          onChange={(e) => setTyped({ ...value, minute: Math.max(1, clamp(Number(e.target.value), MINUTE_MAX)) })}
        />
      </label>
      <label>
        {t('desk.addedTime')}
        <input
          type="number"
          inputMode="numeric"
          min={0}
          max={30}
          value={value.addedTime ?? 0}
          onChange={(e) => {
            const added = clamp(Number(e.target.value), 30);
            setTyped({ minute: value.minute, ...(added ? { addedTime: added } : {}) });
          }}
        />
      </label>
      {typed && (
        <button type="button" onClick={() => setTyped(undefined)}>
          {t('desk.followClock')}
        </button>
      )}
    </div>
  );
}
