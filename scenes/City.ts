import Phaser from 'phaser';
import { attackRpsAt } from '../src/engine';
// Service names come from the scenario file: bidirectional overrides are removed before Phaser draws them.
import { displayText } from '../src/run/text';
import { districtName, districtsOf, internetLabel, type District, type GameStore } from '../src/store';
import { countLabel, latencyLabel, percentLabel, rpsLabel } from '../src/store/format';
import { explainCause } from '../src/store/selectors';
import { sessionOf, testHookOf } from './context';
import type { MapLayoutView } from '../src/ui/testHook';
import { anchorLabel } from './labelAnchor';
import { statusDetail, WIDEST_DETAILS } from './layout/labelText';
import { tooltipPlace } from './layout/tooltipPlace';
import { layoutCity, type CityLayout, type LayoutNode } from './layout/cityLayout';
import { mapFontPx, markerHalf, markerRadius } from './layout/mapScale';
import {
  districtColours,
  drawBuilding,
  drawDistrictGround,
  drawRoad,
  drawStreets,
  drawWindows,
} from './cityscape';
import { districtGround, districtHome } from './layout/districtGround';
import { CrowdPainter } from './crowds';
import { cityPeople, MAX_FIGURES } from './layout/cityPeople';
import { crowdSpots, type CrowdSpot } from './layout/crowdSpots';
import { COLOURS, dashedLine, dashes, drawServiceMarker, FONT, TEXT_COLOUR } from './palette';
import type { ServiceStatus } from '../src/engine';

/** Dots per edge; their speed, and so the rate they pass at, grows with the load. */
const DOTS = 3;
/** On a city too big to see every line (more than MAX_WINDOWED services): one dot per edge. */
const DOTS_WHEN_BIG = 1;
const STATUSES: readonly ServiceStatus[] = ['healthy', 'degraded', 'down', 'recovering'];
/** The texture of a status marker (drawn once per size by paintMarkers, then shown as images). */
const markerTexture = (status: ServiceStatus, critical: boolean): string =>
  `city-marker-${status}${critical ? '-critical' : ''}`;
/** Space kept between any two things on the map, and from the canvas edge (CSS pixels). */
const GAP = 4;
const GROUND_TEXTURE = 'city-ground';
const MAX_WINDOWED = 200;
/** A district's name starts this far from its home service (on the author's 0–1000 square). */
const NAME_STEP = 100;
/** Room for the "Paused: press Space to run" / "Clock stopped: a decision waits" banner (src/ui/mapOverlay.ts). */
const BANNER = { w: 440, h: 34 };

/**
 * The city: services at the scenario's map positions (0–1000, laid out by layout/cityLayout.ts so nothing
 * overlaps at any window size), dependencies as lines with dots whose rate shows the load, attack traffic
 * dashed and purple with square dots, status as colour + shape + glyph + word. Hover shows queue and latency;
 * a click selects the service (the DOM panel opens it).
 *
 * update() feeds the clock (the store steps the engine) and animates what the engine decided. Nothing here
 * decides anything: the dots' motion is decoration driven by the published state, and freezes with the clock.
 */
