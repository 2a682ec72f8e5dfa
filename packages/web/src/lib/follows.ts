import { create } from 'zustand';
import type { Follow, FollowTarget, MyFollowsAnswer, NotifyKind } from '@touchline/contract';
import { DEFAULT_NOTIFY_KINDS, PUSH_AUTH_HEADER, PUSH_ENDPOINT_HEADER } from '@touchline/contract/constants';
import { REMINDER_MINUTES } from '@touchline/contract/constants';
import { ApiError } from './api.ts';
import { api } from './services.ts';
import { useSession } from './session.ts';
import { askWriteAccess } from './telegram.ts';

/**
 * How this visitor follows (decision 035): a Telegram fan through their account, a browser through its Web Push
 * subscription; staff accounts follow nothing; `unavailable` when this browser or server has no push; `blocked` when
 * notifications were refused.
 */
export type FollowMode = 'loading' | 'telegram' | 'push' | 'unavailable' | 'blocked' | 'staff';

interface FollowsState {
  mode: FollowMode;
  follows: Follow[];
  /** What this fan hears about, and how long before kick-off the reminder comes. */
  kinds: NotifyKind[];
  reminderMinutes: number;
  /** Telegram: the fan sent /stop or blocked the bot; nothing is sent, the follows are kept. */
  paused: boolean;
  busy: boolean;
  failed: boolean;
  load(): Promise<void>;
  toggle(target: FollowTarget, id: string): Promise<void>;
  /** Saves what to hear about; a browser needs its subscription (its first follow) first. */
  saveSettings(kinds: NotifyKind[], reminderMinutes: number): Promise<void>;
}

const same = (a: Follow, target: FollowTarget, id: string) => a.target === target && a.id === id;

async function vapidKey(): Promise<string | null> {
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return null;
  return (await api.config()).vapidPublicKey;
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.ready;
  return registration.pushManager.getSubscription();
}

const identity = (sub: PushSubscription): Record<string, string> => ({
  [PUSH_ENDPOINT_HEADER]: sub.endpoint,
  [PUSH_AUTH_HEADER]: (sub.toJSON().keys ?? {}).auth ?? '',
});

let vapid: string | null = null;

const settings = (a: MyFollowsAnswer) => ({
  follows: a.follows,
  kinds: a.kinds,
  reminderMinutes: a.reminderMinutes,
  paused: a.paused,
});

export const useFollows = create<FollowsState>((set, get) => ({
  mode: 'loading',
  follows: [],
  kinds: DEFAULT_NOTIFY_KINDS,
  reminderMinutes: REMINDER_MINUTES.default,
  paused: false,
  busy: false,
  failed: false,

  async load() {
    const user = useSession.getState().user;
    try {
      if (user) {
        if (user.role !== 'fan') return set({ mode: 'staff' });
        const answer = await api.request<MyFollowsAnswer>('GET', '/me/follows');
        return set({ mode: 'telegram', ...settings(answer) });
      }
      vapid = await vapidKey();
      if (!vapid) return set({ mode: 'unavailable' });
      if (Notification.permission === 'denied') return set({ mode: 'blocked' });
      const sub = await currentSubscription();
      if (!sub) return set({ mode: 'push', follows: [] });
      const answer = await api.request<MyFollowsAnswer>('GET', '/me/follows', undefined, 'json', identity(sub));
      set({ mode: 'push', ...settings(answer) });
    } catch (e) {
      // A subscription the server no longer knows follows nothing; it is sent again on the next follow.
      if (e instanceof ApiError && e.code === 'unknown_subscription') return set({ mode: 'push', follows: [] });
      set({ mode: 'unavailable' });
    }
  },

  async toggle(target, id) {
    const { mode, follows } = get();
    const on = !follows.some((f) => same(f, target, id));
    const next = on ? [...follows, { target, id }] : follows.filter((f) => !same(f, target, id));
    set({ busy: true, failed: false });
    try {
      if (mode === 'telegram') {
        // The first follow asks Telegram to let the bot write; the grant reaches the server through the bot.
        if (on && follows.length === 0) await askWriteAccess();
        await api.request(on ? 'PUT' : 'DELETE', `/me/follows/${target}/${id}`);
      } else if (mode === 'push') {
        await pushToggle(target, id, on, next);
      }
      set({ follows: next });
    } catch (e) {
      if (e instanceof Error && e.message === 'blocked') set({ mode: 'blocked' });
      else set({ failed: true });
    } finally {
      set({ busy: false });
    }
  },

  async saveSettings(kinds, reminderMinutes) {
    const { mode } = get();
    set({ busy: true, failed: false });
    try {
      const headers = mode === 'push' ? await pushIdentity() : undefined;
      const body = { kinds, reminderMinutes };
      const answer = await api.request<MyFollowsAnswer>('PUT', '/me/notifications', body, 'json', headers);
      set(settings(answer));
    } catch {
      set({ failed: true });
    } finally {
      set({ busy: false });
    }
  },
}));

/** This browser's identity for its own settings; without a subscription there is nothing to set yet. */
async function pushIdentity(): Promise<Record<string, string>> {
  const sub = await currentSubscription();
  if (!sub) throw new Error('no subscription');
  return identity(sub);
}

/** A browser fan: the first follow asks for notifications and subscribes; later ones use that subscription. */
async function pushToggle(target: FollowTarget, id: string, on: boolean, next: Follow[]) {
  const existing = await currentSubscription();
  if (existing) {
    try {
      await api.request(on ? 'PUT' : 'DELETE', `/me/follows/${target}/${id}`, undefined, 'json', identity(existing));
      return;
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'unknown_subscription')) throw e;
    }
  }
  if ((await Notification.requestPermission()) !== 'granted') throw new Error('blocked');
  const registration = await navigator.serviceWorker.ready;
  const sub =
    existing ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: vapid! }));
  await api.request('POST', '/push/subscriptions', {
    subscription: sub.toJSON(),
    follows: next,
    kinds: useFollows.getState().kinds,
    locale: document.documentElement.lang === 'en' ? 'en' : 'ru',
  });
}
