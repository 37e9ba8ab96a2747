/**
 * A refusal of untrusted input (src/run/refusals.ts) in the interface language: the code's text from the
 * `refusals` namespace, numbers formatted by locale, and what was refused (link, save, file) named in the
 * language. Without a code (a refusal made before codes, or by the page itself) the English text is shown.
 */
import { t } from '../i18n';
import { FIT_PARTS, REFUSAL_SUBJECTS, type Refusal } from '../run/refusals';
import { countLabel } from '../store/format';

const SUBJECT_KEYS = {
  link: 'link',
  save: 'save',
  file: 'file',
  'command log': 'commandLog',
} as const satisfies Record<(typeof REFUSAL_SUBJECTS)[number], string>;

const PART_KEYS = {
  services: 'services',
  'customer segments': 'customerSegments',
  attacks: 'attacks',
  injects: 'injects',
  stakeholders: 'stakeholders',
  rumours: 'rumours',
  workarounds: 'workarounds',
} as const satisfies Record<(typeof FIT_PARTS)[number], string>;

/** A part of a scenario a save counts (fit.ts), named in the language. */
function part(value: string | number): string {
  const known = FIT_PARTS.find((p) => p === value);
  return known ? t(`refusals:part.${PART_KEYS[known]}`) : String(value);
}

function subject(what: string | number): string {
  const known = REFUSAL_SUBJECTS.find((s) => s === what);
  return known ? t(`refusals:subject.${SUBJECT_KEYS[known]}`) : String(what);
}

export function refusalText(failure: { error: string; refusal?: Refusal }): string {
  const r = failure.refusal;
  if (!r) return failure.error;
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(r.params))
    params[name] =
      name === 'what'
        ? subject(value)
        : name === 'part'
          ? part(value)
          : typeof value === 'number'
            ? countLabel(value)
            : value;
  // The values are only known at run time (each code has its own), so the typed keys cannot check them here;
  // test/i18n/refusals.test.ts checks every code's placeholders against src/run's English.
  const translate = t as unknown as (key: string, values: Record<string, string>) => string;
  return translate(`refusals:${r.code}`, params);
}
