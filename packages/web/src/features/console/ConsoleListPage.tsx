import { useTranslation } from 'react-i18next';
import type { MatchSummary } from '@touchline/contract';
import { liveFirst } from '../../lib/match-list.ts';
import { api } from '../../lib/services.ts';
import { HOUR_MS, wholeHour } from '../../lib/time.ts';
import { useLiveList } from '../../lib/use-live-list.ts';
import { ConnectionIndicator } from '../../ui/ConnectionIndicator.tsx';
import { HeldWrites } from './HeldWrites.tsx';
import { consoleStore } from './instance.ts';
import { MatchList } from './MatchList.tsx';
import { useOutboxStatus } from './use-console-match.ts';
import './console.css';

/** docs/rules.md §1.2: every live match, and scheduled ones from an hour before kick-off through the next 24 hours. */
const inWindow = (m: MatchSummary, now = Date.now()) => {
  if (m.status === 'live') return true;
  const kickoff = Date.parse(m.kickoffAt);
  return m.status === 'scheduled' && kickoff >= now - HOUR_MS && kickoff <= now + 24 * HOUR_MS;
};

async function loadWindow(): Promise<MatchSummary[]> {
  // Asked in whole hours (and trimmed by inWindow), so the URL holds for an hour and an offline reload finds the
  // list in the service worker's cache.
  const hour = wholeHour(Date.now());
  const [live, scheduled] = await Promise.all([
    api.matches({ status: 'live' }),
    api.matches({
      status: 'scheduled',
      from: new Date(hour - HOUR_MS).toISOString(),
      to: new Date(hour + 25 * HOUR_MS).toISOString(),
    }),
  ]);
  return [...live.matches, ...scheduled.matches];
}

export default function ConsoleListPage() {
  const { t } = useTranslation();
  const { pending, held } = useOutboxStatus();
  const { matches, failed } = useLiveList(loadWindow, (m) => inWindow(m));
  return (
    <section aria-labelledby="console-title">
      <div className="desk-bar">
        <h1 id="console-title">{t('console.title')}</h1>
        <ConnectionIndicator pending={pending} />
      </div>
      <HeldWrites items={held} onDiscard={() => void consoleStore.discardHeld()} />
      <MatchList
        matches={matches && liveFirst(matches)}
        failed={failed}
        linkTo={(id) => `/console/${id}`}
        empty={t('console.empty')}
      />
    </section>
  );
}
