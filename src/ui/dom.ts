/**
 * Tiny DOM helpers. Text is only ever set with textContent: scenario files are untrusted, and the lint forbids
 * HTML sinks. Every text set here goes through `displayText` (src/run/text.ts), which removes bidirectional
 * override characters (a save named "\u202Eevil" must not show as "live"). Updates compare before writing, so
 * panels can re-render every frame without layout churn or losing keyboard focus.
 */
import { displayText } from '../run/text';

type Child = Node | string | null | undefined | false;
type AttrValue = string | number | boolean | null | undefined;

/** Create an element: `h('button', { class: 'x', type: 'button', text: 'Go' }, child...)`. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, AttrValue> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') el.textContent = displayText(String(value));
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(displayText(child)) : child);
  }
  return el;
}

export function setText(el: Element, text: string): void {
  const shown = displayText(text);
  if (el.textContent !== shown) el.textContent = shown;
}

export function setAttr(el: Element, name: string, value: AttrValue): void {
  if (value === null || value === undefined || value === false) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
    return;
  }
  const v = value === true ? '' : String(value);
  if (el.getAttribute(name) !== v) el.setAttribute(name, v);
}

export function setHidden(el: HTMLElement, hidden: boolean): void {
  if (el.hidden !== hidden) el.hidden = hidden;
}

const keyedChildren = new WeakMap<Element, Map<string, HTMLElement>>();

/**
 * Keep `container`'s children in step with `items`: elements are created once per key and reused (so focus on
 * a button inside survives re-renders), updated in place, reordered, and removed when their key goes.
 */
export function keyed<T>(
  container: HTMLElement,
  items: readonly T[],
  key: (item: T, index: number) => string,
  create: (item: T) => HTMLElement,
  update: (el: HTMLElement, item: T) => void,
): void {
  let map = keyedChildren.get(container);
  if (!map) {
    map = new Map();
    keyedChildren.set(container, map);
  }
  const next = new Map<string, HTMLElement>();
  let cursor: ChildNode | null = container.firstChild;
  items.forEach((item, i) => {
    const k = key(item, i);
    let el = map.get(k);
    if (!el) el = create(item);
    update(el, item);
    next.set(k, el);
    if (el !== cursor) container.insertBefore(el, cursor);
    else cursor = cursor.nextSibling;
  });
  for (const [k, el] of map) if (!next.has(k)) el.remove();
  keyedChildren.set(container, next);
}

/** Small inline SVG status icon (shape + glyph), the same vocabulary as the map. */
const SVG_NS = 'http://www.w3.org/2000/svg';
export function statusIcon(status: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('class', `status-icon status-${status}`);
  svg.setAttribute('aria-hidden', 'true');
  const shape = document.createElementNS(SVG_NS, 'path');
  const glyph = document.createElementNS(SVG_NS, 'path');
  const shapes: Record<string, string> = {
    healthy: 'M10 1a9 9 0 1 0 0.01 0Z',
    degraded: 'M10 1 L19 18 L1 18 Z',
    down: 'M2 2 H18 V18 H2 Z',
    recovering: 'M10 0 L20 10 L10 20 L0 10 Z',
  };
  const glyphs: Record<string, string> = {
    healthy: 'M5.5 10.5 L8.5 13.5 L14.5 6.5',
    degraded: 'M10 7 V12.5 M10 15 V15.6',
    down: 'M6 6 L14 14 M14 6 L6 14',
    recovering: 'M13.5 8 A4 4 0 1 0 14 11 M13.5 5 V8 H10.5',
  };
  shape.setAttribute('d', shapes[status] ?? shapes.down!);
  shape.setAttribute('class', 'shape');
  glyph.setAttribute('d', glyphs[status] ?? glyphs.down!);
  glyph.setAttribute('class', 'glyph');
  svg.append(shape, glyph);
  return svg;
}

/** Replace an icon's status in place (keeps the element). */
export function setStatusIcon(holder: HTMLElement, status: string): void {
  if (holder.dataset.status === status) return;
  holder.dataset.status = status;
  holder.replaceChildren(statusIcon(status));
}

/** ▶ / ❚❚ drawn as SVG (font glyphs for pause are often missing). */
export function setPlayIcon(holder: HTMLElement, icon: 'run' | 'pause'): void {
  if (holder.dataset.icon === icon) return;
  holder.dataset.icon = icon;
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 12 12');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'play-icon');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', icon === 'run' ? 'M2 1 L11 6 L2 11 Z' : 'M2 1 H5 V11 H2 Z M7 1 H10 V11 H7 Z');
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  holder.replaceChildren(svg);
}

/**
 * addEventListener tied to a panel's lifetime: aborting `signal` (when the panel is disposed) removes the
 * listener. Without this, a detached button that the browser still references (the performance timeline keeps
 * layout-shift sources) would keep its listener's closure — and through it a whole finished drill — alive.
 */
export function listen<K extends keyof HTMLElementEventMap>(
  el: HTMLElement,
  signal: AbortSignal,
  type: K,
  handler: (event: HTMLElementEventMap[K]) => void,
): void {
  el.addEventListener(type, handler, { signal });
}

/**
 * The life of a DOM panel bound to a store: render now and on every change `subscribe` reports; the returned
 * `dispose` stops listening, removes the panel's event listeners (the AbortController they were added with)
 * and empties its root, so a closed panel keeps nothing alive.
 */
export function bindPanel(
  root: HTMLElement,
  lifetime: AbortController,
  render: () => void,
  subscribe: (listener: () => void) => () => void,
): () => void {
  render();
  const unsubscribe = subscribe(() => render());
  return () => {
    lifetime.abort();
    unsubscribe();
    root.replaceChildren();
  };
}
