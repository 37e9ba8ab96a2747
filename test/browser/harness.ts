/**
 * Shared helpers for the browser test suite (test/browser/**, run by `vitest.browser.config.ts`).
 * This file is not a test itself.
 *
 * The browser tests run in Node and drive the *built* game (dist/) through Chromium (see ./chromium.ts) via
 * playwright-core. Typical use:
 *
 *   const browser = await launchBrowser();          // fails fast (loudly) if Chromium is missing
 *   const server = await startPreviewServer();      // builds dist/ if needed, serves it
 *   const page = await browser.newPage();
 *   await page.goto(server.url);
 *   ...
 *   await browser.close();
 *   await server.stop();
 *
 * BUILD CACHING: the game is built with `npm run build` when `dist/index.html` is missing or older than any
 * file it is built from (src/, scenes/, scenarios/, public/, index.html, ...). To force a fresh build set
 * CASCADE_REBUILD=1, e.g.  `CASCADE_REBUILD=1 npm test`  (CI starts from a clean checkout, so it
 * always builds). The build happens once per test run, in test/browser/global-setup.ts, before any
 * browser test file starts; startPreviewServer() also calls ensureBuilt() so the helpers work alone.
 *
 * Environment variables:
 *   CHROMIUM_PATH    path to a Chromium/Chrome binary (default: the system one, else @sparticuz/chromium; see ./chromium.ts)
 *   CASCADE_REBUILD  set to 1 to rebuild dist/ even if it exists
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { findChromium, type ChromiumChoice } from './chromium';

export { findChromium } from './chromium';

/** Repository root (absolute path). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where browser tests write screenshots, logs and other artifacts (git-ignored). */
export const ARTIFACTS_DIR = join(ROOT, 'test', 'artifacts');

const DIST_INDEX = join(ROOT, 'dist', 'index.html');
const SERVER_READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 3_000;
const MAX_LOG_CHARS = 20_000;

/** Default Chromium flags: headless, no sandbox (containers/root), no GPU, no background network chatter. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launch Chromium (see ./chromium.ts for which one) through playwright-core. Extra `options.args` are appended to CHROMIUM_ARGS.
 * (For a persistent profile / user-data dir use `chromium.launchPersistentContext`, not a flag.)
 */
export async function launchBrowser(
  options: LaunchOptions = {},
  choice: Promise<ChromiumChoice> = findChromium(),
): Promise<Browser> {
  const { executablePath, extraArgs, env } = await choice;
  return chromium.launch({
    ...options,
    executablePath,
    env: { ...process.env, ...env, ...options.env },
    args: [...CHROMIUM_ARGS, ...extraArgs, ...(options.args ?? [])],
  });
}

/** `mkdir -p test/artifacts/` (and any sub-folder in `name`) and return the absolute path for `name`. */
export function artifactPath(name: string): string {
  const path = resolve(ARTIFACTS_DIR, name);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

function runCommand(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-MAX_LOG_CHARS);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, output }));
  });
}

/** What the build reads: a file here newer than dist/index.html means the browser tests would test old code. */
const BUILD_INPUTS = ['src', 'scenes', 'scenarios', 'public', 'index.html', 'vite.config.ts', 'package.json'];

/** The first build input (relative path) modified after `builtMs`, or undefined. */
function newerSource(builtMs: number): string | undefined {
  const visit = (relative: string): string | undefined => {
    const path = join(ROOT, relative);
    if (!existsSync(path)) return undefined;
    const stat = statSync(path);
    if (stat.isFile()) return stat.mtimeMs > builtMs ? relative : undefined;
    for (const entry of readdirSync(path)) {
      const found = visit(join(relative, entry));
      if (found) return found;
    }
    return undefined;
  };
  for (const input of BUILD_INPUTS) {
    const found = visit(input);
    if (found) return found;
  }
  return undefined;
}

/**
 * Build the game (`npm run build`) if dist/index.html is missing, older than a source it is built from,, or if CASCADE_REBUILD=1 and it has not
 * been rebuilt yet in this test run. Safe to call many times.
 */
export async function ensureBuilt(): Promise<void> {
  const rebuildRequested = process.env.CASCADE_REBUILD === '1' && process.env.CASCADE_REBUILT !== '1';
  const stale = existsSync(DIST_INDEX) ? newerSource(statSync(DIST_INDEX).mtimeMs) : undefined;
  if (existsSync(DIST_INDEX) && !rebuildRequested && !stale) return;
  const reason = rebuildRequested
    ? 'CASCADE_REBUILD=1'
    : stale
      ? `${stale} changed since the last build`
      : 'dist/index.html is missing';
  console.log(`[browser harness] building the game (npm run build) because ${reason} ...`);
  const started = Date.now();
  const { code, output } = await runCommand('npm', ['run', 'build']);
  if (code !== 0 || !existsSync(DIST_INDEX)) {
    throw new Error(
      `[browser harness] \`npm run build\` failed (exit code ${code}). Output (tail):\n${output}`,
    );
  }
  // Workers started after this point inherit the flag, so the rebuild happens once per run.
  process.env.CASCADE_REBUILT = '1';
  console.log(`[browser harness] build finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Ask the OS for a free TCP port on 127.0.0.1. */
export function getFreePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolvePromise(port) : reject(new Error('could not get a free port'))));
    });
  });
}

export interface PreviewServer {
  /** Base URL of the served game, e.g. http://127.0.0.1:41234/ */
  url: string;
  port: number;
  /** Recent stdout/stderr of the preview server (for debugging failed tests). */
  log(): string;
  /** Stop the server: SIGTERM to its whole process group, SIGKILL after 3 s. Idempotent. */
  stop(): Promise<void>;
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function answers200(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/**
 * Build dist/ if needed (see ensureBuilt) and serve it with `vite preview` on 127.0.0.1.
 * The server runs in its own process group (detached) so stop() can kill npx *and* vite.
 * Resolves once GET / answers 200 (60 s timeout).
 */
export async function startPreviewServer(options: { port?: number } = {}): Promise<PreviewServer> {
  await ensureBuilt();
  const port = options.port ?? (await getFreePort());
  const url = `http://127.0.0.1:${port}/`;

  const child: ChildProcess = spawn(
    'npx',
    ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('[browser harness] failed to spawn `npx vite preview`');

  let log = '';
  const collect = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-MAX_LOG_CHARS);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  let exited = false;
  let exitCode: number | null = null;
  const exitPromise = new Promise<void>((r) =>
    child.once('exit', (code) => {
      exited = true;
      exitCode = code;
      r();
    }),
  );

  // Never leave a preview server behind if the test process dies without calling stop().
  const killOnExit = () => killGroup(pid, 'SIGKILL');
  process.once('exit', killOnExit);

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      process.removeListener('exit', killOnExit);
      killGroup(pid, 'SIGTERM');
      const deadline = Date.now() + STOP_GRACE_MS;
      while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
      if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
      await Promise.race([exitPromise, sleep(1_000)]);
    })();
    return stopped;
  };

  const deadline = Date.now() + SERVER_READY_TIMEOUT_MS;
  while (!(await answers200(url))) {
    if (exited) {
      await stop();
      throw new Error(
        `[browser harness] vite preview exited early (code ${exitCode}) on port ${port}. Output:\n${log}`,
      );
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `[browser harness] vite preview did not answer 200 on ${url} within ${SERVER_READY_TIMEOUT_MS / 1000} s. Output:\n${log}`,
      );
    }
    await sleep(200);
  }

  return { url, port, log: () => log, stop };
}
