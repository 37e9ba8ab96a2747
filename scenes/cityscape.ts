/**
 * The city under the network: a street grid, roads along the dependencies, and a building for each service
 * that says what kind of place it is (a bank's pediment, the portal's dome, a mast, a station's arch, an ATM
 * kiosk, a counter's awning, a power pylon...). Its windows are lit by the service's availability, so a
 * failing service goes dark. The status marker (shape + colour + glyph) stays on top, in front of the building.
 */
import type Phaser from 'phaser';
import type { ServiceKind } from '../src/engine';

type Building = 'civic' | 'bank' | 'tower' | 'office' | 'shop' | 'kiosk' | 'booth' | 'station' | 'power';

const BUILDING: Record<ServiceKind, Building> = {
  portal: 'civic',
  visa: 'civic',
  'mobile-money-core': 'office',
  'app-gateway': 'office',
  'payment-gateway': 'office',
  'call-centre': 'office',
  'ussd-gateway': 'tower',
  edge: 'tower',
  network: 'tower',
  'bank-core': 'bank',
  'bank-app': 'bank',
  'bank-wallet-link': 'bank',
  'savings-loans': 'bank',
  'merchant-payments': 'shop',
  'atm-network': 'kiosk',
  counter: 'booth',
  'rail-ticketing': 'station',
  'token-vending': 'power',
};

const CITY = {
  block: 0x10233a,
  road: 0x1b3047,
  roadEdge: 0x24405c,
  wall: 0x1e3a56,
  outline: 0x6d8fb3,
  awning: 0xcc79a7,
  lit: 0xf0e442,
  dark: 0x08121c,
} as const;

/** The street grid: blocks of a few text lines each, so the scale of the "city" follows the text. */
export function drawStreets(
  g: Phaser.GameObjects.Graphics,
  width: number,
  height: number,
  fontPx: number,
): void {
  const block = fontPx * 4;
  const street = Math.max(4, fontPx * 0.4);
  g.fillStyle(CITY.block, 1);
  for (let y = street / 2; y < height; y += block + street)
    for (let x = street / 2; x < width; x += block * 1.5 + street) g.fillRect(x, y, block * 1.5, block);
}

/** A road under a dependency (the traffic on it is drawn every frame, on top). */
export function drawRoad(
  g: Phaser.GameObjects.Graphics,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  width: number,
): void {
  g.lineStyle(width + 2, CITY.roadEdge, 1);
  g.lineBetween(ax, ay, bx, by);
  g.lineStyle(width, CITY.road, 1);
  g.lineBetween(ax, ay, bx, by);
}

/** The building's silhouette inside the square ±h around (x, y). */
export function drawBuilding(
  g: Phaser.GameObjects.Graphics,
  kind: ServiceKind,
  x: number,
  y: number,
  h: number,
): void {
  g.fillStyle(CITY.wall, 1);
  g.lineStyle(1.5, CITY.outline, 0.9);
  const box = (x0: number, y0: number, x1: number, y1: number) => {
    g.fillRect(x + x0 * h, y + y0 * h, (x1 - x0) * h, (y1 - y0) * h);
    g.strokeRect(x + x0 * h, y + y0 * h, (x1 - x0) * h, (y1 - y0) * h);
  };
  switch (BUILDING[kind]) {
    case 'civic':
      box(-1, -0.5, 1, 1);
      g.fillCircle(x, y - 0.5 * h, 0.48 * h);
      g.beginPath();
      g.arc(x, y - 0.5 * h, 0.48 * h, Math.PI, 0, false);
      g.strokePath();
      break;
    case 'bank':
      box(-0.9, -0.45, 0.9, 1);
      g.fillTriangle(x - h, y - 0.45 * h, x + h, y - 0.45 * h, x, y - h);
      g.strokeTriangle(x - h, y - 0.45 * h, x + h, y - 0.45 * h, x, y - h);
      break;
    case 'tower':
      box(-0.7, -0.2, 0.7, 1);
      g.lineStyle(2, CITY.outline, 1);
      g.lineBetween(x, y - h, x, y - 0.2 * h);
      g.lineBetween(x - 0.35 * h, y - 0.75 * h, x + 0.35 * h, y - 0.75 * h);
      g.lineBetween(x - 0.25 * h, y - 0.5 * h, x + 0.25 * h, y - 0.5 * h);
      g.fillStyle(0xd55e00, 1);
      g.fillCircle(x, y - h, Math.max(1.5, 0.1 * h));
      break;
    case 'office':
      box(-0.75, -1, 0.75, 1);
      break;
    case 'shop':
      box(-1, -0.4, 1, 1);
      g.fillStyle(CITY.awning, 0.9);
      for (let k = 0; k < 4; k += 2) g.fillRect(x - h + k * 0.5 * h, y - 0.65 * h, 0.5 * h, 0.25 * h);
      break;
    case 'kiosk':
      box(-0.6, -0.95, 0.6, 1);
      break;
    case 'booth':
      box(-1, -0.3, 1, 1);
      g.fillStyle(CITY.awning, 0.9);
      g.fillTriangle(x - h, y - 0.3 * h, x + h, y - 0.3 * h, x, y - 0.85 * h);
      break;
    case 'station':
      box(-1, -0.3, 1, 1);
      g.fillCircle(x, y - 0.3 * h, 0.7 * h);
      g.beginPath();
      g.arc(x, y - 0.3 * h, 0.7 * h, Math.PI, 0, false);
      g.strokePath();
      break;
    case 'power':
      g.lineStyle(2, CITY.outline, 1);
      g.lineBetween(x - 0.7 * h, y + h, x, y - h);
      g.lineBetween(x + 0.7 * h, y + h, x, y - h);
      g.lineBetween(x - 0.8 * h, y - 0.55 * h, x + 0.8 * h, y - 0.55 * h);
      g.lineBetween(x - 0.6 * h, y - 0.25 * h, x + 0.6 * h, y - 0.25 * h);
      break;
  }
}

