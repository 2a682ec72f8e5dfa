import { useTranslation } from 'react-i18next';
import type { MatchSummary } from '@touchline/contract';
import { liveFirst } from '../../lib/match-list.ts';
import { api } from '../../lib/services.ts';
import { HOUR_MS, wholeHour } from '../../lib/time.ts';
import { useLiveList } from '../../lib/use-live-list.ts';
import { ConnectionIndicator } from '../../ui/ConnectionIndicator.tsx';
import { MatchList } from '../console/MatchList.tsx';
import { useOutboxStatus } from '../console/use-console-match.ts';
import '../console/console.css';

/** docs/rules.md §1.9: the judge's correction window after full time (48 h by default). */
export const CORRECTION_WINDOW_MS = 48 * HOUR_MS;
/** A match finishes at most this long after kick-off, so the kick-off filter can be coarse. */
const LONGEST_MATCH_MS = 4 * HOUR_MS;

const inWindow = (m: MatchSummary, now = Date.now()) =>
  m.status === 'live' ||
  (m.status === 'finished' && Date.parse(m.finishedAt ?? m.kickoffAt) >= now - CORRECTION_WINDOW_MS);

async function loadWindow(): Promise<MatchSummary[]> {
  // Whole hours keep the URL steady, so an offline reload finds the list in the service worker's cache.
  const from = new Date(wholeHour(Date.now()) - CORRECTION_WINDOW_MS - LONGEST_MATCH_MS).toISOString();
  const [live, finished] = await Promise.all([
    api.matches({ status: 'live' }),
    api.matches({ status: 'finished', from }),
  ]);
  return [...live.matches, ...finished.matches];
}

export default function JudgeListPage() {
  const { t } = useTranslation();
  const { pending } = useOutboxStatus();
  const { matches, failed } = useLiveList(loadWindow, (m) => inWindow(m));
  return (
    <section aria-labelledby="judge-title">
      <div className="desk-bar">
        <h1 id="judge-title">{t('judge.title')}</h1>
        <ConnectionIndicator pending={pending} />
      </div>
      <p className="muted">{t('judge.window')}</p>
      <MatchList
        matches={matches && liveFirst([...matches].reverse())}
        failed={failed}
        linkTo={(id) => `/judge/${id}`}
        empty={t('judge.empty')}
      />
    </section>
  );
}
