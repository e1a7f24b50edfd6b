import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { markSeen } from '../banner/seen-store.js';
import { afterNextFrameWhenIdle } from '../loading/after-paint.js';
import type { Policy } from '../manifest/schema.js';

/**
 * Viewing a policy counts as seeing its update: banners for the same manifest
 * stop announcing it (on this page at once, in other tabs through storage).
 */
export class SeenController implements ReactiveController {
  private last = '';

  constructor(
    host: ReactiveControllerHost,
    private readonly current: () => { src: string | null; policies: readonly Policy[] | undefined; policyId: string | undefined },
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const { src, policies, policyId } = this.current();
    const policy = policies?.find((p) => p.id === policyId);
    if (!src || !policies || !policy) return;
    // The banner keys on the URL the page asks for, not where a redirect ended.
    const key = `${src}\n${policy.id}@${policy.updated}`;
    if (key === this.last) return;
    this.last = key;
    // Once the page is idle after a paint: the manifest's first paint may come before the policy's (whose
    // rendering yields on a slow device), which a cold localStorage read must not delay. Passing the
    // manifest's ids drops versions of policies it no longer has, keeping the record small.
    const ids = policies.map((p) => p.id);
    void afterNextFrameWhenIdle().then(() => markSeen(src, { [policy.id]: policy.updated }, ids));
  }
}
