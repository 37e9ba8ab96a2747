/**
 * The live preview beside the text: the city's services drawn at the positions the scenario gives them (the
 * 0–1000 square of `map: { x, y }`), arrows from each service to what it depends on (solid: hard, dashed:
 * soft), critical services ringed, attacked ones marked. Redrawn from the compile worker's preview model;
 * when the text does not compile, the last good picture stays, dimmed, with a line that says so.
 */
import { t } from '../../i18n';
import type { PreviewModel } from '../../studio/preview';

const SVG = 'http://www.w3.org/2000/svg';
const RADIUS = 30;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export interface PreviewView {
  element: HTMLElement;
  show(model: PreviewModel): void;
  /** The text no longer compiles: keep the last picture, dimmed. */
  stale(reason: string): void;
}

export function createPreviewView(): PreviewView {
  const element = document.createElement('figure');
  element.className = 'studio-preview';
  element.id = 'studio-preview';
  const picture = svg('svg', {
    viewBox: '-60 -60 1120 1120',
    preserveAspectRatio: 'xMidYMid meet',
    role: 'img',
    'aria-label': t('studio:preview.label'),
  });
  const caption = document.createElement('figcaption');
  caption.className = 'small muted';
  caption.textContent = t('studio:preview.empty');
  element.append(picture, caption);

  const defs = svg('defs', {});
  const marker = svg('marker', {
    id: 'studio-arrow',
    viewBox: '0 0 10 10',
    refX: 10,
    refY: 5,
    markerWidth: 8,
    markerHeight: 8,
    orient: 'auto-start-reverse',
  });
  marker.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'studio-arrow-head' }));
  defs.append(marker);

  return {
    element,
    show(model) {
      element.classList.remove('stale');
      // A big city gets smaller labels so that neighbours' names overlap less.
      element.classList.toggle('crowded', model.services.length > 10);
      const byId = new Map(model.services.map((s) => [s.id, s]));
      const edges = svg('g', { class: 'studio-edges' });
      for (const d of model.dependencies) {
        const a = byId.get(d.from);
        const b = byId.get(d.to);
        if (!a || !b) continue;
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const len = Math.hypot(dx, dy) || 1;
        // From edge of circle to edge of circle, so the arrow head is visible.
        const line = svg('line', {
          x1: a.x + (dx / len) * RADIUS,
          y1: a.y + (dy / len) * RADIUS,
          x2: b.x - (dx / len) * (RADIUS + 4),
          y2: b.y - (dy / len) * (RADIUS + 4),
          class: d.hard ? 'studio-edge hard' : 'studio-edge soft',
          'marker-end': 'url(#studio-arrow)',
        });
        const title = svg('title', {});
        title.textContent = t(d.hard ? 'studio:preview.dependsHard' : 'studio:preview.dependsSoft', {
          from: a.name,
          to: b.name,
        });
        line.append(title);
        edges.append(line);
      }
      const nodes = svg('g', { class: 'studio-nodes' });
      for (const s of model.services) {
        const g = svg('g', {
          class: 'studio-node',
          'data-service': s.id,
          transform: `translate(${s.x} ${s.y})`,
        });
        const classes = ['studio-node-dot', s.critical ? 'critical' : '', s.attacked ? 'attacked' : ''];
        g.append(svg('circle', { r: RADIUS, class: classes.join(' ').trim() }));
        const label = svg('text', { y: RADIUS + 48, 'text-anchor': 'middle', class: 'studio-node-label' });
        label.textContent = s.name;
        const title = svg('title', {});
        const marks = [
          s.critical ? t('studio:preview.critical') : '',
          s.attacked ? t('studio:preview.attacked') : '',
        ].join('');
        title.textContent = `${s.name} (${s.id}, ${s.kind})${marks}`;
        g.append(label, title);
        nodes.append(g);
      }
      picture.replaceChildren(
        defs,
        svg('rect', { x: -60, y: -60, width: 1120, height: 1120, class: 'studio-map-bg' }),
        edges,
        nodes,
      );
      const attacked = model.services.filter((s) => s.attacked).length;
      caption.textContent = t('studio:preview.caption', {
        title: model.title,
        services: t('studio:preview.services', { count: model.services.length }),
        dependencies: t('studio:preview.dependencies', { count: model.dependencies.length }),
        attacked: t('studio:preview.underAttack', { count: attacked }),
        injects: t('studio:preview.injects', { count: model.injects.length }),
      });
    },
    stale(reason) {
      element.classList.add('stale');
      caption.textContent = reason;
    },
  };
}
