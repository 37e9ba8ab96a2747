/**
 * A command's refusal (the engine's `apply` → `{ ok: false, code, message, params }`) in the interface
 * language. The engine has no interface language and writes its refusals in English; in English the page shows
 * that message unchanged. In another language it words the code from the `engine` namespace: with the values the
 * refusal carries (`refusalWith`), or, where it carries none, the code's general sentence (`refusal`).
 */
import type { RejectionCode, RejectionParams } from '../engine';
import { currentLanguage, t } from '../i18n';
import { en } from '../i18n/locales/en';
import { countLabel } from '../store/format';

type RejectionKey = keyof typeof en.engine.refusal;

/** `cmd/not-down` → `not-down`: the code's key in the `engine` namespace. */
export function rejectionKey(code: RejectionCode): RejectionKey {
  return code.slice('cmd/'.length) as RejectionKey;
}

export function rejectionText(result: {
  code: RejectionCode;
  message: string;
  params?: RejectionParams;
}): string {
  if (currentLanguage() === 'en') return result.message;
  const key = rejectionKey(result.code);
  if (result.params && key in en.engine.refusalWith) {
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(result.params))
      values[name] = typeof value === 'number' ? countLabel(value) : value;
    // The values differ per code and are known at run time only, so the typed keys cannot check them here;
    // test/i18n/engine-refusals.test.ts checks each code's placeholders against what the engine gives.
    const translate = t as unknown as (key: string, values: Record<string, string>) => string;
    return translate(`engine:refusalWith.${key}`, values);
  }
  return t(`engine:refusal.${key}`);
}
