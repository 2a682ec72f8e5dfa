import { createApi } from './api.ts';
import { createRealtimeClient, type ConnectionState, type RealtimeClient } from './realtime/index.ts';
import { useSession } from './session.ts';
import { create } from 'zustand';

/** The app's one API client: the token comes from the session, and a 401 ends the session. */
export const api = createApi({
  getToken: () => useSession.getState().token,
  onUnauthorized: () => useSession.getState().signOut(),
});

export const useConnection = create<{ state: ConnectionState }>(() => ({ state: 'connecting' }));

let client: RealtimeClient | undefined;

/** The app's one realtime connection, opened on first use and following the session's token. */
export function realtime(): RealtimeClient {
  if (!client) {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    client = createRealtimeClient({
      url: `${scheme}://${location.host}/realtime`,
      token: useSession.getState().token,
      onState: (state) => useConnection.setState({ state }),
    });
    useSession.subscribe((s) => client!.setToken(s.token));
  }
  return client;
}
