import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY } from './src/ui/csp';
import { precompiledScenarios } from './scripts/vite/precompiledScenarios';

/**
 * The Content-Security-Policy (src/ui/csp.ts) as the first element of the built page's <head>. Build only: the
 * dev server injects its own inline code for hot reload, which the policy would block.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'cascade:content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// Vite 8 (rolldown) config for the Cascade browser build.
export default defineConfig({
  // Relative asset URLs so dist/ works from any sub-path or straight from a file share.
  base: './',
  plugins: [
    contentSecurityPolicy(),
    // Shipped scenarios as schema-valid documents, so the page starts without the compiler (issue 14).
    precompiledScenarios(fileURLToPath(new URL('./scenarios', import.meta.url))),
    // Offline and installable: a web app manifest and a Workbox service worker that precaches the whole build
    // (the game, Phaser, the what-if worker, the shipped scenario files, icons). Fonts are the system's, so
    // there are none to cache. 'prompt': a new version waits until the player agrees to reload
    // (src/ui/pwa/serviceWorker.ts shows the notice), so a drill in progress is never reloaded under them.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      // The glob below already takes the icons: listing them again would precache them twice.
      includeManifestIcons: false,
      manifest: {
        name: 'Cascade — outage drill',
        short_name: 'Cascade',
        description: 'A seeded browser game for digital-outage drills',
        lang: 'en',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#0d1b2a',
        theme_color: '#0d1b2a',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,yaml,json}'],
        // Phaser's chunk is ~1.4 MB: above Workbox's 2 MiB default once it grows, and it must be cached.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: {
    open: true,
  },
  resolve: {
    alias: [
      {
        // Phaser's build without Matter physics (the game uses no physics at all): the same API otherwise,
        // about 110 KB smaller minified, ~8 % of the start-up JavaScript. Node-side code never imports Phaser.
        find: /^phaser$/,
        replacement: fileURLToPath(
          new URL('./node_modules/phaser/dist/phaser-arcade-physics.min.js', import.meta.url),
        ),
      },
    ],
  },
  preview: {
    host: '127.0.0.1',
  },
  build: {
    target: 'es2022',
    // dist/.vite/manifest.json: which chunks each entry imports, so the benchmark can add up the JavaScript
    // a page really loads at start-up (bench/browser/bundle.ts) instead of guessing from index.html.
    manifest: true,
    // Phaser alone is ~1.5 MB minified; do not warn about it.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // Put Phaser in its own long-cacheable chunk (rolldown's replacement for manualChunks).
        codeSplitting: {
          groups: [{ name: 'phaser', test: /[\\/]node_modules[\\/]phaser[\\/]/ }],
        },
      },
    },
  },
});
