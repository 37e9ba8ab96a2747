/**
 * The interface's language: one i18next instance for the whole page (and one per worker that formats text).
 *
 * English is bundled and is every text's fallback; Kiswahili is loaded when chosen (`loadLanguage`). The
 * choice is made on the menu, remembered by the page (src/ui/language.ts), and applied by reloading the page,
 * so every screen is built once in one language and no panel has to re-render its labels.
 *
 * Pure: no DOM, no storage. Formatting by locale is in ./format.ts.
 */
import i18next, { type TFunction } from 'i18next';
import { en, LATER, type EnglishTexts, type LaterNamespace } from './locales/en';
import { DEFAULT_UI_LANGUAGE, isUiLanguage, LOCALES, type UiLanguage } from './languages';

export * from './languages';

const instance = i18next.createInstance();
const missing = new Set<string>();
const listeners = new Set<(language: UiLanguage) => void>();

void instance.init({
  lng: DEFAULT_UI_LANGUAGE,
  fallbackLng: DEFAULT_UI_LANGUAGE,
  resources: { en },
  ns: [...Object.keys(en), ...Object.keys(LATER)],
  defaultNS: 'common',
  // Sync init: resources are given, and the first screen is built right after this module loads.
  initAsync: false,
  // Texts are set with textContent (src/ui/dom.ts), never as HTML: escaping would show "&amp;" to the room.
  interpolation: { escapeValue: false },
  // A key missing in every language is recorded (the browser tests read it through the test hook) and shown
  // as its key, which a reviewer notices.
  saveMissing: true,
  missingKeyHandler: (_languages, namespace, key) => {
    missing.add(`${namespace}:${key}`);
  },
  returnNull: false,
});

/**
 * Loads the English texts of screens that load later (the debrief, a file's diagnostics) before showing them;
 * Kiswahili comes whole with loadLanguage. Cheap to call again: each loads once.
 */
export async function loadTexts(namespaces: readonly LaterNamespace[]): Promise<void> {
  await Promise.all(
    namespaces.map(async (namespace) => {
      if (instance.hasResourceBundle('en', namespace)) return;
      instance.addResourceBundle('en', namespace, await LATER[namespace](), true, true);
    }),
  );
}

/** Translate: `t('menu:start')`, `t('hud:speed', { speed: 4 })`, plurals with `{ count }`. */
type AllNamespaces = (keyof EnglishTexts)[];
export const t: TFunction<AllNamespaces> = instance.t.bind(instance) as TFunction<AllNamespaces>;

let loaders: Record<Exclude<UiLanguage, 'en'>, () => Promise<Record<string, unknown>>> = {
  sw: () => import('./locales/sw').then((m) => m.sw),
};

/** Test seam: load a language's texts from somewhere else (the parity test gives them directly). */
export function setLanguageLoader(
  language: Exclude<UiLanguage, 'en'>,
  load: () => Promise<Record<string, unknown>>,
): void {
  loaders = { ...loaders, [language]: load };
}

/** Load a language's texts (once) and make it the current one. Unknown values fall back to English. */
export async function loadLanguage(language: unknown): Promise<UiLanguage> {
  const chosen: UiLanguage = isUiLanguage(language) ? language : DEFAULT_UI_LANGUAGE;
  if (chosen !== 'en' && !instance.hasResourceBundle(chosen, 'common')) {
    const bundles = await loaders[chosen]();
    for (const [namespace, texts] of Object.entries(bundles)) {
      instance.addResourceBundle(chosen, namespace, texts, true, true);
    }
  }
  await instance.changeLanguage(chosen);
  for (const listener of listeners) listener(chosen);
  return chosen;
}

export function currentLanguage(): UiLanguage {
  const language = instance.language;
  return isUiLanguage(language) ? language : DEFAULT_UI_LANGUAGE;
}

/** The current language's locale for Intl ("en-GB", "sw-KE"). */
export function currentLocale(): string {
  return LOCALES[currentLanguage()];
}

export function onLanguageChange(listener: (language: UiLanguage) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Keys asked for that no language has ("namespace:key"), for the browser tests. */
export function missingKeys(): string[] {
  return [...missing].sort();
}
