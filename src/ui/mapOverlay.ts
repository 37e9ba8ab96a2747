/**
 * DOM over the map canvas: a banner when the clock is stopped (paused, or waiting for a decision), and a legend
 * that spells out the map's visual vocabulary (shape + glyph + word for status; line styles for traffic).
 */
import { t } from '../i18n';
import type { GameStore } from '../store';
import { h, setAttr, setHidden, setText, statusIcon } from './dom';

export function mountMapOverlay(map: HTMLElement, game: GameStore): () => void {
  const banner = h('span', { class: 'map-banner', id: 'map-banner', 'aria-hidden': 'true' });
  const legend = h(
    'div',
    { class: 'legend', 'aria-label': t('map:legend') },
    ...(['healthy', 'degraded', 'down', 'recovering'] as const).map((s) =>
      h('span', {}, statusIcon(s), t(`map:status.${s}`)),
    ),
    h('span', {}, h('span', { class: 'flow-line' }), t('map:requests')),
    h('span', {}, h('span', { class: 'attack-line' }), t('map:attack')),
    h('span', { text: t('map:loadKey') }),
    // People, as the map draws them: the figure's arrangement (a huddle, a file, a file with an arrow) says
    // which, beside the word, so colour is never the only cue.
    ...(['crowd', 'queue', 'walkers'] as const).map((kind) =>
      h(
        'span',
        { 'data-people': kind },
        h(
          'span',
          { class: `people-icon people-${kind}`, 'aria-hidden': 'true' },
          kind === 'walkers' ? '→' : '',
        ),
        t(`city:legend.${kind}`),
      ),
    ),
  );
  // The legend is a strip above the canvas; why the clock is stopped floats over the canvas's top margin
  // (out of the layout's flow, so it never moves the map).
  map.prepend(legend);
  (map.querySelector('#map-canvas') ?? map).append(banner);
  const render = () => {
    const s = game.getState();
    const stopped = s.ended
      ? ''
      : s.waitingForAnswer
        ? t('map:banner.decision')
        : s.step
          ? t('map:banner.step')
          : s.paused
            ? s.sim.state.tick === 0
              ? t('map:banner.start')
              : t('map:banner.paused')
            : '';
    setHidden(banner, stopped === '');
    setText(banner, stopped);
    setAttr(banner, 'data-state', s.waitingForAnswer || s.step ? 'waiting' : 'paused');
  };
  render();
  const unsubscribe = game.subscribe(render);
  return () => {
    unsubscribe();
    legend.remove();
    banner.remove();
  };
}
