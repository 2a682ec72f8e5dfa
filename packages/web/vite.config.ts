import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';

/** Paths the server answers itself: a navigation there must reach it, not the app shell. */
const SERVER_PATHS = ['/api', '/realtime', '/docs', '/metrics', '/healthz', '/readyz', '/embed'];

/**
 * The public reads the console and the fans' pages render from: the same for every visitor, so nothing of one
 * signed-in person is kept for the next on a shared phone. Workbox tries a RegExp on the whole URL and, for
 * another origin, only from its start, so this unanchored pattern matches this origin's API only.
 */
const PUBLIC_READS =
  /\/api\/(?:matches(?:\/[^/?]+)?|competitions|clubs\/[^/?]+|seasons\/[^/?]+\/(?:standings|bracket|players))(?:\?|$)/;

/**
 * A widget lives inside other sites' pages: it installs nothing, so the PWA's manifest link and service worker
 * registration, which the PWA plugin writes into every page, are taken out of embed.html again.
 */
const widgetPageInstallsNothing: Plugin = {
  name: 'touchline:widget-page-installs-nothing',
  // After the PWA plugin's own post-order page transform, which writes them in.
  enforce: 'post',
  transformIndexHtml: {
    order: 'post',
    handler: (html, ctx) =>
      ctx.path.endsWith('/embed.html')
        ? html
            .replace(/<link rel="manifest"[^>]*>/, '')
            .replace(/<script id="vite-plugin-pwa:inline-sw">[\s\S]*?<\/script>/, '')
        : html,
  },
};

// The server serves dist/ at `/`; in dev the API and the realtime socket are proxied to it.
export default defineConfig({
  plugins: [
    react(),
    // The app shell is precached so a reload with no network still opens the console and its outbox.
    VitePWA({
      registerType: 'autoUpdate',
      // A one-line register call in index.html: nothing added to the first-load JS.
      injectRegister: 'inline',
      manifest: {
        name: 'Touchline',
        short_name: 'Touchline',
        lang: 'ru',
        start_url: '/',
        display: 'standalone',
        theme_color: '#0b6e4f',
        background_color: '#f6f7f5',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg}'],
        // Web Push: show the server's notification, and open the match on a tap (decision 035).
        importScripts: ['push-sw.js'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: SERVER_PATHS.map((p) => new RegExp(`^${p}(?:[/?]|$)`)),
        // 'inline' registration does not imply these: a new build takes over at once, as autoUpdate means.
        skipWaiting: true,
        clientsClaim: true,
        runtimeCaching: [
          {
            urlPattern: PUBLIC_READS,
            method: 'GET',
            // Online, always the server's answer, however slow; the cached copy only when the network fails
            // (decision 008): a stale list after a write would show a screen that disagrees with the record.
            handler: 'NetworkFirst',
            options: {
              cacheName: 'touchline-reads',
              cacheableResponse: { statuses: [200] },
              expiration: { maxEntries: 200, maxAgeSeconds: 7 * 24 * 3600 },
            },
          },
        ],
      },
    }),
    widgetPageInstallsNothing,
  ],
  build: {
    manifest: true,
    target: 'es2022',
    // The widgets' page is its own small entry, with none of the app's code (decision 045).
    rollupOptions: { input: { main: 'index.html', embed: 'embed.html' } },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/realtime': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
