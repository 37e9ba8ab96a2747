/**
 * The page's entry: the facilitator's console when opened at `/#facilitator` (src/ui/console), the game
 * otherwise. Each is loaded on its own, so the console window never starts a second game (nor loads Phaser).
 */
import { CONSOLE_FRAGMENT } from './ui/console/protocol';

if (window.location.hash === CONSOLE_FRAGMENT) void import('./ui/console/page');
else void import('./main');
