/**
 * Plain-text formatting of simulated time, money and shares for the HUD, panels and debrief.
 * Pure functions (no clock is read: the wall-clock label is the scenario's start label plus ticks).
 */
import { DEFAULT_CURRENCY, currencyOf, withCurrency, type Currency, type Scenario } from '../engine';
import { currentLanguage, currentLocale, t } from '../i18n';

/*
 * Every label follows the interface language (src/i18n): English keeps the exact forms the game was written
 * with ("Thu 27 Jul 08:45:10", "1h 05m", "KES 12.0m"); Kiswahili puts the unit word before the number, as
 * Kenyan papers write it ("saa 1 dk 05", "KES milioni 12.0"), and takes day and month names from Intl.
 */

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "T+1:45:10": simulated time since the drill started. */
export function elapsedLabel(tick: number): string {
  const t = Math.max(0, Math.floor(tick));
  return `T+${Math.floor(t / 3600)}:${pad2(Math.floor(t / 60) % 60)}:${pad2(t % 60)}`;
}

/**
 * "Thu 27 Jul 08:45:10": the scenario's start label ("2023-07-27T07:00") plus `tick` seconds.
 * Date.UTC is used as a calendar (day and month roll-over), never as a clock. Falls back to the elapsed
 * label when the start label is not a date.
 */
export function wallClockLabel(startLabel: string, tick: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(startLabel);
  if (!m) return elapsedLabel(tick);
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0)) + Math.floor(tick) * 1000;
  const d = new Date(ms);
  const day = new Intl.DateTimeFormat(currentLocale(), { weekday: 'short', timeZone: 'UTC' }).format(d);
  const month = new Intl.DateTimeFormat(currentLocale(), { month: 'short', timeZone: 'UTC' }).format(d);
  const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  return t('format:wallClock', { day, date: d.getUTCDate(), month, time });
}

/** "45s", "8m 20s", "1h 05m" — a span of ticks (seconds). */
export function durationLabel(ticks: number): string {
  const n = Math.max(0, Math.round(ticks));
  if (n < 60) return t('format:seconds', { s: n });
  if (n < 3600) {
    const s = n % 60;
    const m = Math.floor(n / 60);
    return s === 0 ? t('format:minutes', { m }) : t('format:minutesSeconds', { m, s: pad2(s) });
  }
  const minutes = Math.floor(n / 60) % 60;
  const h = Math.floor(n / 3600);
  return minutes === 0 ? t('format:hours', { h }) : t('format:hoursMinutes', { h, m: pad2(minutes) });
}

/** "0:45", "12:05": the time left before something lands, as on a countdown (minutes:seconds). */
export function countdownLabel(ticks: number): string {
  const t = Math.max(0, Math.ceil(ticks));
  return `${Math.floor(t / 60)}:${pad2(t % 60)}`;
}

/**
 * "KES 12.0m", "KES 1.60bn", "KES 150k", "KES 900"; in the scenario's currency when given ("$12.0m").
 * The name stays from the days of one currency: every money label goes through here.
 */
export function kesLabel(amount: number, currency: Currency = DEFAULT_CURRENCY): string {
  const a = Math.abs(amount);
  const sign = amount < 0 ? '−' : '';
  if (a >= 1e9) return withCurrency(t('format:billions', { n: `${sign}${(a / 1e9).toFixed(2)}` }), currency);
  if (a >= 1e6) return withCurrency(t('format:millions', { n: `${sign}${(a / 1e6).toFixed(1)}` }), currency);
  if (a >= 1e3) return withCurrency(t('format:thousands', { n: `${sign}${Math.round(a / 1e3)}` }), currency);
  return withCurrency(`${sign}${Math.round(a)}`, currency);
}

/** A money label in the scenario's own currency. */
export function moneyLabel(amount: number, scenario: Pick<Scenario, 'currency'>): string {
  return kesLabel(amount, currencyOf(scenario));
}

/** No-break space: "73 %" never wraps between the number and its unit. */
export const NBSP = '\u00a0';

/** 0.734 → "73 %" (with a no-break space). */
export function percentLabel(share: number, digits = 0): string {
  return `${(share * 100).toFixed(digits)}${NBSP}%`;
}

/** 12345.6 → "12,346". */
export function countLabel(n: number): string {
  return Math.round(n).toLocaleString(currentLanguage() === 'en' ? 'en-GB' : currentLocale());
}

/** Requests per second, short: "1.2k rps". */
export function rpsLabel(rps: number): string {
  if (rps >= 10_000) return `${Math.round(rps / 1000)}k rps`;
  if (rps >= 1000) return `${(rps / 1000).toFixed(1)}k rps`;
  return `${Math.round(rps)} rps`;
}

/** Latency: "250 ms", "12.5 s". */
export function latencyLabel(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
