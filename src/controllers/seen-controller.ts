import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { markSeen } from '../banner/seen-store.js';
import type { Policy } from '../manifest/schema.js';

/**
 * Viewing a policy counts as seeing its update: banners for the same manifest
 * stop announcing it (on this page at once, in other tabs through storage).
 */
export class SeenController implements ReactiveController {
  private last = '';

  constructor(
    host: ReactiveControllerHost,
    private readonly current: () => { src: string | null; policy: Policy | undefined },
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const { src, policy } = this.current();
    if (!src || !policy) return;
    // The banner keys on the URL the page asks for, not where a redirect ended.
    const key = `${src}\n${policy.id}@${policy.updated}`;
    if (key === this.last) return;
    this.last = key;
    markSeen(src, { [policy.id]: policy.updated });
  }
}
