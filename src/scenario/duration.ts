/** Durations as authors write them: "90s", "15m", "4h", "1h30m", or a plain number of seconds. */

/** "90s", "15m", "4h", "1h30m" or a number of seconds; at least one part (an empty string is not a duration). */
export const DURATION_PATTERN = /^(?=\d)(\d+(\.\d+)?h)?(\d+(\.\d+)?m)?(\d+(\.\d+)?s)?$/;

/** Seconds; the text must already match DURATION_PATTERN (the schema checks it). NaN for anything else. */
export function parseDuration(value: number | string): number {
  if (typeof value === 'number') return value;
  const m = DURATION_PATTERN.exec(value.trim());
  if (!m || value.trim() === '') return Number.NaN;
  const h = m[1] ? parseFloat(m[1]) : 0;
  const min = m[3] ? parseFloat(m[3]) : 0;
  const s = m[5] ? parseFloat(m[5]) : 0;
  return h * 3600 + min * 60 + s;
}

/** For the command line: "4h", "90m", "3600" (seconds). */
export function parseDurationArg(value: string): number | undefined {
  const seconds = parseDuration(/^\d+(\.\d+)?$/.test(value) ? Number(value) : value);
  return Number.isFinite(seconds) ? seconds : undefined;
}
