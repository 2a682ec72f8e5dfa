import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventType, MatchEvent, Side } from '@touchline/contract';
import { EVENT_RULES } from '@touchline/domain';
import { findPlayer, playerLabel, SIDES } from '../../lib/names.ts';
import { useSession } from '../../lib/session.ts';
import { useJudgeWindowHours } from '../../lib/league-config.ts';
import { useNow } from '../../lib/use-now.ts';
import { api } from '../../lib/services.ts';
import { Loading } from '../../ui/Feedback.tsx';
import { StreamLinkForm } from '../../ui/StreamLinkForm.tsx';
import { CommentSheet } from './CommentSheet.tsx';
import { DeskHeader } from './DeskHeader.tsx';
import { DeskTabs } from './DeskTabs.tsx';
import { EventFeed } from './EventFeed.tsx';
import { EventSheet } from './EventSheet.tsx';
import { consoleStore } from './instance.ts';
import { MinuteField, useMinute } from './MinuteField.tsx';
import type { MatchView } from './optimistic.ts';
import type { EventRef, Write } from './outbox.ts';
import { useOutdoorTheme } from './outdoor-theme.ts';
import { PeriodControls } from './PeriodControls.tsx';
import { PlayerPicker } from './PlayerPicker.tsx';
import { HeldWrites } from './HeldWrites.tsx';
import { isPeriod, isSide, isTop, refusedAt } from './refusal-place.ts';
import { RefusalNotes, RefusedWrites } from './RefusedWrites.tsx';
import { bench, onPitch, recordBlock } from './selectors.ts';
import { ShootoutPanel } from './ShootoutPanel.tsx';
import { SideActions } from './SideActions.tsx';
import { StatsPanel } from './StatsPanel.tsx';
import { Toast, type ToastMessage } from './Toast.tsx';
import { useConsoleMatch, useOutboxStatus } from './use-console-match.ts';
import { buzz, useWakeLock } from './use-wake-lock.ts';
import './console.css';

export type DeskMode = 'operator' | 'judge';

/** What the open sheet is asking for: a side's event, a player, or a comment's text. */
type Asking =
  | { step: 'event'; side: Side }
  | { step: 'comment'; side: Side }
  | { step: 'player'; side: Side; type: EventType }
  | { step: 'assist'; side: Side; ref: EventRef }
  | { step: 'on'; side: Side; off: string };
type Picking = Extract<Asking, { step: 'player' | 'assist' | 'on' }>;

type TabKey = 'feed' | 'stats' | 'match';

/** Who the sheet offers: the players on the pitch, or the whole lineup where that is empty or a card is shown. */
function candidates(view: MatchView, p: Picking) {
  if (p.step === 'on') return bench(view, p.side);
  const playing = onPitch(view, p.side);
  // A card may go to a substitute on the bench, so the sheet offers the whole lineup.
  const card = p.step === 'player' && EVENT_RULES[p.type].card !== null;
  return card || playing.length === 0 ? view.lineups[p.side] : playing;
}

