/**
 * The production build the browser benchmark measures. Unlike the test harness (which reuses any dist/), the
 * benchmark rebuilds when a source is newer than dist/index.html: figures for yesterday's bundle are worse than
 * none. If that rebuild fails (for instance while someone's edit does not type-check yet) and a dist/ exists,
 * the benchmark measures the existing one and says so in its notes.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../test/browser/harness';

const DIST_INDEX = join(ROOT, 'dist', 'index.html');
/** Everything that goes into the bundle. */
const INPUTS = [
  'src',
  'scenes',
  'scenarios',
  'public',
  'index.html',
  'vite.config.ts',
  'package.json',
  'tsconfig.json',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export interface BuildInfo {
  /** 'fresh' (dist/ newer than every input), 'rebuilt', or 'stale' (rebuild failed; measuring the old dist/). */
  status: 'fresh' | 'rebuilt' | 'stale';
  buildMs: number | null;
  /** Why the build is stale, when it is. */
  warning: string | null;
  distBuiltAt: string;
}

function npmRunBuild(): Promise<{ code: number | null; tail: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (chunk: Buffer): void => {
      tail = (tail + chunk.toString()).slice(-4_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, tail }));
  });
}

export async function ensureFreshBuild(log: (line: string) => void): Promise<BuildInfo> {
  const built = existsSync(DIST_INDEX) ? statSync(DIST_INDEX).mtimeMs : 0;
  const newestInput = Math.max(...INPUTS.map((p) => newestMtime(join(ROOT, p))));
  if (built > newestInput) {
    return { status: 'fresh', buildMs: null, warning: null, distBuiltAt: new Date(built).toISOString() };
  }
  log(`bench browser: ${built ? 'dist/ is older than the sources' : 'no dist/'}: npm run build ...`);
  const started = performance.now();
  const { code, tail } = await npmRunBuild();
  const buildMs = performance.now() - started;
  if (code === 0 && existsSync(DIST_INDEX)) {
    log(`bench browser: built in ${(buildMs / 1000).toFixed(1)} s`);
    return {
      status: 'rebuilt',
      buildMs,
      warning: null,
      distBuiltAt: new Date(statSync(DIST_INDEX).mtimeMs).toISOString(),
    };
  }
  if (!existsSync(DIST_INDEX)) throw new Error(`npm run build failed (exit ${String(code)}):\n${tail}`);
  const firstError = tail.split('\n').find((l) => /error/i.test(l)) ?? `exit ${String(code)}`;
  const warning = `npm run build failed (${firstError.trim()}); measured the existing dist/ from ${new Date(statSync(DIST_INDEX).mtimeMs).toISOString()}, older than the sources`;
  log(`bench browser: WARNING: ${warning}`);
  return {
    status: 'stale',
    buildMs,
    warning,
    distBuiltAt: new Date(statSync(DIST_INDEX).mtimeMs).toISOString(),
  };
}
