import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Scrolls a control focused inside the element out from under a fixed banner or a host's sticky header: the
 * page's `scroll-padding` (a fixed <trust-center-banner> adds its height; a host adds its header's) marks
 * them. Browsers leave a focused control where it is when it is anywhere in the window, even under a bar.
 */
export class FocusClearController implements ReactiveController {
  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('focusin', this.handleFocusIn);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('focusin', this.handleFocusIn);
  }

  private readonly handleFocusIn = (event: FocusEvent) => {
    const target = event.composedPath()[0];
    if (!(target instanceof Element)) return;
    const page = getComputedStyle(document.documentElement);
    const top = parseFloat(page.scrollPaddingTop) || 0;
    const bottom = parseFloat(page.scrollPaddingBottom) || 0;
    const box = target.getBoundingClientRect();
    // Its scroll margin (theme.ts) keeps it clear of the bars once scrolled; "nearest" moves the page least.
    if (box.top < top || box.bottom > innerHeight - bottom) target.scrollIntoView({ block: 'nearest' });
  };
}
