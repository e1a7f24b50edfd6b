import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';

export type Edge = 'top' | 'bottom';

/**
 * Publishes a fixed bar's height on <html> as `--tc-banner-offset-top` / `-bottom` (for the host's sticky
 * headers, and the trust center's scroll margins), adds it to <html>'s scroll padding so anchors and focused
 * controls stop clear of the bar, and unless `pad` is false (an overlay) to its padding so the bar covers none
 * of the page; puts back what it changed when the bar goes. CSSOM only: a strict CSP (`style-src 'self'`)
 * blocks style attributes, not CSSOM.
 */
export function reserveSpace(
  host: ReactiveControllerHost,
  getTarget: () => { bar: HTMLElement; edge: Edge; pad: boolean } | undefined,
): ReactiveController {
  const root = document.documentElement;
  let held: { bar: HTMLElement; edge: Edge; pad: boolean } | undefined;
  let release = () => {};
  // Measures once observed and again whenever the bar's text wraps differently.
  const observer = new ResizeObserver(() => {
    if (held) root.style.setProperty(`--tc-banner-offset-${held.edge}`, `${held.bar.offsetHeight}px`);
  });

  const controller: ReactiveController = {
    hostUpdated() {
      const target = getTarget();
      if (target?.bar === held?.bar && target?.edge === held?.edge && target?.pad === held?.pad) return;
      release();
      if (!(held = target)) return;
      const properties = [`scroll-padding-${target.edge}`, ...(target.pad ? [`padding-${target.edge}`] : [])];
      const saved = properties.map((name) => [name, root.style.getPropertyValue(name), root.style.getPropertyPriority(name)] as const);
      for (const name of properties) {
        // Added to the host's own value rather than replacing it.
        const own = getComputedStyle(root).getPropertyValue(name);
        root.style.setProperty(name, `calc(${own == 'auto' ? '0px' : own} + var(--tc-banner-offset-${target.edge}, 0px))`);
      }
      observer.observe(target.bar);
      release = () => {
        held = undefined;
        release = () => {};
        observer.disconnect();
        root.style.removeProperty(`--tc-banner-offset-${target.edge}`);
        for (const [name, value, priority] of saved) {
          root.style.removeProperty(name);
          if (value) root.style.setProperty(name, value, priority);
        }
      };
    },
    hostDisconnected: () => release(),
  };
  host.addController(controller);
  return controller;
}
