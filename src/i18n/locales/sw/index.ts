/**
 * Kiswahili texts of the interface (same files and keys as ../en). Loaded only when Kiswahili is chosen, so
 * an English start-up does not carry them.
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

export const sw = { common, debrief, diagnostics, format, menu, refusals, replay, saves, studio };
