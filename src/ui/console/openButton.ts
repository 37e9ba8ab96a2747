/**
 * "Facilitator console" on the City screen: opens the console in its own window (drag it to the laptop's screen
 * while the game stays on the projector). Reopening focuses the same window instead of opening another.
 */
import { t } from '../../i18n';
import { h, listen } from '../dom';
import { consoleUrl } from './protocol';
import './openButton.css';

/** The window name: the console is one window per browser, whatever opens it. */
const WINDOW_NAME = 'cascade-facilitator';

export function consoleButton(signal: AbortSignal): HTMLButtonElement {
  const button = h('button', {
    type: 'button',
    id: 'open-console',
    class: 'small',
    title: t('hud:consoleOpenTitle'),
    text: t('hud:consoleOpen'),
  });
  listen(button, signal, 'click', () => {
    window.open(consoleUrl(window.location), WINDOW_NAME, 'popup,width=1280,height=720')?.focus();
  });
  return button;
}
