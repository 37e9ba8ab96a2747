/**
 * zod validates objects faster by compiling a checker with `new Function` when it may. The game's
 * Content-Security-Policy (csp.ts) forbids that, so zod's own try would fail and be reported as a policy
 * violation on every page: tell zod up front not to try. Imported first by the page and by every worker.
 * Through zod/mini, which the page uses (src/run/zod.ts): classic zod, loaded later by the scenario compiler,
 * reads the same global configuration.
 */
import { config } from 'zod/mini';

config({ jitless: true });
