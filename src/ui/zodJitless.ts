/**
 * zod validates objects faster by compiling a checker with `new Function` when it may. The game's
 * Content-Security-Policy (csp.ts) forbids that, so zod's own try would fail and be reported as a policy
 * violation on every page: tell zod up front not to try. Imported first by the page and by every worker.
 */
import { config } from 'zod';

config({ jitless: true });
