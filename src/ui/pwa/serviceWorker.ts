/// <reference types="vite-plugin-pwa/client" />
/**
 * The service worker (built by vite-plugin-pwa, see vite.config.ts): registered by builds only, so the dev
 * server never serves stale code. Once it is installed the game opens without a network.
 *
 * A new version waits (registerType 'prompt') and a notice offers to reload into it: reloading mid-drill without
 * asking would lose the drill's last seconds, and two tabs on two versions must not fight over one worker. Before
 * the reload the drill is saved (saves live in localStorage, which an update never touches), so "Resume" on the
 * menu continues it. `<html data-offline-ready>` says when the game is cached (read by the browser tests).
 */
import { registerSW } from 'virtual:pwa-register';

export interface ServiceWorkerOptions {
  /** Called just before reloading into a new version (save the drill in progress). */
  beforeUpdate(): void;
}

export function installServiceWorker(options: ServiceWorkerOptions): void {
  // Not under the dev server (it has hot reload; builds do not). Not `import.meta.env.PROD`: the browser tests
  // build under Vitest's NODE_ENV=test, where PROD is false, and they must test the worker players get.
  if (import.meta.hot || !('serviceWorker' in navigator)) return;
  // Precaching fetches the whole build again (~2.3 MB): wait until the page has loaded and the main thread is
  // idle, so it never competes with the first frames on a slow laptop.
  const start = () =>
    'requestIdleCallback' in window
      ? requestIdleCallback(register, { timeout: 10_000 })
      : setTimeout(register, 2_000);
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
  function register(): void {
    const updateSW = registerSW({
      onNeedRefresh() {
        // The notice's code loads only when there is an update (it is precached like the rest).
        void import('./updateNotice').then(({ showUpdateNotice }) =>
          showUpdateNotice(() => {
            options.beforeUpdate();
            void updateSW(true);
          }),
        );
      },
      onOfflineReady() {
        document.documentElement.dataset.offlineReady = 'true';
      },
      onRegisteredSW(_url, registration) {
        // A page that already ran offline once is ready at once (onOfflineReady fires only on first install).
        if (registration?.active) document.documentElement.dataset.offlineReady = 'true';
      },
    });
  }
}
