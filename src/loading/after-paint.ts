/**
 * After the next frame: its rendering step, then a task. Continuations from a task alone run before
 * rendering, so work meant to follow a paint (or a part laid out in a frame of its own) waits for this.
 * Timers take over where frames do not come, as in a hidden tab.
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    const go = () => {
      if (settled) return;
      settled = true;
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(go, 100);
    requestAnimationFrame(() => setTimeout(go, 0));
  });
}

/**
 * After the next paint, in a moment the browser has nothing else to do (where it says so: requestIdleCallback,
 * at most 2 s later), for work as large as storing a long policy's text, which the parts of a long policy
 * still to come must not wait for.
 */
export function afterNextFrameWhenIdle(): Promise<void> {
  return afterNextFrame().then(
    () => new Promise((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 2000 }) : resolve())),
  );
}
