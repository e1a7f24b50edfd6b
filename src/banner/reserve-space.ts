import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';

export type Edge = 'top' | 'bottom';

/**
 * Pads <html> by a fixed bar's height so the bar covers none of the page, exposing the height as
 * `--tc-banner-offset-top` / `-bottom` (for the host's own sticky headers), and puts back what it changed
 * when the bar goes. CSSOM only: a strict CSP (`style-src 'self'`) blocks style attributes, not CSSOM.
 */
export function reserveSpace(
  host: ReactiveControllerHost,
  getTarget: () => { bar: HTMLElement; edge: Edge } | undefined,
): ReactiveController {
  const root = document.documentElement;
  let held: { bar: HTMLElement; edge: Edge } | undefined;
  let release = () => {};
  // Measures once observed and again whenever the bar's text wraps differently.
  const observer = new ResizeObserver(() => {
    if (held) root.style.setProperty(`--tc-banner-offset-${held.edge}`, `${held.bar.offsetHeight}px`);
  });

  const controller: ReactiveController = {
    hostUpdated() {
      const target = getTarget();
      if (target?.bar === held?.bar && target?.edge === held?.edge) return;
      release();
      if (!(held = target)) return;
      const padding = `padding-${target.edge}`;
      const saved = [root.style.getPropertyValue(padding), root.style.getPropertyPriority(padding)] as const;
      // Added to the host's own padding rather than replacing it.
      root.style.setProperty(padding, `calc(${getComputedStyle(root).getPropertyValue(padding)} + var(--tc-banner-offset-${target.edge}, 0px))`);
      observer.observe(target.bar);
      release = () => {
        held = undefined;
        release = () => {};
        observer.disconnect();
        root.style.removeProperty(`--tc-banner-offset-${target.edge}`);
        root.style.removeProperty(padding);
        if (saved[0]) root.style.setProperty(padding, ...saved);
      };
    },
    hostDisconnected: () => release(),
  };
  host.addController(controller);
  return controller;
}
