/**
 * JS bundle size: every dist/assets/*.js file, raw and gzip-compressed (node's zlib at level 9, about what a
 * static server with precompression sends; servers compressing on the fly often use level 6, a few % larger).
 *
 * "Start-up" is what a player's browser must fetch before the menu can show: the page's entry (index.html's
 * script, src/entry.ts) and everything it imports statically, plus the game it always imports next
 * (src/main.ts, loaded with import() so that the facilitator's console window does not load Phaser) and that
 * module's static imports. Read from Vite's build manifest (dist/.vite/manifest.json). Counting only the
 * files named in index.html, as this did before, missed the game once the entry became a two-way switch.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../../test/browser/harness';

export interface BundleFile {
  file: string;
  rawBytes: number;
  gzipBytes: number;
  /** Fetched on every load of the game's page (see startupFiles). */
  atStartup: boolean;
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

/** The entry chunks a page loads at start: the HTML entry, then the game module it always imports. */
export const STARTUP_ENTRIES = ['index.html', 'src/main.ts'];

/** File names (under assets/) of the start-up chunks: each start-up entry's static-import closure. */
export function startupFiles(manifest: Record<string, ManifestChunk>): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`bundle: the build manifest has no chunk '${key}'`);
    if (chunk.file.endsWith('.js')) files.add(chunk.file.slice(chunk.file.lastIndexOf('/') + 1));
    for (const next of chunk.imports ?? []) visit(next);
  };
  for (const entry of STARTUP_ENTRIES) visit(entry);
  return files;
}

function readManifest(): Record<string, ManifestChunk> {
  const path = join(ROOT, 'dist', '.vite', 'manifest.json');
  if (!existsSync(path)) throw new Error('bundle: dist/.vite/manifest.json is missing: run npm run build');
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;
}

export function bundleSizes(): { files: BundleFile[]; total: BundleFile; startup: BundleFile } {
  const dir = join(ROOT, 'dist', 'assets');
  const atStartup = startupFiles(readManifest());
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((file) => {
      const bytes = readFileSync(join(dir, file));
      return {
        file,
        rawBytes: bytes.length,
        gzipBytes: gzipSync(bytes, { level: 9 }).length,
        atStartup: atStartup.has(file),
      };
    });
  const sum = (list: BundleFile[], name: string): BundleFile => ({
    file: name,
    rawBytes: list.reduce((n, f) => n + f.rawBytes, 0),
    gzipBytes: list.reduce((n, f) => n + f.gzipBytes, 0),
    atStartup: list.every((f) => f.atStartup),
  });
  return {
    files,
    total: sum(files, 'total'),
    startup: sum(
      files.filter((f) => f.atStartup),
      'loaded at start-up',
    ),
  };
}