function Desk({ view, mode, backTo }: { view: MatchView; mode: DeskMode; backTo: string }) {
  const { t } = useTranslation();
  const matchId = view.match.id;
  const minute = useMinute(view.match);
  const { pending, refused, held } = useOutboxStatus();
  const role = useSession((s) => s.user?.role);
  // The judge's correction window closes while the page is open.
  const now = useNow(60_000);
  const windowHours = useJudgeWindowHours();
  const [asking, setAsking] = useState<Asking>();
  const [toast, setToast] = useState<ToastMessage>();
  const [outdoor, toggleOutdoor] = useOutdoorTheme();
  const inShootout = view.match.period === 'penalties';
  // During the shootout its panel is what the operator needs, so its tab comes forward.
  const [tab, setTab] = useState<TabKey>(inShootout ? 'match' : 'feed');
  useEffect(() => {
    if (inShootout) setTab('match');
  }, [inShootout]);
  useWakeLock(view.match.status === 'live');
  const closeToast = useCallback(() => setToast(undefined), []);
  const closeSheet = useCallback(() => setAsking(undefined), []);

  const record = (write: Write) => consoleStore.enqueue(matchId, write);
  const at = minute.value;
  const clubName = (side: Side) => view.match[side === 'home' ? 'homeClub' : 'awayClub'].name;
  const nameOf = (side: Side, id: string | undefined) => {
    const p = findPlayer(view.lineups, side, id);
    return p ? playerLabel(p) : t('player.unknown');
  };

  /** Records a new event, buzzes, and offers to take it back (and, for a goal, to add its assist). */
  async function create(body: Extract<Write, { kind: 'event.create' }>['body']) {
    const clientEventId = await record({ kind: 'event.create', body });
    buzz();
    const ref = { clientEventId };
    const assist = EVENT_RULES[body.type].related === 'assist';
    const what = body.type === 'comment' ? (body.text ?? '') : nameOf(body.side, body.playerId ?? undefined);
    const text = t('desk.recorded', { event: t(`event.${body.type}`), club: clubName(body.side), what });
    setToast({
      text,
      actions: [
        ...(assist
          ? [
              {
                label: t('desk.addAssist'),
                testId: 'toast-assist',
                run: () => setAsking({ step: 'assist', side: body.side, ref }),
              },
            ]
          : []),
        // Undo deletes what was just recorded, by its client id: it works before the server has even seen it.
        { label: t('feed.undo'), testId: 'toast-undo', run: () => record({ kind: 'event.delete', ref }) },
      ],
    });
  }

  function pick(playerId: string | undefined) {
    const p = asking as Picking;
    setAsking(undefined);
    if (p.step === 'assist') {
      if (playerId) record({ kind: 'event.update', ref: p.ref, body: { relatedPlayerId: playerId } });
      return;
    }
    if (p.step === 'player' && EVENT_RULES[p.type].related === 'on') {
      if (playerId) setAsking({ step: 'on', side: p.side, off: playerId });
      return;
    }
    void create(
      p.step === 'on'
        ? {
            type: 'substitution',
            side: p.side,
            ...at,
            playerId: p.off,
            ...(playerId ? { relatedPlayerId: playerId } : {}),
          }
        : { type: p.type, side: p.side, ...at, ...(playerId ? { playerId } : {}) },
    );
  }

  function chooseEvent(side: Side, type: EventType) {
    setAsking(type === 'comment' ? { step: 'comment', side } : { step: 'player', side, type });
  }

  function remove(event: MatchEvent, ref: EventRef) {
    record({ kind: 'event.delete', ref });
    const { type, side, minute: m, addedTime, playerId, relatedPlayerId, scored, text } = event;
    const again = { type, side, minute: m, addedTime, playerId, relatedPlayerId, scored, text };
    setToast({
      text: t('feed.deleted'),
      // Undo re-creates the event: the server keeps no deleted rows to restore.
      actions: [
        { label: t('feed.undo'), testId: 'toast-undo', run: () => record({ kind: 'event.create', body: again }) },
      ],
    });
  }

  const pickerTitle = (p: Picking) => {
    const club = clubName(p.side);
    if (p.step === 'assist') return t('desk.pickAssist', { club });
    if (p.step === 'on') return t('desk.pickOn', { club, off: nameOf(p.side, p.off) });
    if (EVENT_RULES[p.type].related === 'on') return t('desk.pickOff', { club });
    return t('desk.pickPlayer', { action: t(`event.${p.type}`), club });
  };
  /** "Unknown player" wherever the server accepts an event without one; a substitution needs both players. */
  const noneLabel = (p: Picking) =>
    p.step === 'assist'
      ? t('desk.noAssist')
      : p.step === 'player' && EVENT_RULES[p.type].player !== 'required'
        ? t('player.unknown')
        : undefined;

  const blocked = recordBlock(view.match, role, new Date(now), windowHours);
  const blockText = blocked ? t(`desk.blocked.${blocked}`) : undefined;
  const dismiss = (id: string) => void consoleStore.dismiss(id);

  return (
    <div className="desk" data-mode={mode} data-theme={outdoor ? 'outdoor' : 'standard'} data-testid="desk">
      {/* The page's title for screen readers; the score block shows the same names. */}
      <h1 className="visually-hidden">
        {clubName('home')} — {clubName('away')}
      </h1>
      <DeskHeader view={view} backTo={backTo} pending={pending} outdoor={outdoor} onToggleOutdoor={toggleOutdoor} />
      {mode === 'operator' && <PeriodControls view={view} record={record} />}
      <div className="desk-notes">
        <RefusedWrites items={refusedAt(refused, view, isTop)} onDismiss={dismiss} />
        <HeldWrites items={held} onDiscard={() => void consoleStore.discardHeld()} />
        <RefusalNotes items={refusedAt(refused, view, isPeriod)} onDismiss={dismiss} />
        {SIDES.map((side) => (
          <RefusalNotes key={side} items={refusedAt(refused, view, isSide(side))} onDismiss={dismiss} />
        ))}
      </div>
      <div className="desk-middle">
        <DeskTabs<TabKey>
          label={t('desk.tabsLabel')}
          current={tab}
          onSelect={setTab}
          tabs={[
            {
              key: 'feed',
              label: t('desk.tabFeed'),
              panel: (
                <EventFeed
                  view={view}
                  onEdit={(ref, body) => record({ kind: 'event.update', ref, body })}
                  onDelete={remove}
                  block={blockText}
                  refused={refused}
                  onDismiss={dismiss}
                />
              ),
            },
            {
              key: 'stats',
              label: t('desk.tabStats'),
              panel: <StatsPanel view={view} record={record} block={blockText} refused={refused} onDismiss={dismiss} />,
            },
            {
              key: 'match',
              label: t(inShootout ? 'desk.tabShootout' : 'desk.tabMatch'),
              panel: (
                <>
                  <ShootoutPanel view={view} minute={at.minute} canStart={mode === 'operator'} record={record} />
                  <MinuteField state={minute} />
                  {mode === 'operator' && view.match.status !== 'finished' && (
                    <StreamLinkForm
                      current={view.match.streamUrl}
                      save={(streamUrl) => api.request('PUT', `/matches/${matchId}/stream`, { streamUrl })}
                    />
                  )}
                </>
              ),
            },
          ]}
        />
        <div className="toast-slot">{toast && <Toast toast={toast} onClose={closeToast} />}</div>
      </div>
      <div className="sides">
        {SIDES.map((side) => (
          <SideActions
            key={side}
            view={view}
            side={side}
            disabledHint={blockText}
            onGoal={(s) => setAsking({ step: 'player', side: s, type: 'goal' })}
            onMore={(s) => setAsking({ step: 'event', side: s })}
          />
        ))}
      </div>
      {asking?.step === 'event' && (
        <EventSheet
          side={asking.side}
          club={clubName(asking.side)}
          onPick={(type) => chooseEvent(asking.side, type)}
          onCancel={closeSheet}
        />
      )}
      {asking?.step === 'comment' && (
        <CommentSheet
          club={clubName(asking.side)}
          minute={at}
          onSend={(text) => {
            setAsking(undefined);
            void create({ type: 'comment', side: asking.side, ...at, text });
          }}
          onCancel={closeSheet}
        />
      )}
      {asking && asking.step !== 'event' && asking.step !== 'comment' && (
        <PlayerPicker
          title={pickerTitle(asking)}
          players={candidates(view, asking)}
          noneLabel={noneLabel(asking)}
          onPick={pick}
          onCancel={closeSheet}
        />
      )}
    </div>
  );
}

/** The match console shared by operator and judge; the judge gets no status controls. */
export function MatchDesk({ matchId, mode, backTo }: { matchId: string; mode: DeskMode; backTo: string }) {
  const { view } = useConsoleMatch(matchId);
  return view ? <Desk view={view} mode={mode} backTo={backTo} /> : <Loading />;
}
