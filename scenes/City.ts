import Phaser from 'phaser';
import { attackRpsAt } from '../src/engine';
// Service names come from the scenario file: bidirectional overrides are removed before Phaser draws them.
import { displayText } from '../src/run/text';
import type { GameStore } from '../src/store';
import { countLabel, latencyLabel, percentLabel, rpsLabel } from '../src/store/format';
import { explainCause } from '../src/store/selectors';
import { sessionOf, testHookOf } from './context';
import { COLOURS, dashedLine, drawServiceMarker, FONT, TEXT_COLOUR } from './palette';

/** Where attack traffic enters the map (drawn as the "Internet" node). */
const INTERNET = { x: 0.02, y: 0.03 };
/** Dots per edge; their speed, and so the rate they pass at, grows with the load. */
const DOTS = 3;

/**
 * The city: services at the scenario's map positions (0–1000 scaled to the canvas), dependencies as lines with
 * dots whose rate shows the load, attack traffic dashed and purple with square dots, status as colour + shape +
 * glyph + word. Hover shows queue and latency; a click selects the service (the DOM panel opens it).
 *
 * update() feeds the clock (the store steps the engine) and animates what the engine decided. Nothing here
 * decides anything: the dots' motion is decoration driven by the published state, and freezes with the clock.
 */
export class City extends Phaser.Scene {
  private drill!: GameStore;
  private gfx!: Phaser.GameObjects.Graphics;
  private labels: Phaser.GameObjects.Text[] = [];
  private zones: Phaser.GameObjects.Zone[] = [];
  private internetLabel!: Phaser.GameObjects.Text;
  private tooltip!: Phaser.GameObjects.Text;
  private points: { x: number; y: number }[] = [];
  private radius = 16;
  private hovered = -1;
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
    this.labels = [];
    this.zones = [];
    const { scenario } = drill.getState();
    this.cameras.main.setBackgroundColor(COLOURS.background);
    this.legitPhase = new Float64Array(scenario.dependencies.length);
    this.attackPhase = new Float64Array(scenario.dependencies.length);
    this.directPhase = new Float64Array(scenario.services.length);
    this.gfx = this.add.graphics();

    scenario.services.forEach((service, i) => {
      const label = this.add
        .text(0, 0, displayText(service.name), {
          fontFamily: FONT,
          fontSize: '14px',
          color: TEXT_COLOUR,
          align: 'center',
          stroke: '#0d1b2a',
          strokeThickness: 4,
        })
        .setOrigin(0.5, 0);
      this.labels.push(label);
      const zone = this.add.zone(0, 0, 10, 10).setInteractive({ useHandCursor: true });
      zone.on('pointerover', () => (this.hovered = i));
      zone.on('pointerout', () => {
        if (this.hovered === i) this.hovered = -1;
      });
      zone.on('pointerdown', () => this.drill.getState().select(service.id));
      this.zones.push(zone);
    });
    this.internetLabel = this.add.text(0, 0, 'Internet (attack sources)', {
      fontFamily: FONT,
      fontSize: '13px',
      color: '#e8b5d3',
      align: 'left',
    });
    this.tooltip = this.add
      .text(0, 0, '', {
        fontFamily: FONT,
        fontSize: '14px',
        color: TEXT_COLOUR,
        backgroundColor: '#0b1620',
        padding: { left: 8, right: 8, top: 6, bottom: 6 },
      })
      .setDepth(10)
      .setVisible(false);

    this.layout();
    this.scale.on(Phaser.Scale.Events.RESIZE, this.layout, this);

    const unsubscribe = drill.subscribe(
      (s) => s.ended || s.stopped,
      (over) => {
        if (over) this.scene.start('Debrief');
      },
    );
    const hook = testHookOf(this);
    if (hook) hook.locator = (id) => this.pagePoint(id);

    session.getState().setScreen('city');
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      unsubscribe();
      this.scale.off(Phaser.Scale.Events.RESIZE, this.layout, this);
      if (hook) hook.locator = null;
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

