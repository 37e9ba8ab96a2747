/**
 * The studio's quick balance: the balance runner's do-nothing, expert and panic plays over 50 seeds, split
 * between workers (one per spare core, up to 4) so the page stays responsive, then put back together
 * (src/studio/quickBalance.ts) and drawn as histograms (balanceView.ts).
 */
import {
  combineBalance,
  QUICK_BALANCE_POLICIES,
  splitSeeds,
  type BalancePart,
} from '../../studio/quickBalance';
import { t } from '../../i18n';
import { h } from '../dom';
import { renderBalance } from './balanceView';
import { startWorker, type StudioWorker } from './studioWorker';

export const QUICK_BALANCE_SEEDS = 50;

export interface BalancePanel {
  element: HTMLElement;
  /** Stop the workers (the studio closes). */
  dispose(): void;
}

export function createBalancePanel(host: { text(): string; fileName(): string }): BalancePanel {
  const balanceButton = h('button', {
    type: 'button',
    id: 'studio-balance-run',
    text: t('studio:balance.run', { count: QUICK_BALANCE_SEEDS }),
  });
  const balanceProgress = h('progress', { id: 'studio-balance-progress', max: 1, value: 0, hidden: true });
  const balanceOut = h('div', { id: 'studio-balance-out', 'aria-live': 'polite' });

  const element = h(
    'section',
    { id: 'studio-balance', 'aria-labelledby': 'studio-balance-title' },
    h('h2', { id: 'studio-balance-title', text: t('studio:balance.title') }),
    h('p', {
      class: 'small muted',
      text: t('studio:balance.intro'),
    }),
    balanceButton,
    balanceProgress,
    balanceOut,
  );

  let latestBalance = 0;
  let balanceWorkers: StudioWorker[] = [];
  const stopBalance = () => {
    for (const w of balanceWorkers) w.stop();
    balanceWorkers = [];
  };
  const finishBalance = (content: HTMLElement) => {
    stopBalance();
    balanceProgress.hidden = true;
    balanceButton.disabled = false;
    balanceOut.replaceChildren(content);
  };
  balanceButton.addEventListener('click', () => {
    stopBalance();
    const id = ++latestBalance;
    const cores = Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));
    const slices = splitSeeds(QUICK_BALANCE_SEEDS, cores);
    const parts: (BalancePart | null)[] = slices.map(() => null);
    const done = slices.map(() => 0);
    const total = QUICK_BALANCE_SEEDS * QUICK_BALANCE_POLICIES.length;
    const text = host.text();
    balanceButton.disabled = true;
    balanceProgress.hidden = false;
    balanceProgress.max = total;
    balanceProgress.value = 0;
    balanceOut.replaceChildren(
      h('p', {
        class: 'small muted',
        text: t('studio:balance.playing', { count: slices.length }),
      }),
    );
    balanceWorkers = slices.map((seeds, k) => {
      const worker = startWorker((reply) => {
        if (reply.id !== id || id !== latestBalance) return;
        if (reply.type === 'progress') {
          done[k] = reply.done;
          balanceProgress.value = done.reduce((a, b) => a + b, 0);
        } else if (reply.type === 'balanced') {
          parts[k] = reply.part;
          if (parts.every((p) => p !== null))
            finishBalance(renderBalance(combineBalance(parts as BalancePart[])));
        } else if (reply.type === 'error') {
          finishBalance(
            h('p', {
              class: 'small',
              role: 'alert',
              text: t('studio:balance.failed', { reason: reply.message }),
            }),
          );
        }
      });
      return worker;
    });
    // Posted after every worker exists: the in-page fallback answers synchronously.
    slices.forEach((seeds, k) =>
      balanceWorkers[k]?.post({ type: 'balance', id, text, fileName: host.fileName(), seeds }),
    );
  });

  return { element, dispose: stopBalance };
}