export class City extends Phaser.Scene {
  private drill!: GameStore;
  private gfx!: Phaser.GameObjects.Graphics;
  /** Each service's status marker: an image of one of the eight marker textures (status × critical). */
  private markers: Phaser.GameObjects.Image[] = [];
  private markerShown: string[] = [];
  /** Links cut by isolate orders: drawn live; every other dependency's line is baked into the ground. */
  private cut = new Set<number>();
  private cutKey = '';
  private groundRuns: { x: number; y: number; w: number; h: number; district: number }[] = [];
  /** More than MAX_WINDOWED services: fewer moving dots, and labels only where something is wrong. */
  private big = false;
  /** Label sizes already measured (City.measure). */
  private measured = new Map<string, { w: number; h: number }>();
  /** The map's size and text size the layout was made for (City.sizeKey). */
  private layoutKey = '';
  /** The city's streets, roads and buildings: drawn once per layout, then shown as one image. */
  private ground!: Phaser.GameObjects.Image;
  private crowds!: CrowdPainter;
  /** prefers-reduced-motion: nothing moves (traffic, walkers); crowds and queues stand still. */
  private still = false;
  private walkPhase = 0;
  /** Per service: where its crowd gathers and where its queue starts (away from its label). */
  private crowdSpots: CrowdSpot[] = [];
  private half = 16;
  private bobPhase = 0;
  private labels: Phaser.GameObjects.Text[] = [];
  /** The scenario's districts, each service's district (index), and each district's name on the map. */
  private districts: District[] = [];
  private districtOf: number[] = [];
  private districtLabels: Phaser.GameObjects.Text[] = [];
  private zones: Phaser.GameObjects.Zone[] = [];
  /** Only in a scenario with attacks: where attack traffic enters the map. */
  private internetLabel: Phaser.GameObjects.Text | null = null;
  private internet = { x: 0, y: 0, r: 9 };
  private tooltip!: Phaser.GameObjects.Text;
  private points: { x: number; y: number }[] = [];
  private placed: CityLayout | null = null;
  private radius = 16;
  private fontPx = 16;
  private hovered = -1;
  /** The service clicked last: its tooltip stays hidden until the pointer leaves it (the panel shows it). */
  private dismissed = -1;
  private tooltipKey = '';
  private tooltipAt = { x: 0, y: 0 };
  private legitPhase = new Float64Array(0);
  private attackPhase = new Float64Array(0);
  private directPhase = new Float64Array(0);

  constructor() {
    super('City');
  }

