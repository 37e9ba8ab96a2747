/**
 * Entry point: the session store, the DOM shell, and the Phaser game (Boot → Preloader → Menu → City → Debrief).
 * Scenes and DOM panels share state only through the stores (see ../shared/design/architecture.md).
 *
 * After the drill: autosave (ui/saves/autosave.ts), the strip above the map (role, save status, replay
 * controls: ui/replay/cityStrip.ts), the scene router for drills that change under the City (take over, back
 * from a replay, opened runs: ui/replay/sceneRouter.ts), and share links — a page opened with `#run=...`
 * replays that run once the shipped scenarios are loaded and shows its debrief (or says on the menu why not).
 */
import './ui/zodJitless';
import Phaser from 'phaser';
import { Boot } from '../scenes/Boot';
import { City } from '../scenes/City';
import { REGISTRY } from '../scenes/context';
import { Debrief } from '../scenes/Debrief';
import { Menu } from '../scenes/Menu';
import { COLOURS } from '../scenes/palette';
import { Preloader } from '../scenes/Preloader';
import { keepScaleInSync } from '../scenes/scaleSync';
import { createSession } from './store';
import { DEFAULT_SCENARIO_ID, randomSeed, readFlags } from './ui/flags';
import { mountShell } from './ui/shell';
import { installTestHook } from './ui/testHook';
import { isShareFragment, openSharedLink } from './ui/report/shareLink';
import { installCityStrip } from './ui/replay/installCityStrip';
import { installSceneRouter } from './ui/replay/sceneRouter';
import { installAutosave } from './ui/saves/autosave';
import { installConsoleBridge } from './ui/console/bridge';
import { installStudioRoute } from './ui/studioRoute';
import { browserStorage } from './ui/saves/browserStorage';
import './ui/styles.css';
import './ui/loading.css';
import { trackReducedMotion } from './ui/a11y/motion';
import { installServiceWorker } from './ui/pwa/serviceWorker';
import { startInChosenLanguage } from './ui/language';
import { loadTexts } from './i18n';

// The interface's language first: every screen below is built once, in it (src/ui/language.ts).
await startInChosenLanguage();
trackReducedMotion();
const flags = readFlags(window.location.search);
const session = createSession({ seed: flags.seed ?? randomSeed(), rateScale: flags.rateScale });
mountShell(session, flags.rateScale);
const hook = flags.test ? installTestHook(session) : undefined;
const autosaver = installAutosave(session, {
  storage: browserStorage(),
  now: () => new Date(),
  realMs: () => performance.now(),
  page: { window, document },
});
installCityStrip(session, autosaver);
installConsoleBridge(session); // the facilitator's console, in a second window (src/ui/console)
// The studio (lazily loaded) opens at #studio and from the menu.
installStudioRoute(session, { rateScale: flags.rateScale });
installServiceWorker({ beforeUpdate: () => autosaver.saveNow() });

/**
 * Opens the run in the page's `#run=...` fragment (then drops the fragment: a reload goes to the menu). A
 * hostile link is refused on the menu's notice line; openSharedLink never throws into the page.
 */
function openSharedRun(): void {
  const hash = window.location.hash;
  if (!isShareFragment(hash)) return;
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
  autosaver.saveNow(); // a link pasted into a tab mid-drill replaces that drill: keep it in the saves
  // Its refusals are worded with the debrief's texts, which load on demand.
  void loadTexts(['debrief']).then(() => openSharedLink(session, hash));
}
/**
 * `?play`: start the selected shipped scenario at once, skipping the menu (unless a share link opens a run).
 * The Preloader then hands over to the Menu scene, which starts the City because a drill exists.
 */
function playAtOnce(): void {
  if (!flags.play || isShareFragment(window.location.hash) || session.getState().game) return;
  session.getState().start();
}
// The link names a shipped scenario: wait until they are compiled (the Preloader does it once).
if (session.getState().scenarios.length > 0) {
  openSharedRun();
  playAtOnce();
} else {
  const unsubscribe = session.subscribe(
    (s) => s.scenarios.length > 0 || s.shippedErrors.length > 0,
    (loaded) => {
      if (!loaded) return;
      unsubscribe();
      playAtOnce();
      openSharedRun();
    },
  );
}
window.addEventListener('hashchange', () => {
  if (session.getState().scenarios.length > 0) openSharedRun();
});

// Headless Chromium (navigator.webdriver) renders WebGL in software, slowly: use the canvas renderer there.
const renderer = navigator.webdriver ? Phaser.CANVAS : Phaser.AUTO;

const phaser = new Phaser.Game({
  type: renderer,
  parent: 'map-canvas',
  backgroundColor: COLOURS.background,
  scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
  // Keys are handled by the DOM (src/ui/keyboard.ts) so they work the same whichever element has focus.
  input: { keyboard: false },
  audio: { noAudio: true },
  banner: false,
  scene: [Boot, Preloader, Menu, City, Debrief],
  callbacks: {
    preBoot: (game) => {
      game.registry.set(REGISTRY.session, session);
      game.registry.set(REGISTRY.defaultScenario, flags.scenario ?? DEFAULT_SCENARIO_ID);
      if (hook) game.registry.set(REGISTRY.testHook, hook);
    },
  },
});

keepScaleInSync(phaser, document.getElementById('map-canvas')!);

installSceneRouter(session, {
  restartCity: () => phaser.scene.getScene('City')?.scene.restart(),
  cityToDebrief: () => phaser.scene.getScene('City')?.scene.start('Debrief'),
});
