/**
 * The districts' ground: each cell goes to the nearest service's district within reach, a district's name has
 * its own ground, runs never overlap, and the most central service of a district is found.
 */
import { describe, expect, it } from 'vitest';
import { districtGround, districtHome, type GroundRun } from '../../scenes/layout/districtGround';
import { overlapArea } from '../../scenes/layout/rects';

/** The district painted at (x, y), or -1. */
function at(runs: GroundRun[], x: number, y: number): number {
  return runs.find((r) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h)?.district ?? -1;
}

describe('district ground', () => {
  const base = {
    width: 200,
    height: 100,
    points: [
      { x: 40, y: 50 },
      { x: 80, y: 50 },
      { x: 160, y: 50 },
    ],
    districtOf: [0, 1, 1],
    labels: [null, null],
    cell: 4,
    reach: 30,
  };

  it('gives each cell to the nearest service within reach, and nothing beyond it', () => {
    const runs = districtGround(base);
    expect(at(runs, 41, 51)).toBe(0);
    expect(at(runs, 79, 51)).toBe(1);
    // Halfway between 40 and 80 is 60: left of it district 0, right of it district 1.
    expect(at(runs, 57, 51)).toBe(0);
    expect(at(runs, 63, 51)).toBe(1);
    // 40 px from every service: bare.
    expect(at(runs, 120, 51)).toBe(-1);
    expect(at(runs, 41, 95)).toBe(-1);
  });

  it('gives the name its own ground, over a neighbour’s', () => {
    const runs = districtGround({ ...base, labels: [{ x: 70, y: 10, w: 40, h: 16 }, null] });
    // (80, 20) is nearest to service 1 (district 1) but under district 0's name.
    expect(at(runs, 80, 20)).toBe(0);
    expect(at(runs, 100, 20)).toBe(0);
  });

  it('paints each cell once, as runs along rows', () => {
    const runs = districtGround(base);
    for (let i = 0; i < runs.length; i++)
      for (let j = i + 1; j < runs.length; j++) expect(overlapArea(runs[i]!, runs[j]!)).toBe(0);
    // One run per row per district stretch: far fewer runs than cells.
    expect(runs.length).toBeLessThan(((2 * 30) / 4 + 1) * 3 * 2);
  });

  it('finds a district’s most central service', () => {
    expect(
      districtHome([
        { x: 0, y: 0 },
        { x: 500, y: 500 },
        { x: 450, y: 520 },
        { x: 900, y: 900 },
      ]),
    ).toBe(1);
    expect(districtHome([{ x: 3, y: 4 }])).toBe(0);
  });
});
