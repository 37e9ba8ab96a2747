/**
 * Vite plugin: the shipped scenarios (`scenarios/*.yaml`) precompiled for the page (src/scenario/precompiled.ts).
 *
 * `import PRECOMPILED from 'virtual:precompiled-scenarios'` gives `{ [fileName]: url }`, the URL of each file's
 * precompiled document (JSON), which the Preloader fetches beside the YAML text. In a build each document is
 * an asset emitted next to the bundle; the dev server compiles a file when it is asked for it, so an
 * instructor's edit shows on the next reload without restarting anything. A file with errors is still
 * emitted (its diagnostics, no document), and the menu lists its errors as it always did.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { precompile } from '../../src/scenario/precompile';

const VIRTUAL = 'virtual:precompiled-scenarios';
const RESOLVED = `\0${VIRTUAL}`;
/** Where the dev server answers (never in a build). */
const DEV_PREFIX = '/__cascade/precompiled/';

const shippedFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();

const documentOf = (dir: string, fileName: string): string =>
  JSON.stringify(precompile(readFileSync(join(dir, fileName), 'utf8'), fileName));

export function precompiledScenarios(dir: string): Plugin {
  let building = false;
  return {
    name: 'cascade:precompiled-scenarios',
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      const entries = shippedFiles(dir).map((fileName) => {
        this.addWatchFile(join(dir, fileName));
        if (!building) return `${JSON.stringify(fileName)}: ${JSON.stringify(DEV_PREFIX + fileName)}`;
        const ref = this.emitFile({
          type: 'asset',
          name: fileName.replace(/\.yaml$/, '.json'),
          source: documentOf(dir, fileName),
        });
        return `${JSON.stringify(fileName)}: import.meta.ROLLUP_FILE_URL_${ref}`;
      });
      return `export default { ${entries.join(', ')} };`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        if (!path.startsWith(DEV_PREFIX)) return next();
        const fileName = decodeURIComponent(path.slice(DEV_PREFIX.length));
        if (!shippedFiles(dir).includes(fileName)) {
          res.statusCode = 404;
          res.end();
          return;
        }
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Cache-Control', 'no-store');
        res.end(documentOf(dir, fileName));
      });
    },
  };
}
