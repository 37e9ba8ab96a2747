/**
 * The decision panel: a tab set (Mitigations | Messages | Workarounds). Each tab is its own module mounted into
 * its tabpanel; Messages and Workarounds are placeholders until the engine's people side lands in the UI.
 * Tabs follow the WAI-ARIA pattern: ←/→ move between tabs, Tab moves into the panel.
 */
import type { DecisionTab, GameStore } from '../store';
import { h, listen, setAttr, setHidden } from './dom';
import { mountMitigationsTab, type MitigationsTab } from './mitigationsTab';

const TABS: { id: DecisionTab; label: string }[] = [
  { id: 'mitigations', label: 'Mitigations' },
  { id: 'messages', label: 'Messages' },
  { id: 'workarounds', label: 'Workarounds' },
];

function placeholder(what: string, detail: string): HTMLElement {
  return h(
    'div',
    {},
    h('p', { text: `${what}: coming soon.` }),
    h('p', { class: 'muted small', text: detail }),
  );
}

export interface DecisionPanel {
  dispose(): void;
  focusMitigations(): void;
}

export function mountDecisionPanel(root: HTMLElement, game: GameStore): DecisionPanel {
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const tablist = h('div', { role: 'tablist', 'aria-label': 'Decisions' });
  const panels = new Map<DecisionTab, HTMLElement>();
  const tabs = TABS.map(({ id, label }) => {
    const tab = h('button', {
      type: 'button',
      role: 'tab',
      id: `tab-${id}`,
      'aria-controls': `tabpanel-${id}`,
      text: label,
    });
    listen(tab, signal, 'click', () => game.getState().setDecisionTab(id));
    listen(tab, signal, 'keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const i = TABS.findIndex((t) => t.id === id);
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
  // Placeholder panels have nothing to focus: the panel itself takes the focus after its tab (WAI-ARIA tabs).
  panels.get('messages')!.tabIndex = 0;
  panels.get('workarounds')!.tabIndex = 0;
  panels
    .get('messages')!
    .append(
      placeholder(
        'The message composer',
        'Compose statements to the public and partners — channel, languages, what you say about the cause, data and timing — and see their reach and cost before sending.',
      ),
    );
  panels
    .get('workarounds')!
    .append(
      placeholder(
        'Workarounds',
        'Announce or withdraw ways round the outage (USSD, ATMs, station counters…) and watch where the load moves.',
      ),
    );

  root.replaceChildren(h('h2', { class: 'visually-hidden', text: 'Decisions' }), tablist, ...panels.values());

  const unsubscribe = game.subscribe(
    (s) => s.decisionTab,
    (current) => {
      for (const { id, tab } of tabs) {
        setAttr(tab, 'aria-selected', id === current ? 'true' : 'false');
        setAttr(tab, 'tabindex', id === current ? '0' : '-1');
        setHidden(panels.get(id)!, id !== current);
      }
    },
    { fireImmediately: true },
  );

  return {
    dispose() {
      lifetime.abort();
      unsubscribe();
      mitigations.dispose();
      root.replaceChildren();
    },
    focusMitigations() {
      game.getState().setDecisionTab('mitigations');
      mitigations.focus();
    },
  };
}
