import { create } from 'zustand';
import type { AuthAnswer, User } from '@touchline/contract';

const KEY = 'touchline.session';

interface Stored {
  token: string;
  user: User;
  expiresAt: number;
}

export interface SessionState {
  token?: string;
  user?: User;
  /** Staff sessions outlive a reload (the outbox needs them); Telegram fan sessions live in sessionStorage. */
  signIn(answer: AuthAnswer, remember: boolean): void;
  signOut(): void;
}

const stores = (): Storage[] => (typeof localStorage === 'undefined' ? [] : [localStorage, sessionStorage]);

function restore(): Partial<Stored> {
  for (const store of stores()) {
    try {
      const s = JSON.parse(store.getItem(KEY) ?? 'null') as Stored | null;
      if (s && s.expiresAt > Date.now()) return s;
      store.removeItem(KEY);
    } catch {
      store.removeItem(KEY);
    }
  }
  return {};
}

const initial = restore();

export const useSession = create<SessionState>((set) => ({
  token: initial.token,
  user: initial.user,
  signIn(answer, remember) {
    const stored: Stored = { token: answer.token, user: answer.user, expiresAt: Date.now() + answer.expiresIn * 1000 };
    for (const store of stores()) store.removeItem(KEY);
    (remember ? localStorage : sessionStorage).setItem(KEY, JSON.stringify(stored));
    set({ token: answer.token, user: answer.user });
  },
  signOut() {
    for (const store of stores()) store.removeItem(KEY);
    set({ token: undefined, user: undefined });
  },
}));
