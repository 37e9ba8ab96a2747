/**
 * English texts of the interface, one JSON file per area (namespace). English is the reference: the types of
 * `t()` keys come from these files (../i18next.d.ts), and test/i18n/parity.test.ts checks every other language
 * has exactly the same keys and placeholders (./all.ts is the whole set). Bundled with the game (it is also
 * every missing text's fallback), except the texts of screens that load later (`LATER`): the debrief's, the
 * diagnostics of a scenario file, the engine's words for other languages, the studio's and the console's. They load with their screen (`loadTexts` in ../../index.ts), so the
 * page's start-up JavaScript does not carry them.
 */
import city from './city.json';
import coach from './coach.json';
import common from './common.json';
import type console from './console.json';
import type debrief from './debrief.json';
import decisions from './decisions.json';
import type diagnostics from './diagnostics.json';
import engine from './engine.json';
import type engineWords from './engineWords.json';
import feed from './feed.json';
import format from './format.json';
import help from './help.json';
import hud from './hud.json';
import map from './map.json';
import menu from './menu.json';
import messages from './messages.json';
import mitigations from './mitigations.json';
import prompt from './prompt.json';
import refusals from './refusals.json';
import replay from './replay.json';
import saves from './saves.json';
import service from './service.json';
import type studio from './studio.json';
import update from './update.json';
import workarounds from './workarounds.json';

export const en = {
  city,
  coach,
  common,
  decisions,
  engine,
  feed,
  format,
  help,
  hud,
  map,
  menu,
  messages,
  mitigations,
  prompt,
  refusals,
  replay,
  saves,
  service,
  update,
  workarounds,
};

/** The namespaces loaded with their screen, and how. */
export const LATER = {
  debrief: () => import('./debrief.json').then((m) => m.default),
  diagnostics: () => import('./diagnostics.json').then((m) => m.default),
  // The engine's own lines (feed items, whys, why a service is down, dropped items, the console's sentences)
  // worded from their facts: English shows the engine's text as it is, so only another language needs them.
  engineWords: () => import('./engineWords.json').then((m) => m.default),
  // The studio's own page: loaded with it (src/ui/studioRoute.ts).
  studio: () => import('./studio.json').then((m) => m.default),
  // The facilitator's console window (src/ui/console/page.ts).
  console: () => import('./console.json').then((m) => m.default),
};
export type LaterNamespace = keyof typeof LATER;

/** Every English namespace (the type of `t()` keys). */
export type EnglishTexts = typeof en & {
  debrief: typeof debrief;
  diagnostics: typeof diagnostics;
  engineWords: typeof engineWords;
  studio: typeof studio;
  console: typeof console;
};
