/**
 * English texts of the interface, one JSON file per area (namespace). English is the reference: the types of
 * `t()` keys come from these files (../i18next.d.ts), and test/i18n/parity.test.ts checks every other language
 * has exactly the same keys and placeholders. Bundled with the game (it is also every missing text's fallback).
 */
import common from './common.json';
import debrief from './debrief.json';
import diagnostics from './diagnostics.json';
import format from './format.json';
import menu from './menu.json';
import refusals from './refusals.json';
import replay from './replay.json';
import saves from './saves.json';
import studio from './studio.json';

export const en = { common, debrief, diagnostics, format, menu, refusals, replay, saves, studio };
