/**
 * The map layout (scenes/layout/cityLayout.ts) on the shipped scenarios at the canvas sizes the game has at
 * 1280×720, 1600×900 and 1920×1080, with label sizes estimated from the text (the browser test,
 * test/browser/map-layout.test.ts, measures the real ones).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutCity, type LayoutInput, type LayoutNode } from '../../scenes/layout/cityLayout';
import { crowdSpots } from '../../scenes/layout/crowdSpots';
import { overlapArea, type Rect } from '../../scenes/layout/rects';
import { compile } from '../../src/scenario';

const SHIPPED = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const result = compile(readFileSync(`scenarios/${f}`, 'utf8'), f);
    if (!result.scenario) throw new Error(`${f} does not compile`);
    return result.scenario;
  });

/** Canvas size and font size the City scene has at each window size (measured in Chromium). */
const SIZES = [
  { window: '1280×720', width: 896, height: 450, font: 16 },
  { window: '1600×900', width: 1120, height: 569, font: 18 },
  { window: '1920×1080', width: 1344, height: 688, font: 20 },
];

/** A generous estimate of a wrapped label's size: DejaVu Sans averages ~0.6 em a character. */
function labelSize(lines: string[], font: number, wrap: number): { w: number; h: number } {
  const wrapped: number[] = [];
  for (const line of lines) {
    let current = 0;
    for (const word of line.split(' ')) {
      const w = word.length * font * 0.58;
      const space = current > 0 ? font * 0.32 : 0;
      if (current > 0 && current + space + w > wrap) {
        wrapped.push(current);
        current = w;
      } else current += space + w;
    }
    wrapped.push(current);
  }
  return { w: Math.max(...wrapped) + 8, h: wrapped.length * font * 1.25 + 8 };
}

function inputFor(
  names: string[],
  positions: { x: number; y: number }[],
  size: (typeof SIZES)[number],
): LayoutInput {
  const half = Math.round(size.height / 40) * 1.6;
  const nodes: LayoutNode[] = names.map((name, i) => ({
    x: positions[i]!.x,
    y: positions[i]!.y,
    half,
    labels: [
      labelSize([name, 'recovering · 100 %'], size.font, size.font * 11),
      labelSize([name, 'recovering · 100 %'], size.font, size.font * 8),
    ],
  }));
  return { width: size.width, height: size.height, nodes, gap: 4 };
}

function allRects(layout: ReturnType<typeof layoutCity>): { rect: Rect; owner: number; what: string }[] {
  return layout.nodes.flatMap((p, i) => [
    { rect: p.node, owner: i, what: 'marker' },
    { rect: p.label, owner: i, what: 'label' },
  ]);
}

