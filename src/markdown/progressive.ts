import { AsyncDirective, directive, type DirectiveResult } from 'lit/async-directive.js';
import { guard } from 'lit/directives/guard.js';
import { isServer } from 'lit';
import { afterNextFrame } from '../loading/after-paint.js';

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

/** Milliseconds of commits per frame: with the rest of the frame's work, well under a long task. */
const FRAME_BUDGET_MS = 8;

/**
 * Puts the first part on the page at once and the others over the following frames, as many per frame as
 * fit FRAME_BUDGET_MS, so no frame lays out everything. A part already on the page is never rendered again
 * (guard): without it each frame would walk every earlier part's templates anew.
 */
class ProgressiveParts extends AsyncDirective {
  private parts: readonly unknown[] = [];
  private shown = 0;
  private perFrame = 1;
  private scheduled = false;
  private finished: (() => void) | undefined;

  render(parts: readonly unknown[], finished: () => void): unknown[] {
    if (parts !== this.parts) {
      this.parts = parts;
      this.shown = Math.min(1, parts.length);
      this.perFrame = 1;
      this.finished = finished;
      this.schedule();
    }
    return this.visible();
  }

  protected override reconnected(): void {
    this.schedule();
  }

  private visible(): unknown[] {
    return this.parts.slice(0, this.shown).map((part) => guard([part], () => part));
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
      const adding = Math.min(this.perFrame, this.parts.length - this.shown);
      this.shown += adding;
      const start = performance.now();
      this.setValue(this.visible());
      const perPart = (performance.now() - start) / adding;
      // As many parts as the budget holds next time, growing at most twofold a frame.
      this.perFrame = Math.max(1, Math.min(this.perFrame * 2, Math.floor(FRAME_BUDGET_MS / Math.max(perPart, 0.05))));
      this.schedule();
    });
  }
}

const progressive = directive(ProgressiveParts);

/** A template part that renders `parts` over frames; `done` settles when all are on the page. */
export function progressiveParts(parts: readonly unknown[]): { directive: DirectiveResult<typeof ProgressiveParts>; done: Promise<void> } {
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  return { directive: progressive(parts, finished), done };
}

/** Renders list items, in parts when there are many; `done` settles once every item is on the page. */
export type ListInParts = ((items: () => readonly unknown[]) => unknown) & { done: Promise<void> };

/**
 * List items (the table of contents' entries) at once when there are few, else in groups of `size` over
 * frames. Made once per document (the renderer hands it out with its headings), so a re-render of the list
 * carries on rather than starting over. A page rendered on the server has every item at once: it has no frames.
 */
export function listInParts(size = 100): ListInParts {
  let made: unknown;
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const render = (items: () => readonly unknown[]): unknown => {
    if (made !== undefined) return made;
    const all = items();
    if (isServer || all.length <= size) {
      finished();
      return all;
    }
    const groups: unknown[][] = [];
    for (let i = 0; i < all.length; i += size) groups.push(all.slice(i, i + size));
    const parts = progressiveParts(groups);
    void parts.done.then(finished);
    return (made = parts.directive);
  };
  return Object.assign(render, { done });
}