  create(): void {
    const session = sessionOf(this);
    const drill = session.getState().game;
    if (!drill) {
      this.scene.start('Menu');
      return;
    }
    this.drill = drill;
    this.hovered = -1;
    this.dismissed = -1;
    this.labels = [];
    this.zones = [];
    const { scenario } = drill.getState();
    this.districts = districtsOf(scenario);
    this.districtOf = scenario.services.map(() => 0);
    this.districts.forEach((d, k) => d.members.forEach((i) => (this.districtOf[i] = k)));
    this.cameras.main.setBackgroundColor(COLOURS.background);
    this.legitPhase = new Float64Array(scenario.dependencies.length);
    this.attackPhase = new Float64Array(scenario.dependencies.length);
    this.directPhase = new Float64Array(scenario.services.length);
    this.still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    this.big = scenario.services.length > MAX_WINDOWED;
    this.layoutKey = '';
    this.measured.clear();
    this.cut = new Set();
    this.cutKey = '';
    this.ground = this.add.image(0, 0, '__DEFAULT').setOrigin(0, 0);
    this.gfx = this.add.graphics();
    // Markers over the traffic and people (as when they were drawn last in the frame), under the labels.
    this.markers = scenario.services.map(() => this.add.image(0, 0, '__DEFAULT'));
    this.markerShown = scenario.services.map(() => '');
    this.crowds = new CrowdPainter(this.gfx, 3);
    // District names: drawn over the traffic (the layout keeps a place for each, clear of everything else).
    this.districtLabels = this.districts.map((d, k) =>
      this.add.text(0, 0, displayText(districtName(d.key)), {
        fontFamily: FONT,
        fontSize: '16px',
        fontStyle: 'italic bold',
        color: districtColours(d.key, k).ink,
        stroke: '#0d1b2a',
        strokeThickness: 3,
      }),
    );

    scenario.services.forEach((service, i) => {
      const label = this.add.text(0, 0, displayText(service.name), {
        fontFamily: FONT,
        fontSize: '16px',
        color: TEXT_COLOUR,
        align: 'center',
        stroke: '#0d1b2a',
        strokeThickness: 3,
        lineSpacing: -2,
      });
      this.labels.push(label);
      const zone = this.add.zone(0, 0, 10, 10).setInteractive({ useHandCursor: true });
      zone.on('pointerover', () => (this.hovered = i));
      zone.on('pointerout', () => {
        if (this.hovered === i) this.hovered = -1;
        if (this.dismissed === i) this.dismissed = -1;
      });
      zone.on('pointerdown', () => {
        this.dismissed = i;
        this.drill.getState().select(service.id);
      });
      this.zones.push(zone);
    });
    // No attacker in the scenario, no "Internet (attack sources)" on the map.
    this.internetLabel =
      scenario.attacks.length > 0
        ? this.add.text(0, 0, internetLabel(), {
            fontFamily: FONT,
            fontSize: '16px',
            color: '#e8b5d3',
            stroke: '#0d1b2a',
            strokeThickness: 4,
          })
        : null;
    this.tooltip = this.add
      .text(0, 0, '', {
        fontFamily: FONT,
        fontSize: '16px',
        color: TEXT_COLOUR,
        backgroundColor: '#0b1620',
        padding: { left: 8, right: 8, top: 6, bottom: 6 },
      })
      .setDepth(10)
      .setVisible(false);

    // The panels around the map appear with the drill (Start): take the map's size now, so that the first
    // layout is the one shown. Otherwise scaleSync.ts's ResizeObserver refreshes the scale just before the
    // first frame and the whole city is laid out and painted a second time (measured: 77 ms of a cold load).
    if (this.scale.getParentBounds()) this.scale.refresh();
    this.layout();
    this.scale.on(Phaser.Scale.Events.RESIZE, this.relayout, this);

    const unsubscribe = drill.subscribe(
      (s) => s.ended || s.stopped,
      (over) => {
        if (over) this.scene.start('Debrief');
      },
    );
    const hook = testHookOf(this);
    if (hook) {
      hook.locator = (id) => this.pagePoint(id);
      hook.mapLayout = () => this.layoutView();
    }

    session.getState().setScreen('city');
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      unsubscribe();
      this.scale.off(Phaser.Scale.Events.RESIZE, this.relayout, this);
      if (hook) {
        hook.locator = null;
        hook.mapLayout = null;
      }
    });
  }

  override update(_time: number, delta: number): void {
    // The only game logic in the frame loop: feed the clock. The store steps the engine and publishes once.
    // The raw frame time, not Phaser's smoothed `delta`: Phaser clamps that to 16.7 ms for 120 frames after
    // boot or a focus change, which ran the drill's clock slow on big cities (measured: 283 of 488 ticks in 10 s
    // on a 1,000-service city). The store caps a frame at 250 ms itself.
    this.drill.getState().frame(this.game.loop.rawDelta);
    this.draw(delta);
  }

  /** On a resize: lay the city out again if its size or its text size changed (a refresh may change neither). */
  private relayout(): void {
    if (this.layoutKey === this.sizeKey()) return;
    this.layout();
  }

  private sizeKey(): string {
    return `${this.scale.width}×${this.scale.height}:${mapFontPx(window.innerWidth, window.innerHeight)}`;
  }

  /**
   * Text size from the window (≥ 16 px, growing with it), then the layout: services near the author's
   * positions, each label on a free side of its service, nothing overlapping and nothing off the canvas.
   */
  private layout(): void {
    const { width, height } = this.scale;
    const { scenario } = this.drill.getState();
    this.layoutKey = this.sizeKey();
    const f = mapFontPx(window.innerWidth, window.innerHeight);
    this.fontPx = f;
    this.radius = markerRadius(f);
    const half = markerHalf(this.radius);
    // Two ways to wrap each label: wide and short (preferred), or narrow and tall for tight spots.
    // (One on a city too big to lay out: measuring thousands of texts would hold up its first frame.)
    const wraps = scenario.services.length <= MAX_WINDOWED ? [f * 11, f * 7.5] : [f * 11];
    const nodes: LayoutNode[] = scenario.services.map((s, i) => ({
      x: s.x,
      y: s.y,
      half,
      labels: wraps.map((wrap) => this.measure(this.labels[i]!, s.name, wrap)),
    }));
    if (this.internetLabel) {
      const r = Math.max(8, Math.round(this.radius * 0.8));
      this.internetLabel.setFontSize(f).setWordWrapWidth(null).setText(internetLabel());
      this.internet = { x: GAP + r, y: GAP + r, r };
      nodes.push({
        x: this.internet.x,
        y: this.internet.y,
        pinned: true,
        half: r,
        labels: [{ w: this.internetLabel.width, h: this.internetLabel.height }],
      });
    }
    // Each district's name is laid out like a service with no marker, starting beside its most central
    // service (a district's services can be far apart: their mean may be in another district): the solver
    // finds it a free place there.
    const firstDistrict = nodes.length;
    const districtWraps: (number | null)[][] = [];
    this.districts.forEach((d, k) => {
      // Two shapes: on one line, or wrapped in two (a narrow place between services).
      const label = this.districtLabels[k]!.setFontSize(f).setWordWrapWidth(null);
      const wide = { w: Math.ceil(label.width), h: Math.ceil(label.height) };
      const narrowWrap = Math.ceil(wide.w * 0.6);
      label.setWordWrapWidth(narrowWrap);
      const narrow = { w: Math.ceil(label.width), h: Math.ceil(label.height) };
      label.setWordWrapWidth(null);
      districtWraps.push([null, narrowWrap]);
      const home = scenario.services[d.members[districtHome(d.members.map((i) => scenario.services[i]!))]!]!;
      // A step from it towards the middle of the map, where there is more room than at an edge.
      const dx = 500 - home.x;
      const dy = 500 - home.y;
      const step = NAME_STEP / (Math.hypot(dx, dy) || 1);
      nodes.push({
        x: home.x + dx * step,
        y: home.y + dy * step,
        half: 0,
        labels: [wide, narrow],
      });
    });
    // Keep clear of the "Paused" banner, a DOM pill floating over the top centre of the canvas.
    const banner = { x: width / 2 - BANNER.w / 2, y: 0, w: BANNER.w, h: BANNER.h };
    const placed = layoutCity({ width, height, nodes, gap: GAP, reserved: [banner] });
    this.placed = placed;
    this.points = placed.nodes.slice(0, scenario.services.length).map((p) => ({ x: p.x, y: p.y }));
    placed.nodes.forEach((p, i) => {
      if (i >= firstDistrict) {
        const k = i - firstDistrict;
        this.districtLabels[k]!.setWordWrapWidth(districtWraps[k]![p.shape] ?? null);
        anchorLabel(this.districtLabels[k]!, p.label, p.side);
        return;
      }
      const label = i < this.labels.length ? this.labels[i]! : this.internetLabel!;
      if (i < this.labels.length) label.setWordWrapWidth(wraps[p.shape]!);
      anchorLabel(label, p.label, p.side);
    });
    this.zones.forEach((zone, i) => {
      const p = this.points[i]!;
      zone.setPosition(p.x, p.y);
      zone.setSize(half * 2, half * 2);
      zone.input?.hitArea.setTo(0, 0, half * 2, half * 2);
    });
    this.tooltip.setFontSize(f).setWordWrapWidth(f * 22);
    this.tooltipKey = '';
    this.crowds = new CrowdPainter(this.gfx, Math.max(3, f * 0.25));
    this.half = half;
    const crowdRadius = this.crowds.radiusFor(MAX_FIGURES);
    const districtRects = placed.nodes.slice(firstDistrict).map((p) => p.label);
    this.crowdSpots = crowdSpots(
      placed.nodes.slice(0, scenario.services.length),
      crowdRadius,
      { width, height },
      [banner, ...districtRects],
    );
    this.groundRuns = districtGround({
      width,
      height,
      points: this.points,
      districtOf: this.districtOf,
      labels: districtRects,
      cell: Math.max(4, Math.round(this.fontPx / 2)),
      reach: Math.max(half * 3, this.fontPx * 4),
    });
    this.paintGround();
    this.paintMarkers();
    this.markers.forEach((m, i) => m.setPosition(this.points[i]!.x, this.points[i]!.y));
  }

  /** The eight status markers (status × critical) at this size, each drawn once into a texture. */
  private paintMarkers(): void {
    const r = this.radius;
    // Room for the widest shape (the degraded triangle, 1.3 r), the critical ring (1.6 r) and their outlines.
    const size = 2 * Math.ceil(r * 1.6 + 3);
    this.markers.forEach((m) => m.setTexture('__DEFAULT'));
    this.markerShown.fill('');
    for (const status of STATUSES)
      for (const critical of [false, true]) {
        const key = markerTexture(status, critical);
        const g = this.make.graphics({}, false);
        drawServiceMarker(g, size / 2, size / 2, r, status, critical);
        if (this.textures.exists(key)) this.textures.remove(key);
        g.generateTexture(key, size, size);
        g.destroy();
      }
  }

  /**
   * Streets, districts, roads along the dependencies, a building per service and the dependencies' lines (all
   * but the cut ones), baked into one texture: drawn again only when the layout or the cut links change.
   */
  private paintGround(): void {
    const { width, height } = this.scale;
    const { scenario } = this.drill.getState();
    const g = this.make.graphics({}, false);
    g.fillStyle(COLOURS.background, 1);
    g.fillRect(0, 0, width, height);
    drawStreets(g, width, height, this.fontPx);
    drawDistrictGround(g, this.groundRuns, (k) => districtColours(this.districts[k]!.key, k).ground);
    for (const d of scenario.dependencies) {
      const a = this.points[d.from]!;
      const b = this.points[d.to]!;
      drawRoad(g, a.x, a.y, b.x, b.y, Math.max(6, this.radius * 0.9));
    }
    const half = this.half;
    scenario.services.forEach((s, i) => drawBuilding(g, s.kind, this.points[i]!.x, this.points[i]!.y, half));
    // Dependencies: requests flow from the dependant to what it depends on (an arrowhead at that end).
    for (const hard of [true, false]) {
      const colour = hard ? COLOURS.edge : COLOURS.edgeSoft;
      g.lineStyle(hard ? 2 : 1.5, colour, 1);
      g.beginPath();
      scenario.dependencies.forEach((d, e) => {
        if (d.hard !== hard || this.cut.has(e)) return;
        const { ax, ay, bx, by } = this.edgeEnds(e);
        if (hard) {
          g.moveTo(ax, ay);
          g.lineTo(bx, by);
        } else dashes(g, ax, ay, bx, by, 10, 5);
      });
      g.strokePath();
      g.fillStyle(colour, 1);
      scenario.dependencies.forEach((d, e) => {
        if (d.hard !== hard || this.cut.has(e)) return;
        const { bx, by, ux, uy } = this.edgeEnds(e);
        g.fillTriangle(
          bx,
          by,
          bx - ux * 9 - uy * 5,
          by - uy * 9 + ux * 5,
          bx - ux * 9 + uy * 5,
          by - uy * 9 - ux * 5,
        );
      });
    }
    this.ground.setTexture('__DEFAULT');
    if (this.textures.exists(GROUND_TEXTURE)) this.textures.remove(GROUND_TEXTURE);
    g.generateTexture(GROUND_TEXTURE, Math.max(1, Math.ceil(width)), Math.max(1, Math.ceil(height)));
    g.destroy();
    this.ground.setTexture(GROUND_TEXTURE).setPosition(0, 0);
  }

  /** Where dependency `e`'s line starts and ends (clear of both markers), and its direction. */
  private edgeEnds(e: number): { ax: number; ay: number; bx: number; by: number; ux: number; uy: number } {
    const d = this.drill.getState().scenario.dependencies[e]!;
    const r = this.radius;
    const a = this.points[d.from]!;
    const b = this.points[d.to]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const ux = (b.x - a.x) / len;
    const uy = (b.y - a.y) / len;
    return {
      ax: a.x + ux * r * 1.3,
      ay: a.y + uy * r * 1.3,
      bx: b.x - ux * r * 1.5,
      by: b.y - uy * r * 1.5,
      ux,
      uy,
    };
  }

  /**
   * The size a service's label can reach: its name and the longest status line, wrapped at `wrap`. Kept per
   * name, text size and wrap: the panels appearing around the map resize it just before the first frame, and
   * the second layout then measures nothing again (measured: 75 ms of a cold load).
   */
  private measure(label: Phaser.GameObjects.Text, name: string, wrap: number): { w: number; h: number } {
    const key = `${this.fontPx}|${wrap}|${name}`;
    const known = this.measured.get(key);
    if (known) {
      // Back to a text size measured before: the label still needs it (the wrap is set when it is placed).
      if (label.style.fontSize !== `${this.fontPx}px`) label.setFontSize(this.fontPx);
      return known;
    }
    const size = this.measureNow(label, name, wrap);
    this.measured.set(key, size);
    return size;
  }

  private measureNow(label: Phaser.GameObjects.Text, name: string, wrap: number): { w: number; h: number } {
    label.setFontSize(this.fontPx).setWordWrapWidth(wrap);
    let w = 0;
    let h = 0;
    for (const detail of WIDEST_DETAILS) {
      label.setText(`${name}\n${detail}`);
      w = Math.max(w, label.width);
      h = Math.max(h, label.height);
    }
    label.setText(name);
    return { w: Math.ceil(w), h: Math.ceil(h) };
  }

  /** Every marker and text as drawn now, in canvas pixels (for the layout test, through the test hook). */
  private layoutView(): MapLayoutView {
    const { scenario } = this.drill.getState();
    const items: MapLayoutView['items'] = [];
    const text = (id: string, t: Phaser.GameObjects.Text) => {
      if (!t.visible) return; // a label a big city does not show (its place stays reserved)
      const b = t.getBounds();
      items.push({
        id,
        kind: 'label',
        rect: { x: b.x, y: b.y, w: b.width, h: b.height },
        fontPx: parseFloat(String(t.style.fontSize)),
        text: t.text,
      });
    };
    scenario.services.forEach((s, i) => {
      const node = this.placed?.nodes[i]?.node;
      if (node) items.push({ id: s.id, kind: 'marker', rect: { ...node }, fontPx: null, text: '' });
      text(s.id, this.labels[i]!);
    });
    if (this.internetLabel) {
      const { x, y, r } = this.internet;
      items.push({
        id: 'internet',
        kind: 'marker',
        rect: { x: x - r, y: y - r, w: 2 * r, h: 2 * r },
        fontPx: null,
        text: '',
      });
      text('internet', this.internetLabel);
    }
    this.districts.forEach((d, k) => text(`district:${d.key}`, this.districtLabels[k]!));
    if (this.tooltip.visible) text('tooltip', this.tooltip);
    return {
      width: this.scale.width,
      height: this.scale.height,
      items,
      figures: this.crowds.figures,
      moving: !this.still,
    };
  }

  /** Page (CSS pixel) coordinates of a service: used by the browser tests to click it. */
  private pagePoint(id: string): { x: number; y: number } | null {
    const i = this.drill.getState().scenario.services.findIndex((s) => s.id === id);
    const p = this.points[i];
    if (!p) return null;
    const rect = this.game.canvas.getBoundingClientRect();
    return {
      x: rect.left + (p.x * rect.width) / this.scale.width,
      y: rect.top + (p.y * rect.height) / this.scale.height,
    };
  }

  private draw(delta: number): void {
    const g = this.gfx;
    const s = this.drill.getState();
    const { scenario } = s;
    const st = s.sim.state;
    const running = !s.paused && !s.waitingForAnswer && !s.ended && !s.stopped;
    const dt = running && !this.still ? Math.min(delta, 100) / 1000 : 0;
    const r = this.radius;
    g.clear();

    // Links the commander has cut (effective isolate orders): the ground is baked without their lines.
    const cut = new Set<number>();
    for (const m of st.mitigations)
      if (m.effective && scenario.mitigations[m.mitigation]!.kind === 'isolate') cut.add(m.target);
    const cutKey = [...cut].sort((a, b) => a - b).join(',');
    if (cutKey !== this.cutKey) {
      this.cut = cut;
      this.cutKey = cutKey;
      this.paintGround();
    }
    if (cut.size > 0) {
      g.lineStyle(2, COLOURS.isolated, 0.9);
      g.beginPath();
      for (const e of cut) {
        const { ax, ay, bx, by } = this.edgeEnds(e);
        dashes(g, ax, ay, bx, by, 4, 8);
        const mx = (ax + bx) / 2;
        const my = (ay + by) / 2;
        g.moveTo(mx - 6, my - 6);
        g.lineTo(mx + 6, my + 6);
        g.moveTo(mx + 6, my - 6);
        g.lineTo(mx - 6, my + 6);
      }
      g.strokePath();
    }

    // Traffic on the other links: dots whose speed grows with the load, attack traffic dashed beside the line
    // with square dots. Each kind in one path (one fill or stroke for the canvas, not one per dot).
    const dots = this.big ? DOTS_WHEN_BIG : DOTS;
    const dotR = Math.max(2, r * 0.14);
    const attacked: number[] = [];
    g.fillStyle(COLOURS.flow, 0.9);
    g.beginPath();
    scenario.dependencies.forEach((d, e) => {
      if (cut.has(e)) return;
      const from = st.services[d.from]!;
      const capacity = Math.max(1, scenario.services[d.to]!.capacity);
      if (from.attackRps * d.attackShare > 0.5) attacked.push(e);
      const legit = from.legitRps * d.share;
      if (legit <= 0.5) return;
      const { ax, ay, bx, by } = this.edgeEnds(e);
      const load = Math.min(1.5, legit / capacity);
      this.legitPhase[e] = (this.legitPhase[e]! + dt * (0.12 + 0.9 * load)) % 1;
      for (let k = 0; k < dots; k++) {
        const t = (this.legitPhase[e]! + k / dots) % 1;
        const x = ax + (bx - ax) * t;
        const y = ay + (by - ay) * t;
        g.moveTo(x + dotR, y);
        g.arc(x, y, dotR, 0, Math.PI * 2);
      }
    });
    g.fillPath();
    if (attacked.length > 0) {
      g.lineStyle(2.5, COLOURS.attack, 0.95);
      g.beginPath();
      for (const e of attacked) {
        const { ax, ay, bx, by, ux, uy } = this.edgeEnds(e);
        dashes(g, ax - uy * 5, ay + ux * 5, bx - uy * 5, by + ux * 5, 8, 6);
      }
      g.strokePath();
      g.fillStyle(COLOURS.attack, 1);
      const size = Math.max(4, r * 0.3);
      for (const e of attacked) {
        const d = scenario.dependencies[e]!;
        const attack = st.services[d.from]!.attackRps * d.attackShare;
        const load = Math.min(1.5, attack / Math.max(1, scenario.services[d.to]!.capacity));
        const { ax, ay, bx, by, ux, uy } = this.edgeEnds(e);
        const ox = -uy * 5;
        const oy = ux * 5;
        this.attackPhase[e] = (this.attackPhase[e]! + dt * (0.2 + 0.9 * load)) % 1;
        for (let k = 0; k < dots; k++) {
          const t = (this.attackPhase[e]! + k / dots) % 1;
          g.fillRect(ax + ox + (bx - ax) * t - size / 2, ay + oy + (by - ay) * t - size / 2, size, size);
        }
      }
    }

    // Attack traffic entering from the internet, to each attacked service.
    const { x: ix, y: iy } = this.internet;
    const direct = new Float64Array(scenario.services.length);
    scenario.attacks.forEach((def, a) => {
      const at = st.attacks[a]!;
      if (at.on) direct[at.target]! += attackRpsAt(def.keyframes, at, st.tick);
    });
    let anyAttack = false;
    direct.forEach((rps, t) => {
      if (rps <= 0.5) return;
      anyAttack = true;
      const p = this.points[t]!;
      const load = Math.min(1.5, rps / Math.max(1, scenario.services[t]!.capacity));
      g.lineStyle(2 + Math.min(4, load * 3), COLOURS.attack, 0.9);
      dashedLine(g, ix, iy, p.x, p.y, 10, 7);
      this.directPhase[t] = (this.directPhase[t]! + dt * (0.2 + 0.5 * load)) % 1;
      g.fillStyle(COLOURS.attack, 1);
      const size = Math.max(5, r * 0.35);
      for (let k = 0; k < DOTS; k++) {
        const tt = (this.directPhase[t]! + k / DOTS) % 1;
        g.fillRect(ix + (p.x - ix) * tt - size / 2, iy + (p.y - iy) * tt - size / 2, size, size);
      }
    });
    if (this.internetLabel) {
      g.fillStyle(COLOURS.attack, anyAttack ? 1 : 0.35);
      g.fillCircle(ix, iy, this.internet.r);
      this.internetLabel.setAlpha(anyAttack ? 1 : 0.6);
    }

    // People: crowds of the stranded, lines at counters and ATMs, walkers sent along by a workaround.
    const people = cityPeople(scenario, st);
    this.walkPhase = (this.walkPhase + dt * 0.08) % 1;
    this.bobPhase = (this.bobPhase + dt * 0.7) % 1;
    this.crowds.begin();
    for (const w of people.walkers) {
      const a = this.points[w.from]!;
      const b = this.points[w.to]!;
      this.crowds.walkers(a.x, a.y, b.x, b.y, w.people, this.walkPhase);
    }
    this.crowdSpots.forEach((spot, i) => {
      const p = this.points[i]!;
      // The line starts at the door (the building's edge, towards the crowd) and runs past the crowd's side.
      const door = this.half + this.fontPx * 0.3;
      this.crowds.queue(p.x + spot.ux * door, p.y + spot.uy * door, spot.ux, spot.uy, people.queuing[i]!);
      this.crowds.crowd(spot.x, spot.y, people.stranded[i]!, this.bobPhase);
    });

    // Services: lit windows (not on a city too big to see them: four rectangles a service every frame), then
    // the status markers in front.
    if (scenario.services.length <= MAX_WINDOWED)
      drawWindows(
        g,
        scenario.services.map((def, i) => ({
          kind: def.kind,
          x: this.points[i]!.x,
          y: this.points[i]!.y,
          availability: st.services[i]!.availability,
        })),
        this.half,
      );
    scenario.services.forEach((def, i) => {
      const p = this.points[i]!;
      const sv = st.services[i]!;
      if (s.selected === def.id) {
        g.lineStyle(4, COLOURS.selected, 1);
        g.strokeCircle(p.x, p.y, r * 1.95);
      } else if (this.hovered === i) {
        g.lineStyle(2, COLOURS.outline, 0.7);
        g.strokeCircle(p.x, p.y, r * 1.85);
      }
      const key = markerTexture(sv.status, def.critical);
      if (this.markerShown[i] !== key) {
        this.markerShown[i] = key;
        this.markers[i]!.setTexture(key);
      }
      const offline = sv.cause === 'maintenance' || sv.cause === 'shed';
      // Shape and glyph carry the status; the words add it (and the load) only when something is wrong.
      const detail = statusDetail(sv.status, sv.utilisation, offline);
      // A city too big to read every name shows the names of the services in trouble (and of the one hovered
      // or selected); the map table lists them all. Every label keeps its reserved place.
      const label = this.labels[i]!;
      const shown = !this.big || detail !== '' || s.selected === def.id || this.hovered === i;
      if (shown) {
        const text = displayText(detail ? `${def.name}\n${detail}` : def.name);
        if (label.text !== text) label.setText(text);
      }
      if (label.visible !== shown) label.setVisible(shown);
    });

    this.drawTooltip();
  }

  private drawTooltip(): void {
    const i = this.hovered;
    if (i < 0 || i === this.dismissed) {
      this.tooltip.setVisible(false);
      return;
    }
    const { scenario, sim } = this.drill.getState();
    const def = scenario.services[i]!;
    const sv = sim.state.services[i]!;
    const why = explainCause(scenario, sim.state, i)[0]?.text ?? sv.status;
    // Short (a tall tooltip cannot avoid the neighbours on a projector-sized map): the panel has the rest.
    const lines = [
      def.name,
      why,
      `Load ${percentLabel(sv.utilisation)} · queue ${countLabel(sv.queue)} · ${latencyLabel(sv.latencyMs)}`,
    ];
    const crowd = cityPeople(scenario, sim.state);
    if (crowd.stranded[i]! >= 1) lines.push(`Customers stranded: ${countLabel(crowd.stranded[i]!)}`);
    if (crowd.queuing[i]! >= 1) lines.push(`People in line: ${countLabel(crowd.queuing[i]!)}`);
    if (sv.attackRps > 0.5 || sv.retryRps > 0.5)
      lines.push(`Attack ${rpsLabel(sv.attackRps)} · retries ${rpsLabel(sv.retryRps)}`);
    const text = displayText(lines.join('\n'));
    if (this.tooltip.text !== text) this.tooltip.setText(text);
    // Placed once per service and size (a scan of the canvas), not every frame.
    const key = `${i}:${this.tooltip.width}:${this.tooltip.height}:${this.scale.width}:${this.scale.height}`;
    if (key !== this.tooltipKey) {
      this.tooltipKey = key;
      this.tooltipAt = tooltipPlace(
        { w: this.tooltip.width, h: this.tooltip.height },
        i,
        this.placed?.nodes ?? [],
        { width: this.scale.width, height: this.scale.height },
      );
    }
    const { x, y } = this.tooltipAt;
    this.tooltip.setPosition(x, y).setVisible(true);
  }
}
