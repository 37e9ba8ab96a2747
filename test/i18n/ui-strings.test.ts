/**
 * "A test fails on any UI string missing from a language" (issue #14): interface text must come from the
 * language files through t(), not from the code. See ./uiStrings.ts for what counts as interface text.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInSource, findUiStrings } from './uiStrings';
import { NOT_YET_TRANSLATED } from './notYetTranslated';

const ROOT = join(__dirname, '../..');

describe('interface text goes through the language files', () => {
  const findings = findUiStrings(ROOT);

  it('no hard-coded text in the translated files', () => {
    const offending = findings
      .filter((f) => !NOT_YET_TRANSLATED.includes(f.file))
      .map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`);
    expect(offending).toEqual([]);
  });

  it('every file still on the to-do list still has hard-coded text (take clean ones off)', () => {
    const dirty = new Set(findings.map((f) => f.file));
    expect(NOT_YET_TRANSLATED.filter((file) => !dirty.has(file))).toEqual([]);
  });

  it('the scanner sees text in every place interface text is set', () => {
    const source = [
      "h('p', { text: 'Hello there' });",
      "h('p', {}, 'Loose child');",
      "h('button', { 'aria-label': 'Close panel' });",
      'setText(el, `Score ${n} points`);',
      "setAttr(el, 'title', 'A tooltip');",
      "el.textContent = 'Assigned';",
      "this.add.text(1, 2, 'On the map', style);",
      "label.setText(ready ? 'Ready' : 'Waiting');",
    ].join('\n');
    expect(findInSource('x.ts', source).map((f) => f.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('ids, classes, symbols, t() calls and marked names are not text', () => {
    const source = [
      "h('p', { id: 'seed-input', class: 'muted small', text: t('menu:seed') });",
      "h('span', { text: '×' }, '↓ 3', `${count}`);",
      "setAttr(el, 'data-kind', 'warning');",
      "h('h1', { text: 'Cascade' }); // i18n-ignore: the game's name",
    ].join('\n');
    expect(findInSource('x.ts', source)).toEqual([]);
  });
});
