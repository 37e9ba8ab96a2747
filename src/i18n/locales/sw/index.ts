/**
 * Kiswahili texts of the interface (same files and keys as ../en). Loaded only when Kiswahili is chosen, so
 * an English start-up does not carry them.
 */
import city from './city.json';
import common from './common.json';
import diagnostics from './diagnostics.json';
import format from './format.json';
import menu from './menu.json';

export const sw = { city, common, diagnostics, format, menu };