/** Window spots around the marker (in units of the building's half side), lit first to last. */
const WINDOWS = [
  [-0.8, 0.15],
  [0.8, 0.15],
  [-0.8, 0.65],
  [0.8, 0.65],
] as const;

/**
 * Windows beside the markers, lit in proportion to each service's availability (a down service goes dark).
 * Drawn every frame for the whole city in two passes (lit, then dark), so the canvas changes fill style twice
 * rather than once per window.
 */
export function drawWindows(
  g: Phaser.GameObjects.Graphics,
  buildings: readonly { kind: ServiceKind; x: number; y: number; availability: number }[],
  h: number,
): void {
  const size = Math.max(2, 0.18 * h);
  for (const lit of [true, false]) {
    g.fillStyle(lit ? CITY.lit : CITY.dark, lit ? 0.85 : 1);
    for (const b of buildings) {
      if (BUILDING[b.kind] === 'power') continue;
      const on = Math.round(Math.max(0, Math.min(1, b.availability)) * WINDOWS.length);
      WINDOWS.forEach(([dx, dy], k) => {
        if (k < on === lit) g.fillRect(b.x + dx * h - size / 2, b.y + dy * h - size / 2, size, size);
      });
    }
  }
}

/**
 * Each district's ground tint and the colour of its name. The ground is dark (the markers, traffic and people
 * stay the brightest things on the map); hues differ between neighbours, but the name, not the hue, says
 * which district a place is in. A built-in district keeps its colours in every scenario.
 */
const DISTRICT_COLOURS: Record<string, { ground: number; ink: string }> = {
  government: { ground: 0x3b2f63, ink: '#d9ccff' },
  banking: { ground: 0x17503c, ink: '#b5f0d6' },
  telecom: { ground: 0x1a4470, ink: '#bcdcff' },
  market: { ground: 0x5c3a17, ink: '#ffd9a8' },
  power: { ground: 0x55501a, ink: '#fff1a0' },
  transport: { ground: 0x5a2233, ink: '#ffc2d0' },
};
const OWN_DISTRICT_COLOURS = [
  { ground: 0x244f55, ink: '#b8eef2' },
  { ground: 0x4d2d55, ink: '#f0c8fa' },
  { ground: 0x3d4a1c, ink: '#dcefa8' },
  { ground: 0x553020, ink: '#ffcdb8' },
] as const;

export function districtColours(key: string, index: number): { ground: number; ink: string } {
  return DISTRICT_COLOURS[key] ?? OWN_DISTRICT_COLOURS[index % OWN_DISTRICT_COLOURS.length]!;
}

/** The districts' ground, under the streets' blocks' tint (see layout/districtGround.ts for the shapes). */
export function drawDistrictGround(
  g: Phaser.GameObjects.Graphics,
  runs: readonly { x: number; y: number; w: number; h: number; district: number }[],
  colourOf: (district: number) => number,
): void {
  let current = -1;
  for (const run of runs) {
    if (run.district !== current) {
      current = run.district;
      g.fillStyle(colourOf(current), 0.55);
    }
    g.fillRect(run.x, run.y, run.w, run.h);
  }
}
