import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whether the element's `.frame` is narrower than `rem` root-font-sizes: the container queries' breakpoint,
 * for what CSS cannot switch (whether the table of contents is a closed disclosure widget or an open list).
 */
export class FrameWidthController implements ReactiveController {
  /** Unknown (treated as wide) until the frame has been laid out once. */
  narrow = false;
  private observed: Element | undefined;
  private readonly observer = new ResizeObserver(([entry]) => {
    // In the next frame: a re-layout inside the observer's delivery would be a ResizeObserver loop.
    if (this.measure(entry?.contentRect.width ?? 0)) requestAnimationFrame(() => this.host.requestUpdate());
  });

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: ParentNode },
    private readonly rem: number,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const frame = this.host.renderRoot.querySelector('.frame') ?? undefined;
    if (frame === this.observed) return;
    if (this.observed) this.observer.unobserve(this.observed);
    this.observed = frame;
    if (!frame) return;
    this.observer.observe(frame);
    // Measured at once, so a policy's text never lays out wide and then jumps (a deep link's heading would move away).
    const style = getComputedStyle(frame);
    if (this.measure(frame.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight))) this.host.requestUpdate();
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
  }
}
