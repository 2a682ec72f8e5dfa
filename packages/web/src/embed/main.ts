import '../styles/embed.css';
import { createRealtimeClient } from '../lib/realtime/index.ts';
import type { WidgetContext } from './context.ts';
import { h, show } from './dom.ts';
import { reportHeight } from './height.ts';
import { parseWidgetOptions, parseWidgetPath } from './options.ts';
import { TEXTS } from './texts.ts';
import { clubLiveWidget } from './widgets/club-live.ts';
import { clubFixturesWidget, seasonFixturesWidget } from './widgets/fixtures.ts';
import { matchWidget } from './widgets/match.ts';
import { standingsWidget } from './widgets/standings.ts';

// The widget page (decision 045): plain DOM over the app's realtime client, so a widget loads a few KB, not React.
const options = parseWidgetOptions(location.search);
const address = parseWidgetPath(location.pathname, location.search);
const t = TEXTS[options.lang];
const doc = document.documentElement;
doc.lang = options.lang;
doc.dataset.theme = options.theme;
if (options.compact) doc.dataset.compact = '1';
// Set through the CSSOM, which the page's style-src 'self' allows; parseAccent let only #rrggbb through.
if (options.accent) doc.style.setProperty('--accent', options.accent);

const root = document.getElementById('widget')!;
const status = h('p', { class: 'connection', role: 'status' });
document.body.append(status);
const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
const realtime = createRealtimeClient({
  url: `${scheme}://${location.host}/realtime`,
  onState: (state) => {
    status.textContent = state === 'offline' || state === 'reconnecting' ? t.offline : '';
  },
});

const ctx: WidgetContext = {
  root,
  t,
  options,
  realtime,
  notFound: () => show(root, h('p', { class: 'empty' }, t.notFound)),
};

if (!address) ctx.notFound();
else if (address.kind === 'standings') standingsWidget(ctx, address.id, address.groupId);
else if (address.kind === 'season-fixtures') seasonFixturesWidget(ctx, address.id);
else if (address.kind === 'club-fixtures') void clubFixturesWidget(ctx, address.id);
else if (address.kind === 'club-live') void clubLiveWidget(ctx, address.id);
else matchWidget(ctx, address.id);
reportHeight();
