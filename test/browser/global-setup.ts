// Vitest globalSetup for the browser suite (see vitest.browser.config.ts): runs once, in the main
// process, before any browser test file. It fails fast (loudly) when Chromium is missing and builds
// dist/ once (see ensureBuilt in ./harness.ts), so the build does not count against hook timeouts.
import { ensureBuilt, findChromium } from './harness';

export default async function setup(): Promise<void> {
  const choice = await findChromium();
  console.log(`[browser harness] Chromium: ${choice.executablePath} (${choice.source})`);
  await ensureBuilt();
}
