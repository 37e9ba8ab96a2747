/**
 * Entry point: the session store, the DOM shell, and the Phaser game (Boot → Preloader → Menu → City → Debrief).
 * Scenes and DOM panels share state only through the stores (see ../shared/design/architecture.md).
 */
import Phaser from 'phaser';
import { Boot } from '../scenes/Boot';
import { City } from '../scenes/City';
import { REGISTRY } from '../scenes/context';
import { Debrief } from '../scenes/Debrief';
import { Menu } from '../scenes/Menu';
import { COLOURS } from '../scenes/palette';
import { Preloader } from '../scenes/Preloader';
import { createSession } from './store';
import { DEFAULT_SCENARIO_ID, randomSeed, readFlags } from './ui/flags';
import { mountShell } from './ui/shell';
import { installTestHook } from './ui/testHook';
import './ui/styles.css';

const flags = readFlags(window.location.search);
const session = createSession({ seed: flags.seed ?? randomSeed(), rateScale: flags.rateScale });
mountShell(session, flags.rateScale);
const hook = flags.test ? installTestHook(session) : undefined;

// Headless Chromium (navigator.webdriver) renders WebGL in software, slowly: use the canvas renderer there.
const renderer = navigator.webdriver ? Phaser.CANVAS : Phaser.AUTO;

new Phaser.Game({
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
