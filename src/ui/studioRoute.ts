/**
 * The way into the studio: the menu's "Studio" button and the address `/#studio` (a bookmark for instructors).
 * The studio itself — CodeMirror, the schema, the balance plays — is a dynamic import, so none of it is in
 * the game's start-up bundle; it is fetched the first time the studio opens.
 */
import type { SessionStore } from '../store';
import { loadTexts, t } from '../i18n';

export const STUDIO_HASH = '#studio';

export interface StudioRoute {
  open(): void;
}

export function installStudioRoute(session: SessionStore, options: { rateScale: number }): StudioRoute {
  let mounted: { dispose(): void } | null = null;
  let loading = false;

  // While the studio covers the page, the game's regions behind it are out of reach (Tab, screen readers).
  const setBehindInert = (inert: boolean) => {
    for (const id of ['app', 'menu', 'debrief', 'help']) {
      const el = document.getElementById(id);
      if (el) el.inert = inert;
    }
  };

  const dropHash = () => {
    if (window.location.hash === STUDIO_HASH)
      window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
  };

  const show = async () => {
    if (mounted || loading) return;
    loading = true;
    const host = document.createElement('div');
    host.className = 'studio-host';
    document.body.append(host);
    try {
      const [{ mountStudio }] = await Promise.all([
        import('./studio/studio'),
        loadTexts(['diagnostics', 'studio']),
      ]);
      setBehindInert(true);
      mounted = mountStudio(host, session, {
        rateScale: options.rateScale,
        onClose: () => {
          mounted = null;
          host.remove();
          setBehindInert(false);
          dropHash();
        },
      });
    } catch (error) {
      setBehindInert(false);
      host.remove();
      dropHash();
      session.getState().setNotice({
        kind: 'error',
        text: t('menu:studioLoadFailed', { reason: error instanceof Error ? error.message : String(error) }),
      });
    } finally {
      loading = false;
    }
  };

  const follow = () => {
    if (window.location.hash === STUDIO_HASH) void show();
  };
  window.addEventListener('hashchange', follow);
  follow();
  return {
    open() {
      if (window.location.hash !== STUDIO_HASH) window.location.hash = STUDIO_HASH;
      else void show();
    },
  };
}
