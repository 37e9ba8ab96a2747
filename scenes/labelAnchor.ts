import type Phaser from 'phaser';
import type { LabelSide } from './layout/cityLayout';
import type { Rect } from './layout/rects';

/**
 * Pin a label to the edge of its reserved place that touches its service, so that a shorter text (a name
 * without its status line) stays next to the marker and never leaves the place the layout reserved for it.
 */
export function anchorLabel(label: Phaser.GameObjects.Text, place: Rect, side: LabelSide): void {
  const left = place.x;
  const right = place.x + place.w;
  const top = place.y;
  const bottom = place.y + place.h;
  const midX = place.x + place.w / 2;
  const midY = place.y + place.h / 2;
  const [ox, oy, x, y, align] = ((): [number, number, number, number, string] => {
    switch (side) {
      case 'below':
        return [0.5, 0, midX, top, 'center'];
      case 'above':
        return [0.5, 1, midX, bottom, 'center'];
      case 'right':
        return [0, 0.5, left, midY, 'left'];
      case 'left':
        return [1, 0.5, right, midY, 'right'];
      case 'below-right':
        return [0, 0, left, top, 'left'];
      case 'below-left':
        return [1, 0, right, top, 'right'];
      case 'above-right':
        return [0, 1, left, bottom, 'left'];
      case 'above-left':
        return [1, 1, right, bottom, 'right'];
    }
  })();
  label.setOrigin(ox, oy).setPosition(x, y).setAlign(align);
}
