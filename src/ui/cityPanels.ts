/** Everything DOM around the map during a drill, mounted together and disposed together. */
import type { GameStore } from '../store';
import { mountDecisionPanel } from './decisionPanel';
import { mountFeed } from './feed';
import { mountHelp } from './help';
import { mountHud } from './hud';
import { installKeyboard } from './keyboard';
import { mountMapOverlay } from './mapOverlay';
import { mountScoreWhy } from './scoreWhy';
import { mountServicePanel } from './servicePanel';
import { h } from './dom';
import { mountMapTable } from './a11y/mapTable';
import { mountPromptAnnouncer } from './a11y/promptAnnouncer';

export interface CityRoots {
  hud: HTMLElement;
  map: HTMLElement;
  side: HTMLElement;
  feed: HTMLElement;
  help: HTMLElement;
}

export function mountCityPanels(roots: CityRoots, game: GameStore, rateScale: number): () => void {
  const serviceRoot = h('section', { class: 'panel', id: 'service-panel' });
  const decisionRoot = h('section', { class: 'panel', id: 'decision-panel', 'aria-label': 'Decisions' });
  roots.side.replaceChildren(serviceRoot, decisionRoot);

  const decisions = mountDecisionPanel(decisionRoot, game);
  const service = mountServicePanel(serviceRoot, game, () => decisions.focusMitigations());
  const feed = mountFeed(roots.feed, game);
  const mapTable = mountMapTable(roots.map, game);
  const disposers = [
    mountHud(roots.hud, game, rateScale),
    mountMapOverlay(roots.map, game),
    mountScoreWhy(roots.map, game),
    mountHelp(roots.help, game),
    mountPromptAnnouncer(roots.feed, game),
    installKeyboard(game, {
      focusService: () => service.focus(),
      focusMitigations: () => decisions.focusMitigations(),
      focusMessages: () => decisions.focusMessages(),
      focusWorkarounds: () => decisions.focusWorkarounds(),
      focusFeed: () => feed.focus(),
      toggleMapTable: () => mapTable.toggle(),
    }),
    () => mapTable.dispose(),
    () => service.dispose(),
    () => decisions.dispose(),
    () => feed.dispose(),
  ];
  // The clock starts paused: put the focus somewhere useful (the pause/run button).
  document.getElementById('pause')?.focus();
  return () => {
    for (const dispose of disposers.reverse()) dispose();
    roots.side.replaceChildren();
  };
}
