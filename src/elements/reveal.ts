/**
 * Scrolls a heading of a long policy to the top and keeps it there while the page settles: blocks laid out
 * only near the viewport (content-visibility) take their real height as they come into view, and a table of
 * contents in parts grows above the text on narrow screens. Stops once the heading stays put for two frames,
 * after 30 frames, or as soon as `wanted` says the reader has moved on.
 */
export function scrollToSteadily(target: HTMLElement, wanted: () => boolean, settled?: Promise<void>): void {
  target.scrollIntoView({ block: 'start' });
  let frames = 0;
  let still = 0;
  const check = () => {
    if (!wanted() || !target.isConnected || ++frames > 30) return;
    const top = target.getBoundingClientRect().top;
    if (Math.abs(top) > 2) {
      still = 0;
      target.scrollIntoView({ block: 'start' });
    } else if (++still >= 2) return;
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  void settled?.then(() => {
    if (wanted() && target.isConnected) scrollToSteadily(target, wanted);
  });
}
