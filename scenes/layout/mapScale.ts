/**
 * How big the map's text and markers are. A projector at the back of a room needs at least 16 px text at
 * 1280×720, and more as the window grows: the size follows the window (not the canvas, whose share of the
 * window depends on the panels around it), so it scales the same way the DOM panels do. Pure.
 */

/** The smallest text on the map, in CSS pixels. */
export const MIN_MAP_FONT_PX = 16;

export function mapFontPx(windowWidth: number, windowHeight: number): number {
  const scale = Math.min(windowWidth / 1280, windowHeight / 720);
  // Text grows with the square root of the window: a bigger window gives bigger text *and* more room between
  // the services (at full proportion the map would be exactly as crowded at 1920 as at 1280).
  return Math.max(MIN_MAP_FONT_PX, Math.round(MIN_MAP_FONT_PX * Math.sqrt(scale)));
}

/** Radius of a service's status marker for a given text size. */
export function markerRadius(fontPx: number): number {
  return Math.round(fontPx * 0.62);
}

/** Half the side of the square a service occupies: the marker with its critical ring (the selection ring, drawn for one service at a time, may reach past it). */
export function markerHalf(radius: number): number {
  return Math.ceil(radius * 1.7);
}
