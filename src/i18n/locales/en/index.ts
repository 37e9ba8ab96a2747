/**
 * English texts of the interface, one JSON file per area (namespace). English is the reference: the types of
 * `t()` keys come from these files (../i18next.d.ts), and test/i18n/parity.test.ts checks every other language
 * has exactly the same keys and placeholders. Bundled with the game (it is also every missing text's fallback).
 */
import city from './city.json';
import common from './common.json';
import diagnostics from './diagnostics.json';
import format from './format.json';
import menu from './menu.json';

export const en = { city, common, diagnostics, format, menu };
