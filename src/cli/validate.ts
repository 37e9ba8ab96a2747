/**
 * npm run validate -- <scenario.yaml>... [--json]
 * Compiles each scenario file and prints every diagnostic as `file:line:col  CODE  message`, then one summary
 * line. Exit code: 0 when no file has an error (warnings alone are fine), 1 when some file has an error,
 * 2 for a usage mistake or a file that cannot be read (nothing is checked then).
 * `--json` prints a JSON array of {file, ok, diagnostics} instead, for editors and other tools.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { compile, formatDiagnostic, type Diagnostic } from '../scenario';
import { CliError, readText, runCli } from './loadScenario';

const USAGE = 'usage: npm run validate -- <scenario.yaml>... [--json]';

export interface FileReport {
  file: string;
  /** No error (warnings allowed): the file loads. */
  ok: boolean;
  diagnostics: Diagnostic[];
}

/** Reads every file first, so a missing one stops the run before anything is printed. */
export function validateFiles(paths: readonly string[]): FileReport[] {
  const texts = paths.map((p) => readText(p));
  return paths.map((file, i) => {
    const { diagnostics } = compile(texts[i]!, file);
    return { file, ok: !diagnostics.some((d) => d.severity === 'error'), diagnostics };
  });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** e.g. "3 files: 2 ok, 1 with errors (4 errors, 1 warning)". */
export function summaryLine(reports: readonly FileReport[]): string {
  const all = reports.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const ok = reports.filter((r) => r.ok).length;
  return `${plural(reports.length, 'file')}: ${ok} ok, ${reports.length - ok} with errors (${plural(errors, 'error')}, ${plural(all.length - errors, 'warning')})`;
}

/** The command without process side effects: returns the exit code and writes through `out`. */
export function validateMain(argv: readonly string[], out: (text: string) => void): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new CliError(`${(e as Error).message.split('.')[0]!} (${USAGE})`);
  }
  if (parsed.values.help) {
    out(`${USAGE}\n`);
    return 0;
  }
  if (parsed.positionals.length === 0) throw new CliError(`no scenario file given (${USAGE})`);
  const reports = validateFiles(parsed.positionals);
  if (parsed.values.json) {
    out(`${JSON.stringify(reports, null, 2)}\n`);
  } else {
    for (const r of reports) for (const d of r.diagnostics) out(`${formatDiagnostic(d)}\n`);
    out(`${summaryLine(reports)}\n`);
  }
  return reports.every((r) => r.ok) ? 0 : 1;
}

// Run only as a script (the tests import validateMain).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runCli(() => validateMain(process.argv.slice(2), (text) => process.stdout.write(text)));
}
