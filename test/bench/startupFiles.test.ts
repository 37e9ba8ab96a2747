import { describe, expect, it } from 'vitest';
import { startupFiles } from '../../bench/browser/bundle';

// A manifest shaped like Vite's: the HTML entry imports the console page and the game with import(), the game
// imports Phaser and a shared chunk statically, and the debrief is loaded on demand.
const manifest = {
  'index.html': {
    file: 'assets/index-a.js',
    imports: ['_preload.js'],
    dynamicImports: ['src/main.ts', 'page.ts'],
  },
  '_preload.js': { file: 'assets/preload-b.js' },
  'src/main.ts': {
    file: 'assets/main-c.js',
    imports: ['_phaser.js', '_shared.js', 'main.css'],
    dynamicImports: ['debrief.ts'],
  },
  '_phaser.js': { file: 'assets/phaser-d.js', imports: ['_shared.js'] },
  '_shared.js': { file: 'assets/shared-e.js' },
  'main.css': { file: 'assets/main-f.css' },
  'page.ts': { file: 'assets/page-g.js', imports: ['_shared.js'] },
  'debrief.ts': { file: 'assets/debrief-h.js' },
};

describe('start-up JavaScript as the benchmark counts it', () => {
  it("is the entry's and the game's static imports, once each, without CSS or on-demand chunks", () => {
    expect([...startupFiles(manifest)].sort()).toEqual([
      'index-a.js',
      'main-c.js',
      'phaser-d.js',
      'preload-b.js',
      'shared-e.js',
    ]);
  });

  it('refuses a manifest without the game module (a renamed entry would otherwise count as zero)', () => {
    const { ['src/main.ts']: _dropped, ...withoutGame } = manifest;
    expect(() => startupFiles(withoutGame)).toThrow(/src\/main\.ts/);
  });
});
