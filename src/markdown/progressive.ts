import { AsyncDirective, directive, type DirectiveResult } from 'lit/async-directive.js';

/** The next task: scheduler.yield where there is one, else a message (not throttled like timers). */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * After the next frame: a part appended per frame is laid out in that frame alone (continuations from
 * nextTask run before rendering, so several parts would pile into one frame's layout). Timers take over
 * where frames do not come, as in a hidden tab.
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

/** Puts the first part on the page at once and each further one a frame later, so no frame lays out everything. */
class ProgressiveParts extends AsyncDirective {
  private parts: readonly unknown[] = [];
  private shown = 0;
  private scheduled = false;
  private finished: (() => void) | undefined;

  render(parts: readonly unknown[], finished: () => void): unknown[] {
    if (parts !== this.parts) {
      this.parts = parts;
      this.shown = Math.min(1, parts.length);
      this.finished = finished;
      this.schedule();
    }
    return this.parts.slice(0, this.shown);
  }

  protected override reconnected(): void {
    this.schedule();
  }

  private schedule(): void {
    if (this.shown >= this.parts.length) {
      this.finished?.();
      return;
    }
    if (this.scheduled || !this.isConnected) return;
    this.scheduled = true;
    void afterNextFrame().then(() => {
      this.scheduled = false;
      // Detached meanwhile: reconnected() picks up where it stopped.
      if (!this.isConnected) return;
      this.shown++;
      this.setValue(this.parts.slice(0, this.shown));
      this.schedule();
    });
  }
}

const progressive = directive(ProgressiveParts);

/** A template part that renders `parts` one frame after another; `done` settles when all are on the page. */
export function progressiveParts(parts: readonly unknown[]): { directive: DirectiveResult<typeof ProgressiveParts>; done: Promise<void> } {
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  return { directive: progressive(parts, finished), done };
}
