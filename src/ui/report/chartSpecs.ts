/**
 * What the report's charts show, as data (pure, testable): one spec per chart with its lines, unit, range and
 * a one-sentence summary per line for readers who cannot see the chart. Drawn by charts.ts (uPlot).
 *
 *   availability  — each critical service, % of requests served
 *   load          — load ÷ capacity of the key services (those that passed 80 %), with the 100 % line
 *   stranded      — customers who could not do what they came for
 *   trust         — each stakeholder, 0–100
 *   rumours       — belief in each rumour, % of people (weighted by segment size)
 *   money         — value that failed to move (lost + stuck), KES
 */
import { currencyOf, elapsedClock, type Scenario } from '../../engine';
import { t } from '../../i18n';
import { keyServices, type Series } from '../../run';
import { countLabel, moneyLabel } from '../../store/format';

export interface ChartLine {
  label: string;
  values: number[];
  /** A reference line (the 100 % of capacity), drawn thin and grey. */
  reference?: boolean;
}

export interface ChartSpec {
  id: 'availability' | 'load' | 'stranded' | 'trust' | 'rumours' | 'money';
  title: string;
  /** y axis label. */
  unit: string;
  range?: [number, number];
  lines: ChartLine[];
  format: (value: number) => string;
  /** One sentence per line: lowest/highest and where it ended. */
  summary: string[];
  /** Said instead of a chart when there is nothing to draw (a scenario without rumours). */
  empty?: string;
}

/** At most this many lines per chart: more are unreadable on a projector. */
export const MAX_LINES = 6;

const percent = (v: number) => `${Math.round(v)} %`;

function describe(
  line: ChartLine,
  minutes: number[],
  format: (v: number) => string,
  worst: 'low' | 'high',
): string {
  const xs = line.values;
  if (xs.length === 0) return t('debrief:chart.noData', { line: line.label });
  let at = 0;
  xs.forEach((x, i) => {
    if (worst === 'low' ? x < xs[at]! : x > xs[at]!) at = i;
  });
  const end = xs[xs.length - 1]!;
  const words = {
    line: line.label,
    value: format(xs[at]!),
    at: elapsedClock(minutes[at]! * 60),
    end: format(end),
  };
  return worst === 'low' ? t('debrief:chart.lowest', words) : t('debrief:chart.highest', words);
}

export function chartSpecs(scenario: Scenario, series: Series): ChartSpec[] {
  const nameOf = (id: string) => scenario.services.find((s) => s.id === id)?.name ?? id;
  const pct = (xs: number[]) => xs.map((x) => x * 100);
  const specs: ChartSpec[] = [];
  const make = (spec: Omit<ChartSpec, 'summary'>, worst: 'low' | 'high') => {
    const lines = spec.lines.slice(0, MAX_LINES + (spec.lines.some((l) => l.reference) ? 1 : 0));
    const drawn = lines.filter((l) => !l.reference).length;
    specs.push({
      ...(drawn === 0
        ? {
            empty: spec.id === 'rumours' ? t('debrief:chart.noRumours') : t('debrief:chart.noLines'),
          }
        : {}),
      ...spec,
      lines,
      summary: lines.filter((l) => !l.reference).map((l) => describe(l, series.minutes, spec.format, worst)),
    });
  };

  // More critical services than a chart can show: the ones that fell lowest (in scenario order when tied).
  const critical = Object.entries(series.availability);
  const lowest = (xs: number[]) => Math.min(1, ...xs);
  const shown =
    critical.length > MAX_LINES
      ? [...critical].sort((a, b) => lowest(a[1]) - lowest(b[1])).slice(0, MAX_LINES)
      : critical;
  make(
    {
      id: 'availability',
      title:
        critical.length > MAX_LINES
          ? t('debrief:chart.availabilityLowest', { shown: MAX_LINES, count: critical.length })
          : t('debrief:chart.availability'),
      unit: t('debrief:chart.availabilityUnit'),
      range: [0, 100],
      lines: shown.map(([id, xs]) => ({ label: nameOf(id), values: pct(xs) })),
      format: percent,
    },
    'low',
  );

  let key = keyServices(series, 0.8);
  if (key.length === 0) key = Object.keys(series.availability);
  const peak = (id: string) => Math.max(0, ...(series.utilisation[id] ?? []));
  key = [...key].sort((a, b) => peak(b) - peak(a)).slice(0, MAX_LINES);
  make(
    {
      id: 'load',
      title: t('debrief:chart.load'),
      unit: t('debrief:chart.loadUnit'),
      lines: [
        ...key.map((id) => ({ label: nameOf(id), values: pct(series.utilisation[id] ?? []) })),
        { label: t('debrief:chart.capacity'), values: series.minutes.map(() => 100), reference: true },
      ],
      format: percent,
    },
    'high',
  );

  make(
    {
      id: 'stranded',
      title: t('debrief:chart.stranded'),
      unit: t('debrief:chart.strandedUnit'),
      lines: [{ label: t('debrief:chart.strandedLine'), values: series.stranded }],
      format: countLabel,
    },
    'high',
  );

  make(
    {
      id: 'trust',
      title: t('debrief:chart.trust'),
      unit: t('debrief:chart.trustUnit'),
      range: [0, 100],
      lines: scenario.people.stakeholders.map((k) => ({ label: k.name, values: series.trust[k.id] ?? [] })),
      format: (v) => `${Math.round(v)}`,
    },
    'low',
  );

  make(
    {
      id: 'rumours',
      title: t('debrief:chart.rumours'),
      unit: t('debrief:chart.rumoursUnit'),
      range: [0, 100],
      lines: scenario.people.rumours.map((r) => ({
        label: r.text.length > 40 ? `${r.text.slice(0, 38)}…` : r.text,
        values: pct(series.belief[r.id] ?? []),
      })),
      format: percent,
    },
    'high',
  );

  make(
    {
      id: 'money',
      title: t('debrief:chart.money'),
      unit: currencyOf(scenario).code,
      lines: [{ label: t('debrief:chart.moneyLine'), values: series.failedValue }],
      format: (v: number) => moneyLabel(v, scenario),
    },
    'high',
  );
  return specs;
}
