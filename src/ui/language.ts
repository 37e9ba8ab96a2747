/**
 * Which language the interface starts in, and the switch on the menu.
 *
 * The choice comes from the address (`?lang=sw`, for a link handed to a class), else what this browser chose
 * last time (localStorage), else the browser's own language when it is Kiswahili, else English. Switching
 * reloads the page into the menu with the same seed and scenario: every screen is then built once in the new
 * language (no label has to be re-rendered), and a drill in progress was already autosaved by then.
 */
import {
  currentLanguage,
  isUiLanguage,
  LANGUAGE_NAMES,
  LANGUAGE_SWITCH_LABEL,
  loadLanguage,
  t,
  UI_LANGUAGES,
  type UiLanguage,
} from '../i18n';
import { h } from './dom';

export const LANGUAGE_STORAGE_KEY = 'cascade.language';

export interface LanguageSources {
  search: string;
  stored: string | null;
  browser: readonly string[];
}

export function chooseLanguage({ search, stored, browser }: LanguageSources): UiLanguage {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (isUiLanguage(fromUrl)) return fromUrl;
  if (isUiLanguage(stored)) return stored;
  if (browser.some((tag) => tag.toLowerCase().split('-')[0] === 'sw')) return 'sw';
  return 'en';
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage blocked (private mode, policy): the choice just is not remembered
  }
}

/** Load the chosen language before the first screen is built, and tell the page (screen readers, hyphens). */
export async function startInChosenLanguage(): Promise<UiLanguage> {
  const chosen = chooseLanguage({
    search: window.location.search,
    stored: readStored(),
    browser: navigator.languages ?? [navigator.language],
  });
  let language: UiLanguage;
  try {
    language = await loadLanguage(chosen);
  } catch {
    language = await loadLanguage('en'); // the texts could not be loaded (offline, first visit): play in English
  }
  document.documentElement.lang = language;
  return language;
}

export interface SwitchContext {
  /** Where the menu stands, kept across the reload: the seed typed and the scenario picked. */
  keep: () => { seed: string; scenario: string | null };
}

/** The menu's language switch: a labelled select, each language named in itself. */
export function languageSwitch(context: SwitchContext): HTMLElement {
  const select = h('select', { id: 'language-select', 'aria-describedby': 'language-help' });
  for (const language of UI_LANGUAGES) {
    const option = h('option', { value: language, text: LANGUAGE_NAMES[language] });
    if (language === currentLanguage()) option.selected = true;
    select.append(option);
  }
  select.addEventListener('change', () => {
    const language = select.value;
    if (!isUiLanguage(language) || language === currentLanguage()) return;
    try {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Not remembered, but the address below still carries it for this visit.
    }
    const { seed, scenario } = context.keep();
    const params = new URLSearchParams(window.location.search);
    params.set('lang', language);
    params.set('seed', seed);
    if (scenario) params.set('scenario', scenario);
    else params.delete('scenario');
    window.location.search = params.toString();
  });
  return h(
    'div',
    { class: 'field language-field' },
    // Named in both languages on purpose: whoever cannot read the current one still finds the switch.
    h('label', { for: 'language-select', text: LANGUAGE_SWITCH_LABEL }),
    select,
    h('span', { id: 'language-help', class: 'small muted', text: t('common:languageHelp') }),
  );
}
