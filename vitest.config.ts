import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { configDefaults, defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Vitest runs in Node. Phaser needs a real browser (window, canvas, WebGL) and must never be loaded
 * there: engine/scenario/store code has to be testable without it. Any attempt to resolve `phaser`
 * (directly or transitively) fails the test file loudly instead of producing obscure errors.
 * Browser tests drive the built game through Chromium (playwright-core) and do not import Phaser either.
 */
function forbidPhaserInNode(): Plugin {
  return {
    name: 'cascade:forbid-phaser-in-node',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'phaser' || source.startsWith('phaser/')) {
        throw new Error(
          `Phaser must never be imported in the Node test environment ` +
            `(imported as '${source}' from ${importer ?? 'unknown'}). ` +
            `Keep Phaser in scenes/ and src/ui/, and test logic through src/engine, src/scenario or src/store.`,
        );
      }
      return null;
    },
  };
}

// Unit suite: everything under test/ except the Chromium-driven browser tests.
export default defineConfig({
  root,
  plugins: [forbidPhaserInNode()],
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/laterTexts.ts'],
    exclude: [...configDefaults.exclude, 'test/browser/**', 'test/artifacts/**'],
    reporters: ['default'],
    // A hang guard, not a speed check: property tests with thousands of cases take several seconds on a busy
    // 2-core machine (5 s, vitest's default, failed under `npm run test:stress`).
    testTimeout: 60_000,
  },
});
