/**
 * Code that runs INSIDE the page, kept as plain JavaScript strings on purpose: `npm run bench` runs through tsx,
 * whose esbuild transform (keepNames) wraps named inner functions in a `__name(...)` helper that does not exist
 * in the page, so a TypeScript function handed to page.evaluate/addInitScript would throw there.
 *
 * Frame timing in Chromium: all requestAnimationFrame callbacks of a frame run back to back, then style, layout,
 * paint and commit; a task posted from a rAF callback (MessageChannel) therefore runs right after that frame's
 * rendering work on the main thread is done. Both probes below rely on this.
 */

/** What FIRST_FRAME_PROBE leaves on window.__benchFirstFrame (all times: ms since navigation start). */
export interface FirstFrameMarks {
  /** #start-button first seen enabled (the menu is usable: scenarios loaded and compiled). */
  startEnabledAt: number | null;
  /** The probe clicked Start (a microtask after the button was enabled). */
  clickedAt: number | null;
  /** End of the main-thread rendering work of the first frame in which the City scene existed. */
  cityAt: number | null;
  /** rAF timestamp (frame start) of that frame. */
  cityFrameStart: number | null;
  /** Map size in CSS pixels when the City appeared, and whether the page draws with a 2D canvas. */
  canvas: { width: number; height: number; context2d: boolean } | null;
}

/**
 * Init script (runs before the page's own scripts): clicks Start as soon as it is enabled, then finds the first
 * frame of the City scene. The City scene sets the screen to 'city' in its create(), which Phaser runs inside
 * the game step that also runs the scene's first update() and render(); so the first frame whose post-frame
 * task sees screen() === 'city' is the frame that drew the City for the first time.
 */
export const FIRST_FRAME_PROBE = `(() => {
  const marks = { startEnabledAt: null, clickedAt: null, cityAt: null, cityFrameStart: null, canvas: null };
  window.__benchFirstFrame = marks;
  const clickWhenEnabled = () => {
    if (marks.clickedAt !== null) return;
    const button = document.getElementById('start-button');
    if (!button || button.disabled) return;
    marks.startEnabledAt = performance.now();
    button.click();
    marks.clickedAt = performance.now();
    observer.disconnect();
  };
  const observer = new MutationObserver(clickWhenEnabled);
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
  const channel = new MessageChannel();
  let frameStart = 0;
  channel.port1.onmessage = () => {
    const hook = window.__cascade;
    if (marks.cityAt !== null || !hook || hook.screen() !== 'city') return;
    marks.cityAt = performance.now();
    marks.cityFrameStart = frameStart;
    const canvas = document.querySelector('#map-canvas canvas');
    if (canvas) {
      // getContext returns the canvas's existing context of that type, or null if it has another type (WebGL).
      marks.canvas = { width: canvas.clientWidth, height: canvas.clientHeight, context2d: canvas.getContext('2d') !== null };
    }
  };
  const loop = (t) => {
    if (marks.cityAt !== null) return;
    frameStart = t;
    channel.port2.postMessage(0);
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
})()`;

/** What FRAME_COLLECTOR resolves to. */
export interface FrameSamples {
  /** rAF timestamps (frame starts), ms since navigation start; intervals[i] = starts[i + 1] - starts[i]. */
  starts: number[];
  /** Differences between consecutive rAF timestamps (frame starts), ms. */
  intervals: number[];
  /** Per frame: rAF timestamp (frame start) → end of the frame's main-thread rendering work, ms. */
  work: number[];
  longTasks: number;
  longTaskMs: number;
  tickBefore: number | null;
  tickAfter: number | null;
  elapsedMs: number;
  /** localStorage writes during the window (the autosave): when, how long the write itself took, size. */
  storageWrites: { at: number; ms: number; chars: number }[];
}

/**
 * Expression evaluating to a promise of FrameSamples, collected for `durationMs` of real time. The collector's
 * own cost per frame is one rAF callback and one posted message. It also notes every localStorage write (the
 * autosave) by wrapping Storage.prototype.setItem for the window, so slow frames can be matched to saves.
 */
export function frameCollector(durationMs: number): string {
  return `new Promise((resolve) => {
    const starts = [];
    const intervals = [];
    const storageWrites = [];
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      const at = performance.now();
      try { return setItem.call(this, key, value); }
      finally { storageWrites.push({ at, ms: performance.now() - at, chars: String(value).length }); }
    };
    const work = [];
    let longTasks = 0;
    let longTaskMs = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) { longTasks += 1; longTaskMs += entry.duration; }
    });
    try { observer.observe({ type: 'longtask' }); } catch (_) { /* not supported: counts stay 0 */ }
    const hook = window.__cascade;
    const tickBefore = hook ? hook.tick() : null;
    const channel = new MessageChannel();
    let frameStart = null;
    let last = null;
    let begun = null;
    let done = false;
    channel.port1.onmessage = () => {
      if (frameStart !== null) work.push(performance.now() - frameStart);
      if (done) {
        observer.disconnect();
        Storage.prototype.setItem = setItem;
        resolve({ starts, intervals, work, longTasks, longTaskMs, tickBefore, tickAfter: hook ? hook.tick() : null,
          elapsedMs: performance.now() - begun, storageWrites });
      }
    };
    const loop = (t) => {
      if (begun === null) begun = performance.now();
      if (last !== null) intervals.push(t - last);
      last = t;
      starts.push(t);
      frameStart = t;
      done = performance.now() - begun >= ${String(durationMs)};
      channel.port2.postMessage(0);
      if (!done) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  })`;
}

/** Which renderer the game's canvas uses, and what WebGL would be backed by in this browser. */
export const RENDERER_PROBE = `(() => {
  const canvas = document.querySelector('#map-canvas canvas');
  const probe = document.createElement('canvas').getContext('webgl');
  const debug = probe && probe.getExtension('WEBGL_debug_renderer_info');
  return {
    webdriver: navigator.webdriver === true,
    canvas2d: canvas ? canvas.getContext('2d') !== null : null,
    webglRenderer: probe ? (debug ? probe.getParameter(debug.UNMASKED_RENDERER_WEBGL) : probe.getParameter(probe.RENDERER)) : null,
    devicePixelRatio: window.devicePixelRatio,
  };
})()`;
