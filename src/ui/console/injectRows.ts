/**
 * One row of the console's script per inject: its status, trigger and words, Fire now / Hold or Release / Skip,
 * and an editor for each text it will post (Edit text → Save text; Ctrl+Enter saves, Escape cancels). Rows are
 * created once per inject and updated in place (src/ui/dom.ts `keyed`), so focus and a half-typed edit survive
 * the views arriving from the game.
 */
import type { Command } from '../../engine';
import { t } from '../../i18n';
import type { InjectView, TextEffectView } from '../../store/facilitatorView';
import { h, keyed, listen, setAttr, setHidden, setText } from '../dom';
import { doesText, triggerText } from './consoleWords';

type Send = (cmd: Command, doing: string) => void;

export function injectRows(
  signal: AbortSignal,
  send: Send,
): { create: (v: InjectView) => HTMLElement; update: (el: HTMLElement, v: InjectView) => void } {
  const createInject = (v: InjectView) => {
    const name = h('strong', { class: 'inject-name' });
    const trigger = h('span', { class: 'inject-trigger' });
    const badge = h('span', { class: 'inject-status' });
    const does = h('span', { class: 'inject-does muted' });
    const fire = h('button', {
      type: 'button',
      class: 'primary',
      'data-action': 'fire',
      text: t('console:fireNow'),
    });
    const hold = h('button', { type: 'button', 'data-action': 'hold' });
    const skip = h('button', { type: 'button', 'data-action': 'skip', text: t('console:skip') });
    const texts = h('div', { class: 'inject-texts' });
    const actions = h(
      'div',
      { class: 'inject-actions', role: 'group', 'aria-label': t('console:injectGroup', { id: v.id }) },
      fire,
      hold,
      skip,
    );
    const row = h(
      'li',
      { class: 'console-inject', 'data-inject': v.id },
      h('div', { class: 'inject-line' }, badge, name, trigger, does, actions),
      texts,
    );
    listen(fire, signal, 'click', () =>
      send({ type: 'fire-inject', inject: v.id }, t('console:doing.fire', { id: v.id })),
    );
    listen(hold, signal, 'click', () => {
      const held = row.dataset.status === 'held' || row.dataset.status === 'due-while-held';
      send(
        { type: held ? 'release-inject' : 'hold-inject', inject: v.id },
        t(held ? 'console:doing.release' : 'console:doing.hold', { id: v.id }),
      );
    });
    listen(skip, signal, 'click', () =>
      send({ type: 'skip-inject', inject: v.id }, t('console:doing.skip', { id: v.id })),
    );
    return Object.assign(row, { _parts: { name, trigger, badge, does, fire, hold, skip, texts } });
  };

  const createText = (injectId: string, text: TextEffectView) => {
    const label = h('span', { class: 'text-from' });
    const said = h('q', { class: 'text-said' });
    const edit = h('button', {
      type: 'button',
      class: 'small',
      'data-action': 'edit',
      text: t('console:editText'),
    });
    const fieldId = `edit-${injectId}-${text.effect}`;
    const field = h('textarea', {
      id: fieldId,
      rows: 2,
      maxlength: 500,
      'aria-label': t('console:newText', { id: injectId }),
    });
    const save = h('button', {
      type: 'button',
      class: 'primary small',
      'data-action': 'save',
      text: t('console:saveText'),
    });
    const cancel = h('button', { type: 'button', class: 'small', text: t('console:cancel') });
    const editor = h('div', { class: 'text-editor', hidden: true }, field, h('div', {}, save, cancel));
    const box = h('div', { class: 'inject-text', 'data-effect': text.effect }, label, said, edit, editor);
    const close = () => {
      setHidden(editor, true);
      setHidden(edit, false);
      edit.focus();
    };
    listen(edit, signal, 'click', () => {
      field.value = said.textContent ?? '';
      setHidden(editor, false);
      setHidden(edit, true);
      field.focus();
    });
    listen(save, signal, 'click', () => {
      send(
        { type: 'edit-inject', inject: injectId, effect: text.effect, text: field.value },
        t('console:doing.reword', { id: injectId }),
      );
      close();
    });
    listen(cancel, signal, 'click', close);
    listen(field, signal, 'keydown', (e) => {
      if (e.key === 'Escape') close();
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save.click();
    });
    return Object.assign(box, { _parts: { label, said, edit, editor } });
  };

  const updateInject = (el: HTMLElement, v: InjectView) => {
    const p = (el as ReturnType<typeof createInject>)._parts;
    el.dataset.status = v.status;
    setText(p.name, v.label);
    setAttr(p.name, 'title', v.name);
    setText(p.trigger, triggerText(v));
    const status = t(`console:status.${v.status}`);
    setText(
      p.badge,
      v.times > 1 ? t('console:statusTimes', { status, fired: v.fired, times: v.times }) : status,
    );
    const does = doesText(v);
    setText(p.does, does.length > 0 ? t('console:also', { list: does.join(', ') }) : '');
    const open = v.status !== 'fired' && v.status !== 'skipped';
    setHidden(p.fire, !open);
    setHidden(p.skip, !open);
    setHidden(p.hold, !open);
    const held = v.status === 'held' || v.status === 'due-while-held';
    setText(p.hold, held ? t('console:release') : t('console:hold'));
    setAttr(p.hold, 'aria-pressed', String(held));
    keyed(
      p.texts,
      v.texts,
      (x) => String(x.effect),
      (x) => createText(v.id, x),
      (box, x) => {
        const q = (box as ReturnType<typeof createText>)._parts;
        const key =
          x.kind === 'prompt'
            ? x.edited
              ? 'console:promptFromEdited'
              : 'console:promptFrom'
            : x.edited
              ? 'console:textFromEdited'
              : 'console:textFrom';
        setText(q.label, t(key, { from: x.from }));
        setText(q.said, x.text);
        setHidden(q.edit, !open || !q.editor.hidden);
        if (!open) setHidden(q.editor, true);
      },
    );
  };

  return { create: createInject, update: updateInject };
}
