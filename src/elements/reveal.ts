/**
 * Scrolls a heading of a long policy to the top and keeps it there while the page settles: blocks laid out
 * only near the viewport (content-visibility) take their real height as they come into view, and a table of
 * contents in parts grows above the text on narrow screens. Stops once the heading stays put for two frames
 * (where it rests, which a scroll margin or a short page may keep below the very top),
 * after 120 frames (Chromium needs more than 30 for a 200-section policy), as soon as `wanted` says the
 * reader has moved on, or when the reader scrolls, types or touches the page themselves.
 */
/** What the reader does to take over the scrolling. */
const TAKEOVERS = ['wheel', 'touchstart', 'keydown', 'pointerdown'];

export function scrollToSteadily(target: HTMLElement, wanted: () => boolean, settled?: Promise<void>): void {
  let rest = scrollTo(target);
  let frames = 0;
  let still = 0;
  let takenOver = false;
  const takeOver = () => (takenOver = true);
  for (const type of TAKEOVERS) addEventListener(type, takeOver, { passive: true });
  const done = () => TAKEOVERS.forEach((type) => removeEventListener(type, takeOver));
  const check = () => {
    if (takenOver || !wanted() || !target.isConnected || ++frames > 120) return done();
    if (Math.abs(target.getBoundingClientRect().top - rest) > 2) {
      still = 0;
      rest = scrollTo(target);
    } else if (++still >= 2) return done();
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  void settled?.then(() => {
    if (!takenOver && wanted() && target.isConnected) scrollToSteadily(target, wanted);
  });
}

/** Scrolls the target to the top and says where its top then is. */
function scrollTo(target: HTMLElement): number {
  target.scrollIntoView({ block: 'start' });
  return target.getBoundingClientRect().top;
}

/**
 * Whether every part of a long policy's render is on the page: a deep link's heading missing before then may
 * still come, one missing after is not there at all. Asks once per render to be told when they are.
 */
export class PartsArrival {
  private awaited: Promise<void> | undefined;
  private arrived: Promise<void> | undefined;

  /** True once `done` has settled; until then false, and `then` runs (once per `done`) when it does. */
  arrivedOrWait(done: Promise<void>, then: () => void): boolean {
    if (done === this.arrived) return true;
    if (done !== this.awaited) {
      this.awaited = done;
      void done.then(() => {
        this.arrived = done;
        then();
      });
    }
    return false;
  }
}
