// Shared by the bench pages (each loads it first): marks when a condition on the page — light DOM or any
// shadow root — first holds and when that state is painted, collects long tasks and layout shifts, and
// resolves window.__bench with the page's figures for scripts/bench/timings.mjs.
let resolveBench;
window.__bench = new Promise((resolve) => (resolveBench = resolve));

// Shadow roots attached later (zero-md attaches its own after loading) are observed too.
const roots = new Set();
const listeners = new Set();
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  const root = attachShadow.call(this, init);
  roots.add(root);
  for (const listener of listeners) listener(root);
  return root;
};

function observeAll(root, observer, seen) {
  if (seen.has(root)) return;
  seen.add(root);
  observer.observe(root, { childList: true, subtree: true });
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) observeAll(el.shadowRoot, observer, seen);
}

/** Resolves after the next frame has been painted (its rendering step, then the next task). */
export const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Resolves with the first contentful paint's time (ms since navigation start). */
const firstContentfulPaint = () =>
  new Promise((resolve) => {
    new PerformanceObserver((list, observer) => {
      const fcp = list.getEntriesByName('first-contentful-paint')[0];
      if (!fcp) return;
      observer.disconnect();
      resolve(fcp.startTime);
    }).observe({ type: 'paint', buffered: true });
  });

/**
 * Resolves with { inDom, painted } (ms since navigation start) once check() holds and is painted. Content
 * already there when this runs came with the HTML, so its paint is the page's first contentful paint.
 */
export function markWhen(name, check) {
  if (check()) {
    const inDom = performance.mark(`${name}:in-dom`).startTime;
    return firstContentfulPaint().then((painted) => ({ inDom: Math.min(inDom, painted), painted }));
  }
  return new Promise((resolve) => {
    const seen = new Set();
    let fired = false;
    const test = () => {
      if (fired || !check()) return false;
      fired = true;
      observer.disconnect();
      listeners.delete(onRoot);
      const inDom = performance.mark(`${name}:in-dom`).startTime;
      nextPaint().then(() => resolve({ inDom, painted: performance.mark(`${name}:painted`).startTime }));
      return true;
    };
    // A new shadow root may hide in any added subtree, so a miss rescans for roots not yet observed.
    const observer = new MutationObserver(() => {
      if (!test()) observeAll(document, observer, seen);
    });
    const onRoot = (root) => {
      if (fired) return;
      observeAll(root, observer, seen);
      test();
    };
    listeners.add(onRoot);
    observeAll(document, observer, seen);
    for (const root of roots) observeAll(root, observer, seen);
  });
}

/** Long tasks (≥ 50 ms; Chromium's Long Tasks API) since navigation. */
export const longTasks = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

/** Layout shifts since navigation (not those right after input, which the metric ignores). */
export const layoutShifts = [];
new PerformanceObserver((list) => layoutShifts.push(...list.getEntries().filter((e) => !e.hadRecentInput))).observe({ type: 'layout-shift', buffered: true });

/** The long-task figures of the tasks that overlap [from, to] (ms since navigation start). */
export function longTaskSummary(from = 0, to = Infinity) {
  const during = longTasks.filter((t) => t.startTime + t.duration >= from && t.startTime <= to);
  return {
    longest: during.reduce((max, t) => Math.max(max, t.duration), 0),
    longTasks: during.length,
    blocking: during.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
  };
}

/** Long-task entries are queued after their task ends: waits a little so the last ones have arrived. */
export const settle = (ms = 250) => new Promise((resolve) => setTimeout(resolve, ms));

export function finish(result) {
  resolveBench(result);
}

/** The first element matching a selector inside el's shadow root (or el itself when it has none). */
export function inShadow(el, selector) {
  return (el?.shadowRoot ?? el)?.querySelector(selector) ?? null;
}
