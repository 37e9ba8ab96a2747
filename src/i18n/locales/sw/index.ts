/**
 * Kiswahili texts of the interface (same files and keys as ../en). Loaded only when Kiswahili is chosen, so
 * an English start-up does not carry them.
 */
import city from './city.json';
import coach from './coach.json';
import common from './common.json';
import console from './console.json';
import debrief from './debrief.json';
import decisions from './decisions.json';
import diagnostics from './diagnostics.json';
import engine from './engine.json';
import engineWords from './engineWords.json';
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
import studio from './studio.json';
import update from './update.json';
import workarounds from './workarounds.json';

export const sw = {
  city,
  coach,
  common,
  console,
  debrief,
  decisions,
  diagnostics,
  engine,
  engineWords,
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
  studio,
  update,
  workarounds,
};
