import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';

/**
 * What the controller measures: an empty block at the top of the element's `.frame`, as wide as the frame's
 * content and always 0 high, so what the measurement changes below it never changes its size.
 */
export const widthProbe = html`<div class="width-probe" aria-hidden="true"></div>`;

/**
 * Whether the element's `.frame` is narrower than `rem` root-font-sizes: the container queries' breakpoint,
 * for what CSS cannot switch (whether the table of contents is a closed disclosure widget or an open list).
 *
 * Measured by a ResizeObserver on the frame's width probe, which reports after the frame's first layout and
 * before its paint: an update it asks for is rendered and laid out again in that same frame, so the first
 * paint is already the right side of the breakpoint, without forcing a layout while rendering.
 */
export class FrameWidthController implements ReactiveController {
  /** Unknown (treated as wide) until the frame has been laid out once. */
  narrow = false;
  /** Whether the frame has been measured since it appeared (a deep link waits for this before scrolling). */
  measured = false;
  private observed: Element | undefined;
  private waiting: (() => void)[] = [];
  private readonly observer = new ResizeObserver(([entry]) => {
    const first = !this.measured;
    this.measured = true;
    // The probe's size never depends on what this update renders, so its layout is no ResizeObserver loop.
    if (this.measure(entry?.contentRect.width ?? 0)) this.host.requestUpdate();
    if (first) for (const callback of this.waiting.splice(0)) callback();
  });

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: ParentNode },
    private readonly rem: number,
  ) {
    host.addController(this);
  }

  /** Runs `callback` once the frame has been measured (at once if it has). */
  whenMeasured(callback: () => void): void {
    if (this.measured) callback();
    else this.waiting.push(callback);
  }

  hostUpdated(): void {
    const probe = this.host.renderRoot.querySelector('.frame > .width-probe') ?? undefined;
    if (probe === this.observed) return;
    if (this.observed) this.observer.unobserve(this.observed);
    this.observed = probe;
    this.measured = false;
    if (probe) this.observer.observe(probe);
  }

  /** Whether `width` changes which side of the breakpoint the frame is on. */
  private measure(width: number): boolean {
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const narrow = width < this.rem * rem;
    if (narrow === this.narrow) return false;
    this.narrow = narrow;
    return true;
  }

  hostDisconnected(): void {
    this.observer.disconnect();
    this.observed = undefined;
    this.measured = false;
  }
}