describe('city layout', () => {
  for (const scenario of SHIPPED)
    for (const size of SIZES)
      it(`${scenario.id} at ${size.window}: no marker or label overlaps another, none leaves the canvas`, () => {
        const layout = layoutCity(
          inputFor(
            scenario.services.map((s) => s.name),
            scenario.services.map((s) => ({ x: s.x, y: s.y })),
            size,
          ),
        );
        const rects = allRects(layout);
        const clashes: string[] = [];
        rects.forEach((a, i) =>
          rects.forEach((b, j) => {
            if (j > i && a.owner !== b.owner && overlapArea(a.rect, b.rect) > 0)
              clashes.push(
                `${a.what} of ${scenario.services[a.owner]!.id} × ${b.what} of ${scenario.services[b.owner]!.id}`,
              );
          }),
        );
        const outside = rects
          .filter(
            ({ rect }) =>
              rect.x < 0 || rect.y < 0 || rect.x + rect.w > size.width || rect.y + rect.h > size.height,
          )
          .map((r) => `${r.what} of ${scenario.services[r.owner]!.id}`);
        expect(clashes).toEqual([]);
        expect(outside).toEqual([]);
        expect(layout.overlaps).toBe(0);
        expect(layout.outside).toBe(0);
      });

  it("keeps the author's picture: a service far left of another stays left of it, far above stays above", () => {
    const scenario = SHIPPED.find((s) => s.id === 'nairobi-ddos-2023')!;
    const layout = layoutCity(
      inputFor(
        scenario.services.map((s) => s.name),
        scenario.services.map((s) => ({ x: s.x, y: s.y })),
        SIZES[0]!,
      ),
    );
    const flipped: string[] = [];
    scenario.services.forEach((a, i) =>
      scenario.services.forEach((b, j) => {
        const pa = layout.nodes[i]!;
        const pb = layout.nodes[j]!;
        if (b.x - a.x >= 250 && pa.x >= pb.x) flipped.push(`${a.id} is no longer left of ${b.id}`);
        if (b.y - a.y >= 250 && pa.y >= pb.y) flipped.push(`${a.id} is no longer above ${b.id}`);
      }),
    );
    expect(flipped).toEqual([]);
  });

  it('pulls apart services the author put on the same spot, and never moves a pinned one', () => {
    const size = SIZES[0]!;
    const names = ['One', 'Two', 'Three', 'Four', 'Five', 'Six'];
    const input = inputFor(
      names,
      names.map((_, i) => (i === 0 ? { x: 40, y: 30 } : { x: 500, y: 500 })),
      size,
    );
    input.nodes[0]!.pinned = true;
    // One more service elsewhere so the author's box has a size.
    input.nodes.push({ x: 0, y: 0, half: 10, labels: [{ w: 60, h: 30 }] });
    const layout = layoutCity(input);
    expect(layout.overlaps).toBe(0);
    expect(layout.nodes[0]!.x).toBe(40);
    expect(layout.nodes[0]!.y).toBe(30);
    const spots = new Set(layout.nodes.slice(1, 6).map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
    expect(spots.size).toBe(5);
  });

  it('is deterministic: the same input gives the same layout', () => {
    const scenario = SHIPPED[0]!;
    const make = () =>
      layoutCity(
        inputFor(
          scenario.services.map((s) => s.name),
          scenario.services.map((s) => ({ x: s.x, y: s.y })),
          SIZES[1]!,
        ),
      );
    expect(make()).toEqual(make());
  });

  it('keeps labels off a reserved area', () => {
    const scenario = SHIPPED.find((s) => s.id === 'nairobi-ddos-2023')!;
    const input = inputFor(
      scenario.services.map((s) => s.name),
      scenario.services.map((s) => ({ x: s.x, y: s.y })),
      SIZES[2]!,
    );
    const reserved = { x: 0, y: 0, w: 330, h: 40 };
    input.reserved = [reserved];
    const layout = layoutCity(input);
    expect(layout.overlaps).toBe(0);
    for (const p of layout.nodes) {
      expect(overlapArea(p.node, reserved)).toBe(0);
      expect(overlapArea(p.label, reserved)).toBe(0);
    }
  });
});

describe('crowd spots', () => {
  it('puts a crowd on the side of its service away from labels, and on the canvas', () => {
    const canvas = { width: 400, height: 300 };
    const node = (x: number, y: number, label: Rect) => ({
      x,
      y,
      node: { x: x - 10, y: y - 10, w: 20, h: 20 },
      label,
      side: 'below' as const,
      shape: 0,
    });
    // A label below the service and another service's label above it: the crowd goes left or right.
    const nodes = [
      node(200, 150, { x: 150, y: 162, w: 100, h: 40 }),
      node(200, 60, { x: 150, y: 90, w: 100, h: 40 }),
    ];
    const [spot] = crowdSpots(nodes, 20, canvas);
    expect(Math.abs(spot!.ux)).toBe(1);
    expect(spot!.uy).toBe(0);
    // In the top-left corner, the crowd stays on the canvas.
    const [corner] = crowdSpots([node(15, 15, { x: 30, y: 5, w: 80, h: 20 })], 12, canvas);
    expect(corner!.x - 12).toBeGreaterThanOrEqual(0);
    expect(corner!.y - 12).toBeGreaterThanOrEqual(0);
  });
});

describe('a city too big to label', () => {
  it("keeps the author's picture stretched to the canvas, labels below, without trying to separate them", () => {
    const nodes = Array.from({ length: 1000 }, (_, i) => ({
      x: (i % 40) * 25,
      y: Math.floor(i / 40) * 40,
      half: 17,
      labels: [{ w: 150, h: 42 }],
    }));
    const layout = layoutCity({ width: 896, height: 450, nodes, gap: 4 });
    expect(layout.overlaps).toBe(-1);
    expect(layout.nodes.every((p) => p.side === 'below')).toBe(true);
    // Same author column, same x; further right on the author's square, further right on the canvas.
    expect(layout.nodes[40]!.x).toBe(layout.nodes[0]!.x);
    expect(layout.nodes[1]!.x).toBeGreaterThan(layout.nodes[0]!.x);
    expect(layout.nodes[40]!.y).toBeGreaterThan(layout.nodes[0]!.y);
  });
});
