/**
 * The charts of the report, kept right for where they are shown: fitted to their column on screen (and again
 * when the window is resized), redrawn dark-on-white at a fixed size for a third of an A4 page's width when the page is
 * printed ("Print / Save as PDF"), and back after printing.
 */
import { t } from '../../i18n';
import type { Scenario } from '../../engine';
import type { Series } from '../../run';
import { h } from '../dom';
import { chartSpecs } from './chartSpecs';
import { mountCharts, type ChartTheme, type MountedCharts } from './charts';

/** A third of A4's printable width (210 mm − 2 × 9 mm margins, less two 3 mm gaps ≈ 62 mm) at 96 CSS px per inch. */
export const PRINT_CHART_WIDTH = 232;

export function mountChartsSection(
  scenario: Scenario,
  series: Series,
): { element: HTMLElement; dispose(): void } {
  const grid = h('div', { class: 'charts', id: 'charts' });
  const element = h(
    'section',
    { class: 'report-charts', 'aria-labelledby': 'charts-title' },
    h('h2', { id: 'charts-title', text: t('debrief:chartsTitle') }),
    grid,
  );
  // Copies: the series of a drill still in memory must not change under the charts.
  const specs = chartSpecs(scenario, structuredClone(series));
  const minutes = [...series.minutes];
  let theme: ChartTheme | null = null;
  let charts: MountedCharts | null = null;
  const draw = (next: ChartTheme) => {
    if (next === theme && charts) return;
    charts?.destroy();
    theme = next;
    charts =
      next === 'print'
        ? mountCharts(grid, specs, minutes, 'print', () => PRINT_CHART_WIDTH)
        : mountCharts(grid, specs, minutes, 'screen');
  };

  const print = window.matchMedia('print');
  const onMedia = () => draw(print.matches ? 'print' : 'screen');
  const beforePrint = () => draw('print');
  const afterPrint = () => draw('screen');
  print.addEventListener('change', onMedia);
  window.addEventListener('beforeprint', beforePrint);
  window.addEventListener('afterprint', afterPrint);
  const resize = new ResizeObserver(() => {
    if (theme === 'screen') charts?.resize();
  });

  // Drawn once the section is in the page (widths come from the layout).
  queueMicrotask(() => {
    if (!element.isConnected) return;
    onMedia();
    resize.observe(grid);
  });

  return {
    element,
    dispose() {
      print.removeEventListener('change', onMedia);
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
      resize.disconnect();
      charts?.destroy();
      charts = null;
    },
  };
}
