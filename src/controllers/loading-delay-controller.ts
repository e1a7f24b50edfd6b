import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TaskStatus } from '@lit/task';

/** Long enough for a manifest from the HTTP cache or a preload; short enough that a slow network gets a status at once. */
export const LOADING_DELAY_MS = 200;

/**
 * Whether the host has been loading long enough to show its loading state. Until then it renders only its
 * reserved space: a load that finishes in time paints its content first, without a spinner frame before it
 * (and without that frame's style, layout and paint on the way to it).
 */
export class LoadingDelayController implements ReactiveController {
  /** The loading state may show: the host has been connected for the delay at least once. */
  elapsed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Whether the host is still loading: only then does the end of the delay change what it renders. */
    private readonly loading: () => boolean,
    private readonly delayMs = LOADING_DELAY_MS,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.elapsed || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.elapsed = true;
      if (this.loading()) this.host.requestUpdate();
    }, this.delayMs);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** A task that has finished, with a value or an error: nothing more to wait for. */
export const settled = (status: TaskStatus): boolean => status === TaskStatus.COMPLETE || status === TaskStatus.ERROR;
