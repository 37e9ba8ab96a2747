/**
 * Every English namespace, bundled: for the tests (parity with the other languages, placeholders) and the
 * tools, never for the page (./index.ts keeps the later screens' texts out of its start-up code). The start-up
 * set plus the `LATER` ones, so the list of namespaces is written once (./index.ts).
 */
import console from './console.json';
import debrief from './debrief.json';
import diagnostics from './diagnostics.json';
import engineWords from './engineWords.json';
import studio from './studio.json';
import { en, type EnglishTexts } from './index';

export const enAll: EnglishTexts = { ...en, debrief, diagnostics, engineWords, studio, console };
