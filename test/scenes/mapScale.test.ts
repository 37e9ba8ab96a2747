import { describe, expect, it } from 'vitest';
import { mapFontPx, markerHalf, markerRadius, MIN_MAP_FONT_PX } from '../../scenes/layout/mapScale';

describe('map text size', () => {
  it('is at least 16 px at 1280×720 and in any smaller window', () => {
    expect(mapFontPx(1280, 720)).toBe(16);
    expect(mapFontPx(1024, 600)).toBe(MIN_MAP_FONT_PX);
    expect(mapFontPx(800, 1200)).toBe(MIN_MAP_FONT_PX);
  });

  it('grows with the window: 18 px at 1600×900, 20 px at 1920×1080, 32 px at 5120×2880, limited by the tighter side', () => {
    expect(mapFontPx(1600, 900)).toBe(18);
    expect(mapFontPx(1920, 1080)).toBe(20);
    expect(mapFontPx(5120, 2880)).toBe(32);
    expect(mapFontPx(3840, 1080)).toBe(20);
  });

  it('sizes the markers with the text, rings included', () => {
    expect(markerRadius(24)).toBeGreaterThan(markerRadius(16));
    expect(markerHalf(markerRadius(16))).toBeGreaterThanOrEqual(markerRadius(16) * 1.6);
  });
});
