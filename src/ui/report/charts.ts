/**
 * Draws the report's charts (chartSpecs.ts) with uPlot: simulated time across (hours:minutes), large type for a
 * projector, and every line told apart three ways — colour, dash pattern and its name in the legend — so a
 * grey-scale printout or a colour-blind reader loses nothing. Under each chart, the summary sentences.
 *
 * Two themes: 'screen' (light lines on the dark page, 16 px type) and 'print' (dark lines on white, small,
 * sized for a third of an A4 page's width). The report view rebuilds the charts when the page switches to print.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { t } from '../../i18n';
import { h } from '../dom';
import type { ChartSpec } from './chartSpecs';

export type ChartTheme = 'screen' | 'print';

const THEMES = {
  screen: {
    text: '#f2f5f8',
    grid: 'rgba(242, 245, 248, 0.14)',
    font: '16px system-ui, "DejaVu Sans", sans-serif',
    labelFont: 'bold 15px system-ui, "DejaVu Sans", sans-serif',
    height: 250,
    lineWidth: 3,
    // Okabe–Ito: distinguishable with the common colour-vision deficiencies, bright on the dark background.
    colours: ['#56b4e9', '#e69f00', '#009e73', '#f0e442', '#cc79a7', '#d55e00', '#ffffff'],
    reference: '#b4c3d3',
    /** Width of a y-axis value label: padding (ticks and gap) + characters × average glyph width. */
    axisPad: 24,
    charWidth: 9.5,
    /** Least room between two axis labels (uPlot's `space`): small charts still get a few labels. */
    space: { x: 60, y: 40 },
    /** Height of the time axis (labels and ticks). */
    xAxis: 44,
  },
  print: {
    text: '#111111',
    grid: '#d0d0d0',
    font: '10px system-ui, "DejaVu Sans", sans-serif',
    labelFont: 'bold 10px system-ui, "DejaVu Sans", sans-serif',
    height: 66,
    lineWidth: 1.6,
    colours: ['#0072b2', '#d55e00', '#009e73', '#000000', '#cc79a7', '#e69f00', '#56b4e9'],
    reference: '#777777',
    axisPad: 16,
    charWidth: 6,
    space: { x: 34, y: 16 },
    xAxis: 24,
  },
} as const;

/** Dash patterns, in the same order as the colours: the second line is dashed, the third dotted... */
const DASHES: number[][] = [[], [14, 6], [3, 4], [14, 4, 3, 4], [7, 7], [1, 4], [22, 6]];

const pad2 = (n: number) => String(n).padStart(2, '0');
/** Minutes → "1:05" (hours:minutes of simulated time). */
export function minuteTick(minutes: number): string {
  const m = Math.round(minutes);
  return `${Math.floor(m / 60)}:${pad2(m % 60)}`;
}

export interface MountedCharts {
  destroy(): void;
  /** Fit every chart to its box's width again (window resize). */
  resize(): void;
}

/**
 * One figure per spec in `container` (replacing what was there). `widthOf` gives a chart's width from its
 * figure (the print theme passes a fixed width: layout is not settled when the page switches to print).
 */
export function mountCharts(
  container: HTMLElement,
  specs: ChartSpec[],
  minutes: number[],
  theme: ChartTheme,
  widthOf: (figure: HTMLElement) => number = (f) => f.clientWidth,
): MountedCharts {
  const look = THEMES[theme];
  const plots: { plot: uPlot; figure: HTMLElement }[] = [];
  const figures = specs.map((spec) => {
    const box = h('div', { class: 'chart-box' });
    const figure = h(
      'figure',
      { class: 'chart', 'data-chart': spec.id },
      h(
        'figcaption',
        {},
        spec.title,
        h(
          'span',
          { class: 'unit' },
          ` — ${spec.unit}`,
          h('span', { class: 'by-time', text: ` ${t('debrief:chart.byTime')}` }),
        ),
      ),
      box,
      h('ul', { class: 'chart-summary' }, ...spec.summary.map((s) => h('li', { text: s }))),
    );
    return { spec, figure, box };
  });
  container.replaceChildren(...figures.map((f) => f.figure));

  for (const { spec, figure, box } of figures) {
    if (spec.empty || minutes.length < 2) {
      const why = spec.empty ?? t('debrief:chart.notEnoughData');
      box.append(h('p', { class: 'muted chart-empty', text: why }));
      continue;
    }
    let colour = 0;
    const lines = spec.lines.map((line) => {
      if (line.reference)
        return {
          label: line.label,
          stroke: look.reference,
          width: 1.5,
          dash: [4, 4],
          points: { show: false },
        };
      const i = colour++;
      return {
        label: line.label,
        stroke: look.colours[i % look.colours.length],
        width: look.lineWidth,
        dash: DASHES[i % DASHES.length],
        points: { show: false },
        value: (_u: uPlot, v: number | null) => (v === null ? '—' : spec.format(v)),
      };
    });
    const axis = {
      stroke: look.text,
      font: look.font,
      labelFont: look.labelFont,
      grid: { stroke: look.grid, width: 1 },
      ticks: { stroke: look.grid },
    };
    const options: uPlot.Options = {
      width: Math.max(200, widthOf(figure)),
      height: look.height,
      legend: { live: false, markers: { width: theme === 'screen' ? 3 : 2 } },
      cursor: { show: theme === 'screen', drag: { x: false, y: false } },
      scales: {
        x: { time: false },
        y: spec.range
          ? { range: spec.range }
          : { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.05 : 1] },
      },
      series: [{ label: t('debrief:chart.simulatedTime') }, ...lines],
      axes: [
        // Units are in the caption: a vertical axis label does not fit a chart sized for paper.
        { ...axis, space: look.space.x, size: look.xAxis, values: (_u, splits) => splits.map(minuteTick) },
        // Wide enough for the longest value label ("KES 12.4m", "1,234"): never clipped at the left edge.
        {
          ...axis,
          space: look.space.y,
          size: (_u, values) =>
            look.axisPad + look.charWidth * Math.max(3, ...(values ?? []).map((v) => String(v).length)),
          values: (_u, splits) => splits.map((v) => spec.format(v)),
        },
      ],
    };
    const data: uPlot.AlignedData = [minutes, ...spec.lines.map((l) => l.values)];
    plots.push({ plot: new uPlot(options, data, box), figure });
  }

  return {
    destroy() {
      for (const { plot } of plots) plot.destroy();
      plots.length = 0;
      container.replaceChildren();
    },
    resize() {
      for (const { plot, figure } of plots) {
        const width = Math.max(200, widthOf(figure));
        if (width !== plot.width) plot.setSize({ width, height: look.height });
      }
    },
  };
}