  /**
   * Map coordinates → canvas. The scenario's positions (0–1000) are stretched so that the box they occupy fills
   * the canvas (minus margins for labels): a city drawn in one corner of the 0–1000 square still uses the screen.
   */
  private layout(): void {
    const { width, height } = this.scale;
    const { scenario } = this.drill.getState();
    this.radius = Phaser.Math.Clamp(Math.min(width, height) / 40, 10, 24);
    const fontSize = Math.round(Phaser.Math.Clamp(height / 42, 12, 20));
    const xs = scenario.services.map((s) => s.x);
    const ys = scenario.services.map((s) => s.y);
    const box = { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
    const left = Math.max(80, width * 0.08);
    const right = Math.max(80, width * 0.08);
    const top = Math.max(64, height * 0.12);
    const bottom = Math.max(40, height * 0.08);
    const fit = (v: number, lo: number, hi: number, from: number, to: number) =>
      hi > lo ? from + ((v - lo) / (hi - lo)) * (to - from) : (from + to) / 2;
    this.points = scenario.services.map((s) => ({
      x: fit(s.x, box.x0, box.x1, left, width - right),
      y: fit(s.y, box.y0, box.y1, top, height - bottom),
    }));
    this.zones.forEach((zone, i) => {
      const p = this.points[i]!;
      zone.setPosition(p.x, p.y);
      zone.setSize(this.radius * 2.8, this.radius * 2.8);
      zone.input?.hitArea.setTo(0, 0, this.radius * 2.8, this.radius * 2.8);
    });
    this.internetLabel.setFontSize(Math.max(12, fontSize - 2));
    this.internetLabel.setPosition(INTERNET.x * width + 22, INTERNET.y * height + 10).setOrigin(0, 0.5);
    this.placeLabels(fontSize, Math.max(120, width / 6));
    this.tooltip.setFontSize(fontSize);
  }

  /**
   * Put each label below, above, right or left of its service — the first place that covers no other service
   * and no label placed before it (or, failing that, the place that covers least). Sized for the longest text a
   * label shows (name + a status line), so labels keep their place as the status changes.
   */
  private placeLabels(fontSize: number, wrap: number): void {
    const { scenario } = this.drill.getState();
    const r = this.radius;
    const { width, height } = this.scale;
    type Rect = { x: number; y: number; w: number; h: number };
    const overlap = (a: Rect, b: Rect) =>
      Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) *
      Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
    const nodes: Rect[] = this.points.map((p) => ({
      x: p.x - r * 1.7,
      y: p.y - r * 1.7,
      w: r * 3.4,
      h: r * 3.4,
    }));
    // The Internet marker and its label (top-left) are taken.
    const placed: Rect[] = [
      {
        x: 0,
        y: 0,
        w: this.internetLabel.x + this.internetLabel.width + 4,
        h: this.internetLabel.y + this.internetLabel.height / 2 + 4,
      },
    ];
    const order = this.points
      .map((_, i) => i)
      .sort((a, b) => this.points[a]!.y - this.points[b]!.y || this.points[a]!.x - this.points[b]!.x);
    for (const i of order) {
      const p = this.points[i]!;
      const label = this.labels[i]!;
      label.setFontSize(fontSize);
      label.setWordWrapWidth(wrap);
      label.setText(displayText(`${scenario.services[i]!.name}\nrecovering · 100 %`));
      const w = label.width;
      const h = label.height;
      const gap = r * 1.5;
      const d = r * 1.2;
      const candidates: { rect: Rect; ox: number; oy: number; x: number; y: number; align: string }[] = [
        {
          rect: { x: p.x - w / 2, y: p.y + gap, w, h },
          ox: 0.5,
          oy: 0,
          x: p.x,
          y: p.y + gap,
          align: 'center',
        },
        {
          rect: { x: p.x - w / 2, y: p.y - gap - h, w, h },
          ox: 0.5,
          oy: 1,
          x: p.x,
          y: p.y - gap,
          align: 'center',
        },
        { rect: { x: p.x + gap, y: p.y - h / 2, w, h }, ox: 0, oy: 0.5, x: p.x + gap, y: p.y, align: 'left' },
        {
          rect: { x: p.x - gap - w, y: p.y - h / 2, w, h },
          ox: 1,
          oy: 0.5,
          x: p.x - gap,
          y: p.y,
          align: 'right',
        },
        { rect: { x: p.x + d, y: p.y + d, w, h }, ox: 0, oy: 0, x: p.x + d, y: p.y + d, align: 'left' },
        { rect: { x: p.x - d - w, y: p.y + d, w, h }, ox: 1, oy: 0, x: p.x - d, y: p.y + d, align: 'right' },
        { rect: { x: p.x + d, y: p.y - d - h, w, h }, ox: 0, oy: 1, x: p.x + d, y: p.y - d, align: 'left' },
        {
          rect: { x: p.x - d - w, y: p.y - d - h, w, h },
          ox: 1,
          oy: 1,
          x: p.x - d,
          y: p.y - d,
          align: 'right',
        },
      ];
      let best = candidates[0]!;
      let bestCost = Infinity;
      for (const c of candidates) {
        let cost = 0;
        nodes.forEach((n, j) => {
          if (j !== i) cost += overlap(c.rect, n) * 3;
        });
        for (const q of placed) cost += overlap(c.rect, q);
        const inside = overlap(c.rect, { x: 0, y: 0, w: width, h: height });
        cost += (w * h - inside) * 2;
        if (cost < bestCost) {
          best = c;
          bestCost = cost;
        }
        if (cost === 0) break;
      }
      label.setOrigin(best.ox, best.oy).setPosition(best.x, best.y).setAlign(best.align);
      placed.push(best.rect);
    }
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
    const dt = running ? Math.min(delta, 100) / 1000 : 0;
    const r = this.radius;
    g.clear();

    // Links the commander has cut (effective isolate orders).
    const cut = new Set<number>();
    for (const m of st.mitigations)
      if (m.effective && scenario.mitigations[m.mitigation]!.kind === 'isolate') cut.add(m.target);

    // Dependencies: requests flow from the dependant to what it depends on.
    scenario.dependencies.forEach((d, e) => {
      const a = this.points[d.from]!;
      const b = this.points[d.to]!;
      const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
      const ux = (b.x - a.x) / len;
      const uy = (b.y - a.y) / len;
      const ax = a.x + ux * r * 1.3;
      const ay = a.y + uy * r * 1.3;
      const bx = b.x - ux * r * 1.5;
      const by = b.y - uy * r * 1.5;
      if (cut.has(e)) {
        g.lineStyle(2, COLOURS.isolated, 0.9);
        dashedLine(g, ax, ay, bx, by, 4, 8);
        const mx = (ax + bx) / 2;
        const my = (ay + by) / 2;
        g.lineBetween(mx - 6, my - 6, mx + 6, my + 6);
        g.lineBetween(mx + 6, my - 6, mx - 6, my + 6);
        return;
      }
      g.lineStyle(d.hard ? 2 : 1.5, d.hard ? COLOURS.edge : COLOURS.edgeSoft, 1);
      if (d.hard) g.lineBetween(ax, ay, bx, by);
      else dashedLine(g, ax, ay, bx, by, 10, 5);
      // Arrowhead at the dependency end.
      g.fillStyle(d.hard ? COLOURS.edge : COLOURS.edgeSoft, 1);
      g.fillTriangle(
        bx,
        by,
        bx - ux * 9 - uy * 5,
        by - uy * 9 + ux * 5,
        bx - ux * 9 + uy * 5,
        by - uy * 9 - ux * 5,
      );

      const from = st.services[d.from]!;
      const capacity = Math.max(1, scenario.services[d.to]!.capacity);
      const legit = from.legitRps * d.share;
      if (legit > 0.5) {
        const load = Math.min(1.5, legit / capacity);
        this.legitPhase[e] = (this.legitPhase[e]! + dt * (0.12 + 0.9 * load)) % 1;
        g.fillStyle(COLOURS.flow, 0.9);
        for (let k = 0; k < DOTS; k++) {
          const t = (this.legitPhase[e]! + k / DOTS) % 1;
          g.fillCircle(ax + (bx - ax) * t, ay + (by - ay) * t, Math.max(2, r * 0.14));
        }
      }
      const attack = from.attackRps * d.attackShare;
      if (attack > 0.5) {
        const load = Math.min(1.5, attack / capacity);
        const ox = -uy * 5;
        const oy = ux * 5;
        g.lineStyle(2.5, COLOURS.attack, 0.95);
        dashedLine(g, ax + ox, ay + oy, bx + ox, by + oy, 8, 6);
        this.attackPhase[e] = (this.attackPhase[e]! + dt * (0.2 + 0.9 * load)) % 1;
        g.fillStyle(COLOURS.attack, 1);
        const size = Math.max(4, r * 0.3);
        for (let k = 0; k < DOTS; k++) {
          const t = (this.attackPhase[e]! + k / DOTS) % 1;
          g.fillRect(ax + ox + (bx - ax) * t - size / 2, ay + oy + (by - ay) * t - size / 2, size, size);
        }
      }
    });

    // Attack traffic entering from the internet, to each attacked service.
    const { width, height } = this.scale;
    const ix = INTERNET.x * width + 10;
    const iy = INTERNET.y * height + 10;
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
    g.fillStyle(COLOURS.attack, anyAttack ? 1 : 0.35);
    g.fillCircle(ix, iy, 9);
    this.internetLabel.setAlpha(anyAttack ? 1 : 0.5);

    // Services.
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
      drawServiceMarker(g, p.x, p.y, r, sv.status, def.critical);
      const offline = sv.cause === 'maintenance' || sv.cause === 'shed';
      // Shape and glyph carry the status; the words add it (and the load) only when something is wrong.
      const detail = offline
        ? 'offline (your order)'
        : sv.status === 'healthy' && sv.utilisation < 0.8
          ? ''
          : `${sv.status} · ${percentLabel(sv.utilisation)}`;
      const text = displayText(detail ? `${def.name}\n${detail}` : def.name);
      const label = this.labels[i]!;
      if (label.text !== text) label.setText(text);
    });

    this.drawTooltip();
  }

  private drawTooltip(): void {
    const i = this.hovered;
    if (i < 0) {
      this.tooltip.setVisible(false);
      return;
    }
    const { scenario, sim } = this.drill.getState();
    const def = scenario.services[i]!;
    const sv = sim.state.services[i]!;
    const why = explainCause(scenario, sim.state, i)[0]?.text ?? sv.status;
    const lines = [
      def.name,
      why,
      `Load ${percentLabel(sv.utilisation)} of ${rpsLabel(sv.capacityRps)}`,
      `Queue ${countLabel(sv.queue)} · latency ${latencyLabel(sv.latencyMs)}`,
      `Attack ${rpsLabel(sv.attackRps)} · retries ${rpsLabel(sv.retryRps)}`,
      'Click to open the service panel',
    ];
    const text = displayText(lines.join('\n'));
    if (this.tooltip.text !== text) this.tooltip.setText(text);
    const p = this.points[i]!;
    const { width, height } = this.scale;
    let x = p.x + this.radius * 2;
    let y = p.y - this.tooltip.height / 2;
    if (x + this.tooltip.width > width - 4) x = p.x - this.radius * 2 - this.tooltip.width;
    // Keep clear of the "Paused" banner (DOM, top centre) and inside the canvas.
    y = Phaser.Math.Clamp(y, 48, height - this.tooltip.height - 4);
    this.tooltip.setPosition(x, y).setVisible(true);
  }
}
