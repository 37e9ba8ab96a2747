/**
 * Which Chromium the browser tests and benchmarks drive, in this order:
 *
 *   1. $CHROMIUM_PATH, when set (an error if it is not an executable: a typo must not silently fall back);
 *   2. the system Chromium (/usr/bin/chromium, /usr/bin/chromium-browser), e.g. Debian's `chromium` package;
 *   3. the Chromium build shipped inside the `@sparticuz/chromium` devDependency, unpacked to /tmp on first
 *      use (~2 s). This is what makes `npm install && npm test` work on a fresh machine with no browser
 *      installed and no network beyond the npm registry. It renders WebGL through SwiftShader.
 *
 * Why 147.0.0 of that package: it is the newest release that declares Node ≥ 20 (later ones need Node 22,
 * and npm would warn on every install here); playwright-core 1.65 drives its Chromium 147 over CDP.
 */
import { accessSync, constants } from 'node:fs';

export interface ChromiumChoice {
  executablePath: string;
  /** Where it came from, for the log line and the README. */
  source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
  /** Flags this build needs on top of the common ones (SwiftShader WebGL for the bundled build). */
  extraArgs: string[];
  /** Environment overrides for the browser process. */
  env: Record<string, string>;
}

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * Flags that the bundled build needs: it has no GPU process of its own and must use SwiftShader for WebGL; and
 * under LANG=C.UTF-8 (a bare machine, CI) it reports navigator.language as "en-US@posix", which is not a valid
 * BCP 47 tag, so `new Intl.NumberFormat(navigator.language)` (uPlot, at load) throws. Debian's build says "en-US".
 * `--lang` alone does not change that in this build; LANG in its environment does (BUNDLED_ENV).
 */
const BUNDLED_ARGS = [
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--no-zygote',
  '--lang=en-US',
];
const BUNDLED_ENV = { LANG: 'en_US.UTF-8' };

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function missingError(detail: string): Error {
  const bar = '!'.repeat(78);
  return new Error(
    [
      '',
      bar,
      '!!  BROWSER TESTS NEED CHROMIUM, AND NONE COULD BE USED.',
      `!!  ${detail}`,
      '!!',
      '!!  `npm install` normally brings one (@sparticuz/chromium). Otherwise install one (Debian/Ubuntu):',
      '!!      sudo apt-get install -y --no-install-recommends chromium',
      '!!  or point CHROMIUM_PATH at an existing Chromium/Chrome binary:',
      '!!      CHROMIUM_PATH=/path/to/chrome npm test',
      bar,
      '',
    ].join('\n'),
  );
}

let cached: Promise<ChromiumChoice> | undefined;

async function resolve(): Promise<ChromiumChoice> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv))
      return { executablePath: fromEnv, source: 'CHROMIUM_PATH', extraArgs: [], env: {} };
    throw missingError(`CHROMIUM_PATH=${fromEnv} does not exist or is not executable.`);
  }
  for (const candidate of SYSTEM_CANDIDATES) {
    if (isExecutable(candidate))
      return { executablePath: candidate, source: 'system', extraArgs: [], env: {} };
  }
  return bundledChromium(`No $CHROMIUM_PATH, no ${SYSTEM_CANDIDATES.join(' or ')}`);
}

/**
 * The Chromium shipped in the @sparticuz/chromium devDependency (unpacked on first use). Exported so that a
 * browser test checks this fallback even on machines (CI) that have a system Chromium.
 */
export async function bundledChromium(context = 'The bundled Chromium'): Promise<ChromiumChoice> {
  let bundled: { executablePath(): Promise<string> };
  try {
    bundled = (await import('@sparticuz/chromium')).default;
  } catch (error) {
    throw missingError(
      `${context}, and @sparticuz/chromium could not be loaded (${(error as Error).message}).`,
    );
  }
  const executablePath = await bundled.executablePath();
  if (!isExecutable(executablePath)) {
    throw missingError(`@sparticuz/chromium unpacked to ${executablePath}, which is not executable.`);
  }
  return { executablePath, source: '@sparticuz/chromium', extraArgs: BUNDLED_ARGS, env: BUNDLED_ENV };
}

/** The Chromium to use (resolved once per process). Rejects with a loud, multi-line how-to when none works. */
export function findChromium(): Promise<ChromiumChoice> {
  cached ??= resolve();
  return cached;
}
