/**
 * Scrolls a heading of a long policy to the top and keeps it there while the page settles: blocks laid out
 * only near the viewport (content-visibility) take their real height as they come into view, and a table of
 * contents in parts grows above the text on narrow screens. Stops once the heading stays put for two frames,
 * after 120 frames (Chromium needs more than 30 for a 200-section policy), as soon as `wanted` says the
 * reader has moved on, or when the reader scrolls, types or touches the page themselves.
 */
/** What the reader does to take over the scrolling. */
const TAKEOVERS = ['wheel', 'touchstart', 'keydown', 'pointerdown'];

export function scrollToSteadily(target: HTMLElement, wanted: () => boolean, settled?: Promise<void>): void {
  target.scrollIntoView({ block: 'start' });
  let frames = 0;
  let still = 0;
  let takenOver = false;
  const takeOver = () => (takenOver = true);
  for (const type of TAKEOVERS) addEventListener(type, takeOver, { passive: true });
  const done = () => TAKEOVERS.forEach((type) => removeEventListener(type, takeOver));
  const check = () => {
    if (takenOver || !wanted() || !target.isConnected || ++frames > 120) return done();
    const top = target.getBoundingClientRect().top;
    if (Math.abs(top) > 2) {
      still = 0;
      target.scrollIntoView({ block: 'start' });
    } else if (++still >= 2) return done();
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  void settled?.then(() => {
    if (!takenOver && wanted() && target.isConnected) scrollToSteadily(target, wanted);
  });
}
