/** Everything DOM around the map during a drill, mounted together and disposed together. */
import { t } from '../i18n';
import type { GameStore } from '../store';
import { mountDecisionPanel } from './decisionPanel';
import { mountFeed } from './feed';
import { mountHelp } from './help';
import { mountHud } from './hud';
import { installKeyboard } from './keyboard';
import { mountMapOverlay } from './mapOverlay';
import { mountPromptDialog } from './promptDialog';
import { mountTutorialCoach } from './tutorialCoach';
import { mountScoreWhy } from './scoreWhy';
import { mountServicePanel } from './servicePanel';
import { h } from './dom';
import './side-panel.css';
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
  // The regions' names are in index.html (English, before any script runs): say them in the chosen language.
  roots.hud.setAttribute('aria-label', t('hud:region'));
  roots.map.setAttribute('aria-label', t('map:region'));
  roots.side.setAttribute('aria-label', t('service:region'));
  roots.feed.setAttribute('aria-label', t('feed:region'));
  const serviceRoot = h('section', { class: 'panel', id: 'service-panel' });
  const decisionRoot = h('section', {
    class: 'panel',
    id: 'decision-panel',
    'aria-label': t('decisions:title'),
  });
  // One scroll area for the whole column (no scroll inside a scroll), and the dock below it for the current
  // tab's Order / Send controls (side-panel.css).
  const dock = h('div', { class: 'decision-dock', id: 'decision-dock' });
  roots.side.replaceChildren(h('div', { class: 'side-scroll' }, serviceRoot, decisionRoot), dock);

  const decisions = mountDecisionPanel(decisionRoot, game, dock);
  const service = mountServicePanel(serviceRoot, game, () => decisions.focusMitigations());
  const prompt = mountPromptDialog(roots.map, game);
  const feed = mountFeed(roots.feed, game, { focusDecision: () => prompt.focus() });
  const mapTable = mountMapTable(roots.map, game);
  const disposers = [
    mountHud(roots.hud, game, rateScale),
    mountMapOverlay(roots.map, game),
    mountScoreWhy(roots.map, game),
    mountHelp(roots.help, game),
    mountTutorialCoach(roots.map, game),
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
    () => prompt.dispose(),
  ];
  // The clock starts paused: put the focus somewhere useful (the pause/run button).
  document.getElementById('pause')?.focus();
  return () => {
    for (const dispose of disposers.reverse()) dispose();
    roots.side.replaceChildren();
  };
}
