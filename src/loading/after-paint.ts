/**
 * Resolves after the next frame has been painted (its rendering step, then a task), for work a first paint
 * must not wait for; a tab that renders no frames (hidden) resolves after 250 ms instead.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 250);
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), resolve())));
  });
}

/**
 * After the next paint, in a moment the browser has nothing else to do (where it says so: requestIdleCallback,
 * at most 2 s later), for work as large as storing a long policy's text, which the parts of a long policy
 * still to come must not wait for.
 */
export function afterNextPaintWhenIdle(): Promise<void> {
  return afterNextPaint().then(
    () => new Promise((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 2000 }) : resolve())),
  );
}
