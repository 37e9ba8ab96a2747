/** The "new version" notice (see serviceWorker.ts), loaded only when a new version is waiting. */
import { t } from '../../i18n';
import { h, listen } from '../dom';
import './pwa.css';

/** A small notice in a corner (it never covers the map's centre or the decision buttons for long). */
export function showUpdateNotice(reload: () => void): void {
  if (document.getElementById('update-notice')) return;
  const lifetime = new AbortController();
  const now = h('button', {
    type: 'button',
    class: 'primary',
    id: 'update-reload',
    text: t('update:reload'),
  });
  const later = h('button', { type: 'button', id: 'update-later', text: t('update:later') });
  const notice = h(
    'div',
    { class: 'update-notice', id: 'update-notice', role: 'status' },
    h('p', {
      text: t('update:ready'),
    }),
    h('div', { class: 'update-actions' }, now, later),
  );
  listen(now, lifetime.signal, 'click', () => {
    now.disabled = true;
    reload();
  });
  listen(later, lifetime.signal, 'click', () => {
    lifetime.abort();
    notice.remove();
  });
  document.body.append(notice);
}
