/**
 * The unit tests render every screen's words, the debrief's and a file's diagnostics included, without the
 * screens that load those texts in the page (src/i18n `loadTexts`): load them up front. The browser tests check
 * the page loads them itself (their missing-text check fails on a key asked for before its texts).
 */
import { loadTexts } from '../../src/i18n';

await loadTexts(['debrief', 'diagnostics', 'studio', 'console']);
