/**
 * Run files: the JSON the debrief exports ("the full record": the run record with its minute checkpoints,
 * the roles, the report and the chart series), read back by "Open a run file" in the menu. A bare run record
 * (kind 'cascade-run', as src/run makes it) is accepted too. Untrusted input (src/run/untrusted.ts): its size
 * and nesting are checked before it is parsed, its commands are bounded, and it is validated; never thrown on.
 */
import type { LoggedCommand } from '../../engine';
import { t } from '../../i18n';
import { countLabel } from '../../store/format';
import { refusalText } from '../refusalText';
import type { RunRecord } from '../../run/record';
import type { ReportModel } from '../../run/report';
import type { Series } from '../../run/series';
import { commandTick, loggedCommand, parseLimited } from '../../run/untrusted';
import { z } from '../../run/zod';

export const EXPORT_KIND = 'cascade-run-export';
export const EXPORT_VERSION = 1;
/** A run file larger than this is refused before parsing (a four-hour drill's export is well under 2 MB). */
export const MAX_RUN_FILE_CHARS = 8_000_000;

export interface RunExport {
  kind: typeof EXPORT_KIND;
  exportVersion: number;
  /** The record: enough to replay the run exactly (scenario identity, seed, command log) and check it. */
  record: RunRecord;
  /** Index in record.commands → the role that issued it. */
  roles: Record<number, string>;
  report: ReportModel;
  series: Series;
}

/** A string of at most `max` characters. */
const upTo = (max: number) => z.string().check(z.maxLength(max));

const record = z.object({
  kind: z.literal('cascade-run'),
  engineVersion: upTo(40),
  scenarioId: z.string().check(z.minLength(1), z.maxLength(60)),
  scenarioHash: upTo(40),
  seed: z.string().check(z.minLength(1), z.maxLength(40)),
  commands: z.array(loggedCommand).check(z.maxLength(100_000)),
  checkpoints: z.array(upTo(40)).check(z.maxLength(100_000)),
  finalTick: commandTick,
  finalHash: upTo(40),
  finalScore: z.number(),
});

const roles = z.record(z.string().check(z.regex(/^\d{1,6}$/)), upTo(40));

const wrapped = z.object({
  kind: z.literal(EXPORT_KIND),
  exportVersion: z.number().check(z.int(), z.minimum(1)),
  record,
  roles: z.optional(roles),
});

export type ReadRun =
  { ok: true; record: RunRecord; roles: Record<number, string> } | { ok: false; error: string };

export function readRunFile(text: string): ReadRun {
  if (text.length > MAX_RUN_FILE_CHARS)
    return {
      ok: false,
      error: t('refusals:runFile.tooLarge', {
        length: countLabel(text.length),
        max: countLabel(MAX_RUN_FILE_CHARS),
      }),
    };
  const parsed = parseLimited(text, 'file', { maxChars: MAX_RUN_FILE_CHARS });
  if (!parsed.ok) return { ok: false, error: refusalText(parsed) };
  const value = parsed.value;
  if (typeof value !== 'object' || value === null) return { ok: false, error: t('refusals:runFile.notARun') };
  const kind = (value as { kind?: unknown }).kind;
  if (kind === EXPORT_KIND) {
    const version = (value as { exportVersion?: unknown }).exportVersion;
    if (typeof version === 'number' && version > EXPORT_VERSION)
      return { ok: false, error: t('refusals:runFile.newer', { version }) };
    const checked = wrapped.safeParse(value);
    if (!checked.success) return { ok: false, error: issueText(checked.error) };
    const r = checked.data;
    const byIndex: Record<number, string> = {};
    for (const [k, v] of Object.entries(r.roles ?? {})) byIndex[Number(k)] = v;
    return { ok: true, record: asRecord(r.record), roles: byIndex };
  }
  if (kind === 'cascade-run') {
    const checked = record.safeParse(value);
    if (!checked.success) return { ok: false, error: issueText(checked.error) };
    return { ok: true, record: asRecord(checked.data), roles: {} };
  }
  return { ok: false, error: t('refusals:runFile.noKind') };
}

function issueText(error: z.core.$ZodError): string {
  const issue = error.issues[0]!;
  return t('refusals:runFile.damaged', {
    where: issue.path.join('.') || t('refusals:runFile.topLevel'),
    issue: issue.message,
  });
}

function asRecord(r: z.output<typeof record>): RunRecord {
  return { ...r, commands: r.commands as unknown as LoggedCommand[] };
}

export function makeExport(args: Omit<RunExport, 'kind' | 'exportVersion'>): RunExport {
  return { kind: EXPORT_KIND, exportVersion: EXPORT_VERSION, ...args };
}
