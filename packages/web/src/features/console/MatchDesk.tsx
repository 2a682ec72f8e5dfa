import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventType, MatchEvent, Side } from '@touchline/contract';
import { EVENT_RULES } from '@touchline/domain';
import { findPlayer, playerLabel, SIDES } from '../../lib/names.ts';
import { Link } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.ts';
import { useJudgeWindowHours } from '../../lib/league-config.ts';
import { useNow } from '../../lib/use-now.ts';
import { ConnectionIndicator } from '../../ui/ConnectionIndicator.tsx';
import { Loading } from '../../ui/Feedback.tsx';
import { ScoreBlock } from '../../ui/ScoreBlock.tsx';
import { EventFeed } from './EventFeed.tsx';
import { consoleStore } from './instance.ts';
import { MinuteField, useMinute } from './MinuteField.tsx';
import type { MatchView } from './optimistic.ts';
import type { EventRef, Write } from './outbox.ts';
import { PeriodControls } from './PeriodControls.tsx';
import { PlayerPicker } from './PlayerPicker.tsx';
import { HeldWrites } from './HeldWrites.tsx';
import { isPeriod, isTop, refusedAt } from './refusal-place.ts';
import { RefusalNotes, RefusedWrites } from './RefusedWrites.tsx';
import { bench, onPitch, recordBlock } from './selectors.ts';
import { ShootoutPanel } from './ShootoutPanel.tsx';
import { SideActions } from './SideActions.tsx';
import { StatsPanel } from './StatsPanel.tsx';
import { Toast, type ToastMessage } from './Toast.tsx';
import { useConsoleMatch, useOutboxStatus } from './use-console-match.ts';
import './console.css';

export type DeskMode = 'operator' | 'judge';

/** What the player sheet is asking for. */
type Picking =
  | { step: 'player'; side: Side; type: EventType }
  | { step: 'assist'; side: Side; ref: EventRef }
  | { step: 'on'; side: Side; off: string };

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
  const [picking, setPicking] = useState<Picking>();
  const [toast, setToast] = useState<ToastMessage>();
  const closeToast = useCallback(() => setToast(undefined), []);
  const closePicker = useCallback(() => setPicking(undefined), []);

  const record = (write: Write) => consoleStore.enqueue(matchId, write);
  const at = minute.value;
  const clubName = (side: Side) => view.match[side === 'home' ? 'homeClub' : 'awayClub'].name;
  const nameOf = (side: Side, id: string | undefined) => {
    const p = findPlayer(view.lineups, side, id);
    return p ? playerLabel(p) : t('player.unknown');
  };

  async function pick(playerId: string | undefined) {
    const p = picking!;
    setPicking(undefined);
    if (p.step === 'assist') {
      if (playerId) record({ kind: 'event.update', ref: p.ref, body: { relatedPlayerId: playerId } });
      return;
    }
    if (p.step === 'player' && EVENT_RULES[p.type].related === 'on') {
      if (playerId) setPicking({ step: 'on', side: p.side, off: playerId });
      return;
    }
    const body =
      p.step === 'on'
        ? { type: 'substitution' as const, side: p.side, ...at, playerId: p.off, relatedPlayerId: playerId }
        : { type: p.type, side: p.side, ...at, ...(playerId ? { playerId } : {}) };
    const clientEventId = await record({ kind: 'event.create', body });
    if (p.step === 'player' && EVENT_RULES[p.type].related === 'assist') {
      // The goal is already recorded in two taps; the assist is an optional third.
      setToast({
        text: t('desk.goalRecorded', { club: clubName(p.side), player: nameOf(p.side, playerId) }),
        action: {
          label: t('desk.addAssist'),
          run: () => setPicking({ step: 'assist', side: p.side, ref: { clientEventId } }),
        },
      });
    }
  }

  function remove(event: MatchEvent, ref: EventRef) {
    record({ kind: 'event.delete', ref });
    const { type, side, minute: m, addedTime, playerId, relatedPlayerId, scored, text } = event;
    const again = { type, side, minute: m, addedTime, playerId, relatedPlayerId, scored, text };
    setToast({
      text: t('feed.deleted'),
      // Undo re-creates the event: the server keeps no deleted rows to restore.
      action: { label: t('feed.undo'), run: () => record({ kind: 'event.create', body: again }) },
    });
  }

  const pickerTitle = (p: Picking) => {
    const club = clubName(p.side);
    if (p.step === 'assist') return t('desk.pickAssist', { club });
    if (p.step === 'on') return t('desk.pickOn', { club, off: nameOf(p.side, p.off) });
    if (EVENT_RULES[p.type].related === 'on') return t('desk.pickOff', { club });
    return t('desk.pickPlayer', { action: t(`event.${p.type}`), club });
  };
  const noneLabel = (p: Picking) =>
    p.step === 'assist'
      ? t('desk.noAssist')
      : p.step === 'player' && EVENT_RULES[p.type].player === 'optional'
        ? t('player.unknown')
        : undefined;

  const blocked = recordBlock(view.match, role, new Date(now), windowHours);
  const blockText = blocked ? t(`desk.blocked.${blocked}`) : undefined;
  const dismiss = (id: string) => void consoleStore.dismiss(id);
  const shootout = <ShootoutPanel view={view} minute={at.minute} canStart={mode === 'operator'} record={record} />;
  // During the shootout its panel is what the operator needs, so it comes first.
  const inShootout = view.match.period === 'penalties';

  return (
    <div className="desk" data-mode={mode}>
      {/* The page's title for screen readers; the score block shows the same names. */}
      <h1 className="visually-hidden">
        {clubName('home')} — {clubName('away')}
      </h1>
      <div className="desk-bar">
        <Link to={backTo}>← {t('desk.back')}</Link>
        <ConnectionIndicator pending={pending} />
      </div>
      <RefusedWrites items={refusedAt(refused, view, isTop)} onDismiss={dismiss} />
      <HeldWrites items={held} onDiscard={() => void consoleStore.discardHeld()} />
      <ScoreBlock match={view.match} />
      {mode === 'operator' && <PeriodControls view={view} record={record} />}
      <RefusalNotes items={refusedAt(refused, view, isPeriod)} onDismiss={dismiss} />
      {inShootout && shootout}
      <MinuteField state={minute} />
      <div className="sides">
        {SIDES.map((side) => (
          <SideActions
            key={side}
            view={view}
            side={side}
            disabledHint={blockText}
            onAction={(s, type) => setPicking({ step: 'player', side: s, type })}
            refused={refused}
            onDismiss={dismiss}
          />
        ))}
      </div>
      {!inShootout && shootout}
      <StatsPanel view={view} record={record} block={blockText} refused={refused} onDismiss={dismiss} />
      <EventFeed
        view={view}
        onEdit={(ref, body) => record({ kind: 'event.update', ref, body })}
        onDelete={remove}
        block={blockText}
        refused={refused}
        onDismiss={dismiss}
      />
      {picking && (
        <PlayerPicker
          title={pickerTitle(picking)}
          players={candidates(view, picking)}
          noneLabel={noneLabel(picking)}
          onPick={(id) => void pick(id)}
          onCancel={closePicker}
        />
      )}
      {toast && <Toast toast={toast} onClose={closeToast} />}
    </div>
  );
}

/** The match console shared by operator and judge; the judge gets no status controls. */
export function MatchDesk({ matchId, mode, backTo }: { matchId: string; mode: DeskMode; backTo: string }) {
  const { view } = useConsoleMatch(matchId);
  return view ? <Desk view={view} mode={mode} backTo={backTo} /> : <Loading />;
}
