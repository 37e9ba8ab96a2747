/**
 * JS bundle size: every dist/assets/*.js file, raw and gzip-compressed (node's zlib at level 9, about what a
 * static server with precompression sends; servers compressing on the fly often use level 6, a few % larger).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../../test/browser/harness';

export interface BundleFile {
  file: string;
  rawBytes: number;
  gzipBytes: number;
  /** Named by dist/index.html (entry script or modulepreload), so fetched on every page load. */
  atStartup: boolean;
}

export function bundleSizes(): { files: BundleFile[]; total: BundleFile; startup: BundleFile } {
  const dir = join(ROOT, 'dist', 'assets');
  const index = readFileSync(join(ROOT, 'dist', 'index.html'), 'utf8');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((file) => {
      const bytes = readFileSync(join(dir, file));
      return {
        file,
        rawBytes: bytes.length,
        gzipBytes: gzipSync(bytes, { level: 9 }).length,
        atStartup: index.includes(`assets/${file}`),
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
