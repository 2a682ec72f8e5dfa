import { api, useConnection } from '../../lib/services.ts';
import { useSession } from '../../lib/session.ts';
import { openOutboxStorage } from './outbox.ts';
import { createConsoleStore } from './store.ts';

const authorOf = (user = useSession.getState().user) => user && { id: user.id, name: user.displayName };

/** The app's one console store; its outbox is shared by the operator and judge screens. */
export const consoleStore = createConsoleStore({
  api,
  storage: openOutboxStorage(),
  author: authorOf(),
});

// A live socket means the server is reachable again: stop waiting out the back-off.
useConnection.subscribe((s) => s.state === 'online' && consoleStore.kick());
useSession.subscribe((s, prev) => s.token && s.token !== prev.token && consoleStore.resume(authorOf(s.user)));
