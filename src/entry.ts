/**
 * The page's entry: the facilitator's console when opened at `/#facilitator` (src/ui/console), the game
 * otherwise. Each is loaded on its own, so the console window never starts a second game (nor loads Phaser).
 */
// First, before any module that may use zod: the Content-Security-Policy forbids zod's `new Function` probe.
import './ui/zodJitless';
import { CONSOLE_FRAGMENT } from './ui/console/protocol';

// The start-up indicator (index.html) hides itself once the game's map canvas exists; the console has no
// canvas, so it removes the indicator once its own page is loaded.
if (window.location.hash === CONSOLE_FRAGMENT)
  void import('./ui/console/page').then(() => document.getElementById('boot-loading')?.remove());
else void import('./main');
