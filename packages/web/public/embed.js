/* global document, window, location, URL, URLSearchParams */
// Touchline widget loader (decision 045): each <script src=".../embed.js" data-widget=...> gets an iframe inserted
// right after it, sized to the widget's content by the height messages the widget posts. Plain script, no build:
// the address rules mirror src/embed/options.ts (widgetUrl), and e2e/widgets.test.ts checks the two agree.
(function () {
  var self = document.currentScript;
  if (!self || !self.src) return;
  var origin = new URL(self.src).origin;
  var PATHS = {
    standings: ['season', '/embed/standings/{id}'],
    'club-fixtures': ['club', '/embed/club/{id}/fixtures'],
    'season-fixtures': ['season', '/embed/season/{id}/fixtures'],
    'club-live': ['club', '/embed/club/{id}/live'],
    match: ['match', '/embed/match/{id}'],
  };
  var QUERY = { group: 'groupId', lang: 'lang', theme: 'theme', accent: 'accent', compact: 'compact' };
  var frames = [];

  function insert(script) {
    var kind = PATHS[script.dataset.widget];
    var id = kind && script.dataset[kind[0]];
    if (!id || !/^[1-9][0-9]{0,9}$/.test(id)) return;
    var q = new URLSearchParams();
    for (var key in QUERY) if (script.dataset[key]) q.set(QUERY[key], script.dataset[key]);
    var frame = document.createElement('iframe');
    frame.src = origin + kind[1].replace('{id}', id) + (q.toString() ? '?' + q : '');
    frame.title = script.dataset.title || 'Touchline';
    frame.loading = 'lazy';
    frame.setAttribute('scrolling', 'no');
    frame.style.cssText = 'display:block;width:100%;border:0;overflow:hidden;height:120px';
    script.dataset.touchlineEmbedded = '1';
    script.parentNode.insertBefore(frame, script.nextSibling);
    frames.push(frame);
  }

  // Every tag of this loader not yet handled: a page may carry several, and each runs this script again.
  var tags = document.querySelectorAll('script[data-widget]');
  for (var i = 0; i < tags.length; i++) {
    var tag = tags[i];
    if (tag.dataset.touchlineEmbedded || new URL(tag.src, location.href).origin !== origin) continue;
    insert(tag);
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== 'touchline:height' || typeof data.height !== 'number') return;
    if (!(data.height >= 0 && data.height < 100000)) return;
    for (var j = 0; j < frames.length; j++)
      if (frames[j].contentWindow === event.source) frames[j].style.height = Math.ceil(data.height) + 'px';
  });
})();
