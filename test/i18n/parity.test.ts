/**
 * Every language has every text of the reference (English), with the same placeholders, and none is left
 * empty or copied over untranslated. Plural forms follow each language's rules (Intl.PluralRules): English and
 * Kiswahili both have "one" and "other".
 */
import { describe, expect, it } from 'vitest';
import { enAll as en } from '../../src/i18n/locales/en/all';
import { sw } from '../../src/i18n/locales/sw';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

/** Texts that may read the same in both languages: names, symbols, and pure placeholder patterns. */
const SAME_IN_BOTH = new Set(['format:wallClock']);

const languages = { sw } as Record<string, Record<string, Tree>>;
const reference = en as unknown as Record<string, Tree>;

describe.each(Object.keys(languages))('%s has every English text', (language) => {
  const bundle = languages[language]!;

  it('the same namespaces', () => {
    expect(Object.keys(bundle).sort()).toEqual(Object.keys(reference).sort());
  });

  for (const namespace of Object.keys(reference)) {
    describe(namespace, () => {
      const ref = flatten(reference[namespace]!);
      const tr = flatten(bundle[namespace] ?? {});

      it('the same keys', () => {
        expect([...tr.keys()].sort()).toEqual([...ref.keys()].sort());
      });

      it('the same placeholders in each text', () => {
        const wrong = [...ref]
          .filter(
            ([key, text]) => tr.has(key) && placeholders(text).join() !== placeholders(tr.get(key)!).join(),
          )
          .map(([key]) => key);
        expect(wrong).toEqual([]);
      });

      it('no empty text, and nothing left in English', () => {
        const suspicious = [...ref]
          .filter(([key, text]) => {
            const translated = tr.get(key);
            if (translated === undefined) return false;
            if (translated.trim() === '') return true;
            const words = text.replace(/\{\{[^}]*\}\}/g, '').match(/\p{L}{3,}/gu) ?? [];
            return translated === text && words.length >= 2 && !SAME_IN_BOTH.has(`${namespace}:${key}`);
          })
          .map(([key]) => key);
        expect(suspicious).toEqual([]);
      });
    });
  }
});

describe('the parity check itself', () => {
  it('flattens nested texts and reads placeholders', () => {
    expect([...flatten({ a: 'x', b: { c: 'y {{n}}' } }).keys()]).toEqual(['a', 'b.c']);
    expect(placeholders('{{b}} and {{ a }}')).toEqual(['a', 'b']);
  });
});
