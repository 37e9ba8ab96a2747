/**
 * The status palette under simulated colour-vision deficiency (Machado et al. 2009, severity 1.0): every pair of
 * statuses stays a different colour (ΔE*ab ≥ 15) for protanopia, deuteranopia and tritanopia, every status
 * marker stands out from the map (WCAG non-text contrast ≥ 3:1) and its glyph from the marker. Colour is never
 * the only cue (each status also has a shape, a glyph and a word), but it must not mislead either. The CSS
 * variables must be the same colours as the map's, so the DOM and the canvas agree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLOURS } from '../../scenes/palette';
import { contrast, deltaE, MACHADO_2009, rgbOf, simulate, type Rgb } from '../../src/ui/a11y/colourVision';

const STATUSES = Object.keys(COLOURS.status) as (keyof typeof COLOURS.status)[];
const VISIONS = { typical: null, ...MACHADO_2009 };
const MIN_DELTA_E = 15;
const MIN_CONTRAST = 3;

const seen = (colour: number, vision: keyof typeof VISIONS): Rgb => {
  const matrix = VISIONS[vision];
  return matrix ? simulate(rgbOf(colour), matrix) : rgbOf(colour);
};

describe('colour-vision simulation (Machado et al. 2009)', () => {
  it('keeps greys grey (each matrix row sums to 1) and moves red and green together for protanopia and deuteranopia', () => {
    for (const matrix of Object.values(MACHADO_2009))
      for (const row of matrix) expect(row[0] + row[1] + row[2]).toBeCloseTo(1, 5);
    for (const vision of ['protanopia', 'deuteranopia'] as const) {
      const red = simulate([255, 0, 0], MACHADO_2009[vision]);
      const green = simulate([0, 255, 0], MACHADO_2009[vision]);
      // Red and green, 170 ΔE apart for typical vision, end up both yellowish: far closer together.
      expect(deltaE([255, 0, 0], [0, 255, 0])).toBeGreaterThan(150);
      expect(deltaE(red, green)).toBeLessThan(100);
      expect(red[2]).toBeLessThan(red[0]);
    }
    expect(simulate([128, 128, 128], MACHADO_2009.deuteranopia).map(Math.round)).toEqual([128, 128, 128]);
  });
});

describe('the status palette', () => {
  for (const vision of Object.keys(VISIONS) as (keyof typeof VISIONS)[]) {
    it(`${vision}: every two statuses differ by ΔE ≥ ${MIN_DELTA_E}; markers stand out from the map and glyphs from markers (≥ ${MIN_CONTRAST}:1)`, () => {
      const tooClose: string[] = [];
      for (const [i, a] of STATUSES.entries())
        for (const b of STATUSES.slice(i + 1)) {
          const d = deltaE(seen(COLOURS.status[a], vision), seen(COLOURS.status[b], vision));
          if (d < MIN_DELTA_E) tooClose.push(`${a}/${b}: ΔE ${d.toFixed(1)}`);
        }
      expect(tooClose).toEqual([]);
      for (const s of STATUSES) {
        const fill = seen(COLOURS.status[s], vision);
        expect(contrast(fill, seen(COLOURS.background, vision)), `${s} on the map`).toBeGreaterThanOrEqual(
          MIN_CONTRAST,
        );
        expect(contrast(fill, seen(COLOURS.glyph, vision)), `${s} glyph`).toBeGreaterThanOrEqual(
          MIN_CONTRAST,
        );
      }
      // Attack traffic (purple, dashed) against legitimate requests (light, solid) and the map.
      expect(deltaE(seen(COLOURS.attack, vision), seen(COLOURS.flow, vision))).toBeGreaterThanOrEqual(
        MIN_DELTA_E,
      );
      expect(contrast(seen(COLOURS.attack, vision), seen(COLOURS.background, vision))).toBeGreaterThanOrEqual(
        MIN_CONTRAST,
      );
    });
  }

  it('the CSS status colours are the map’s', () => {
    const css = readFileSync(join(__dirname, '../../src/ui/styles.css'), 'utf8');
    for (const s of STATUSES) {
      const match = new RegExp(`--${s}:\\s*(#[0-9a-fA-F]{6})`).exec(css);
      expect(match, `--${s} in styles.css`).not.toBeNull();
      expect(rgbOf(match![1]!)).toEqual(rgbOf(COLOURS.status[s]));
    }
  });
});
