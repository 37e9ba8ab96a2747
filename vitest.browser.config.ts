import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { configDefaults, defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// Browser suite: Node-side tests that build + serve the game and drive system Chromium through
// playwright-core (helpers in test/browser/harness.ts). Slow, so long timeouts and one file at a time
// (each file may start its own preview server and browser).
// Same guard as in vitest.config.ts (duplicated on purpose: importing one config file from another
// needs an explicit `.ts` extension under Vite's upcoming native config loader). The browser tests
// run in Node and drive Chromium remotely; they must never import Phaser themselves.
function forbidPhaserInNode(): Plugin {
  return {
    name: 'cascade:forbid-phaser-in-node',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'phaser' || source.startsWith('phaser/')) {
        throw new Error(
          `Phaser must never be imported in Node-side browser tests (imported as '${source}' from ` +
            `${importer ?? 'unknown'}). Drive the game through the page (playwright) instead.`,
        );
      }
      return null;
    },
  };
}

export default defineConfig({
  root,
  plugins: [forbidPhaserInNode()],
  test: {
    environment: 'node',
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    exclude: [...configDefaults.exclude, 'test/artifacts/**'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
