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
