/**
 * The zod that validates untrusted input (saves, share links, run files, a save's state): zod/mini, whose
 * functions the bundler keeps only as far as these schemas use them, so the page's start-up carries a few KB of
 * zod instead of classic zod's ~29 KB gzip (issue 14). The scenario compiler and the CLI keep classic zod.
 *
 * Unlike classic zod, zod/mini installs no messages: every issue would read "Invalid input". Refusals quote an
 * issue's message (save, link, run file, state), so English is installed here, as classic zod does: only when
 * no locale is set yet (classic zod's first schema or an explicit choice keeps its own). Both share zod's
 * global configuration, so whichever loads first, the texts are the same.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

if (!config().localeError) config(en());

export * as z from 'zod/mini';
