/**
 * The decision panel: a tab set (Mitigations | Messages | Workarounds). Each tab is its own module mounted into
 * its tabpanel.
 * Tabs follow the WAI-ARIA pattern: ←/→ move between tabs, Tab moves into the panel.
 *
 * The current tab's commit controls (the Order button, the statement's preview and Send) live in `dock`, a strip
 * below the side column's one scroll area: always in sight at 720 px, and never covering a choice.
 */
import { t } from '../i18n';
import type { DecisionTab, GameStore } from '../store';
import { h, listen, setAttr, setHidden } from './dom';
import { mountMessagesTab } from './messagesTab';
import { mountMitigationsTab, type MitigationsTab } from './mitigationsTab';
import { mountWorkaroundsTab } from './workaroundsTab';

const TABS: { id: DecisionTab }[] = [{ id: 'mitigations' }, { id: 'messages' }, { id: 'workarounds' }];

export interface DecisionPanel {
  dispose(): void;
  focusMitigations(): void;
  /** Open the message composer and focus its first control (for a shortcut). */
  focusMessages(): void;
  /** Open the workarounds and focus the first one's controls (for a shortcut). */
  focusWorkarounds(): void;
}

export function mountDecisionPanel(root: HTMLElement, game: GameStore, dock: HTMLElement): DecisionPanel {
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const tablist = h('div', { role: 'tablist', 'aria-label': t('decisions:title') });
  const panels = new Map<DecisionTab, HTMLElement>();
  const tabs = TABS.map(({ id }) => {
    const tab = h('button', {
      type: 'button',
      role: 'tab',
      id: `tab-${id}`,
      'aria-controls': `tabpanel-${id}`,
      text: t(`decisions:tabs.${id}`),
    });
    listen(tab, signal, 'click', () => game.getState().setDecisionTab(id));
    listen(tab, signal, 'keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const i = TABS.findIndex((tab) => tab.id === id);
      const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
      game.getState().setDecisionTab(next.id);
      document.getElementById(`tab-${next.id}`)?.focus();
      e.preventDefault();
    });
    tablist.append(tab);
    const panel = h('div', { role: 'tabpanel', id: `tabpanel-${id}`, 'aria-labelledby': `tab-${id}` });
    panels.set(id, panel);
    return { id, tab };
  });

  const mitigations: MitigationsTab = mountMitigationsTab(panels.get('mitigations')!, game);
  const messages = mountMessagesTab(panels.get('messages')!, game);
  const workarounds = mountWorkaroundsTab(panels.get('workarounds')!, game);

  root.replaceChildren(
    h('h2', { class: 'visually-hidden', text: t('decisions:title') }),
    tablist,
    ...panels.values(),
  );
  const docked = new Map<DecisionTab, HTMLElement>([
    ['mitigations', mitigations.actions],
    ['messages', messages.actions],
  ]);
  dock.replaceChildren(...docked.values());
  // A replay makes the decision panel inert (ui/replay/cityStrip.ts); the dock is outside it, so follow suit.
  dock.inert = game.getState().replay !== null;

  const unsubscribe = game.subscribe(
    (s) => s.decisionTab,
    (current) => {
      for (const { id, tab } of tabs) {
        setAttr(tab, 'aria-selected', id === current ? 'true' : 'false');
        setAttr(tab, 'tabindex', id === current ? '0' : '-1');
        setHidden(panels.get(id)!, id !== current);
      }
      for (const [id, actions] of docked) setHidden(actions, id !== current);
      setHidden(dock, !docked.has(current));
    },
    { fireImmediately: true },
  );

  return {
    dispose() {
      lifetime.abort();
      unsubscribe();
      mitigations.dispose();
      messages.dispose();
      workarounds.dispose();
      root.replaceChildren();
      dock.replaceChildren();
    },
    focusMitigations() {
      game.getState().setDecisionTab('mitigations');
      mitigations.focus();
    },
    focusMessages() {
      game.getState().setDecisionTab('messages');
      messages.focus();
    },
    focusWorkarounds() {
      game.getState().setDecisionTab('workarounds');
      workarounds.focus();
    },
  };
}
