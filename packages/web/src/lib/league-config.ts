import { useEffect, useState } from 'react';
import type { ConfigAnswer } from '@touchline/contract';
import { DEFAULT_JUDGE_WINDOW_HOURS } from '@touchline/domain';
import { api } from './services.ts';

let answer: Promise<ConfigAnswer | undefined> | undefined;

/** `/api/config`, asked once per page load; undefined when it cannot be read (offline), and asked again next time. */
function leagueConfig(): Promise<ConfigAnswer | undefined> {
  answer ??= api.config().catch(() => {
    answer = undefined;
    return undefined;
  });
  return answer;
}

/**
 * The judge's correction window the server is configured with. Until the answer arrives, or when it cannot be had
 * offline, the server's default stands in: the server still decides, this only predicts.
 */
async function judgeWindowHours(): Promise<number> {
  return (await leagueConfig())?.judgeWindowHours ?? DEFAULT_JUDGE_WINDOW_HOURS;
}

/** The window in hours; undefined for the moment before the answer (or the offline default) is in. */
export function useJudgeWindowHours(): number | undefined {
  const [hours, setHours] = useState<number>();
  useEffect(() => {
    let live = true;
    void judgeWindowHours().then((h) => live && setHours(h));
    return () => {
      live = false;
    };
  }, []);
  return hours;
}
