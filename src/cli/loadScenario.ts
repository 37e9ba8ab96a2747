/** Reading a scenario file for the command line: one-line errors, never a stack trace for a user mistake. */
import { readFileSync } from 'node:fs';
import { compile, formatDiagnostic, type CompileResult } from '../scenario';

export class CliError extends Error {}

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT'
        ? `no such file: ${path}`
        : code === 'EISDIR'
          ? `${path} is a directory, not a file`
          : `cannot read ${path}: ${(e as Error).message}`,
    );
  }
}

export function compileFile(path: string): CompileResult {
  return compile(readText(path), path);
}

export function loadScenarioOrExit(path: string): NonNullable<CompileResult['scenario']> {
  const result = compileFile(path);
  if (!result.scenario) {
    for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    throw new CliError(`${path} has errors; fix them (npm run validate -- ${path})`);
  }
  return result.scenario;
}

/** Runs a CLI main: CliError → one line on stderr and exit code 2; anything else is a bug and shows its stack. */
export function runCli(main: () => number | void): void {
  try {
    const code = main();
    process.exitCode = code ?? 0;
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`error: ${e.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw e;
  }
}
