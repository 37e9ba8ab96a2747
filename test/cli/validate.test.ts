/**
 * `npm run validate`: the report format, the summary line and the exit codes (0 clean or warnings only, 1 any
 * error, 2 usage or unreadable file). Most cases call validateMain directly; two run the real script.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateMain } from '../../src/cli/validate';
import { CliError } from '../../src/cli/loadScenario';

const ROOT = join(import.meta.dirname, '..', '..');
const FIX = join(ROOT, 'test', 'scenario', 'fixtures');
const BASE = join(FIX, 'base.yaml');
const SELF_DEP = join(FIX, 'scn031-self-dependency.yaml'); // one error at 37:5
const PARAM = join(FIX, 'scn050-unknown-mitigation-param.yaml'); // one warning at 58:17
const UNKNOWN_INJECT = join(FIX, 'scn023-unknown-inject.yaml'); // one error at 68:31 and one warning at 70:19

function run(args: string[]): { code: number; lines: string[] } {
  let text = '';
  const code = validateMain(args, (t) => (text += t));
  return { code, lines: text.split('\n').filter((l) => l !== '') };
}

describe('npm run validate', () => {
  it('prints nothing but the summary for clean files, and exits 0', () => {
    expect(run([BASE])).toEqual({ code: 0, lines: ['1 file: 1 ok, 0 with errors (0 errors, 0 warnings)'] });
  });

  it('prints each diagnostic as file:line:col  CODE  message and exits 1 on any error', () => {
    const { code, lines } = run([BASE, SELF_DEP, PARAM, UNKNOWN_INJECT]);
    expect(code).toBe(1);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(`${SELF_DEP}:37:5  SCN031  'wallet' cannot depend on itself`);
    expect(lines[1]).toContain(
      `${PARAM}:58:17  SCN050  warning: 'rate-limit' does not read a parameter 'legitPas'`,
    );
    expect(lines[2]).toContain(`${UNKNOWN_INJECT}:68:31  SCN023  unknown inject 'statment'`);
    expect(lines[3]).toContain(`${UNKNOWN_INJECT}:70:19  SCN044  warning: inject 'statement'`);
    // base and PARAM load (a warning alone is fine); SELF_DEP and UNKNOWN_INJECT do not.
    expect(lines[4]).toBe('4 files: 2 ok, 2 with errors (2 errors, 2 warnings)');
  });

  it('exits 0 when there are only warnings', () => {
    expect(run([PARAM])).toEqual({
      code: 0,
      lines: [
        expect.stringContaining(':58:17  SCN050  warning:'),
        '1 file: 1 ok, 0 with errors (0 errors, 1 warning)',
      ],
    });
  });

  it('--json prints {file, ok, diagnostics} per file and nothing else', () => {
    const { code, lines } = run(['--json', SELF_DEP, PARAM]);
    expect(code).toBe(1);
    const reports = JSON.parse(lines.join('\n')) as {
      file: string;
      ok: boolean;
      diagnostics: { code: string; line: number; column: number }[];
    }[];
    expect(
      reports.map((r) => [r.file, r.ok, r.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)]),
    ).toEqual([
      [SELF_DEP, false, ['SCN031@37:5']],
      [PARAM, true, ['SCN050@58:17']],
    ]);
  });

  it('refuses to run without a file, or with a file that does not exist', () => {
    expect(() => run([])).toThrow(CliError);
    expect(() => run([BASE, join(FIX, 'no-such-file.yaml')])).toThrow(/no such file: .*no-such-file\.yaml/);
    expect(() => run(['--frobnicate', BASE])).toThrow(CliError);
  });

  it('as a script: exit code 2 and one line on stderr for a missing file; 0 for the shipped scenarios', () => {
    const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const missing = spawnSync(process.execPath, [tsx, 'src/cli/validate.ts', 'nope.yaml'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toEqual(['error: no such file: nope.yaml']);
    expect(missing.stdout).toBe('');
    const shipped = spawnSync(
      process.execPath,
      [tsx, 'src/cli/validate.ts', 'scenarios/nairobi-ddos-2023.yaml'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(shipped.stderr).toBe('');
    expect(shipped.status).toBe(0);
    expect(shipped.stdout).toMatch(/^1 file: 1 ok, 0 with errors \(0 errors, \d+ warnings?\)\n$/);
  }, 30_000);
});
