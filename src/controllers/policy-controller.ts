import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { Policy } from '../manifest/schema.js';
import { loadPolicyText, type LoadedManifest } from '../loading/manifest-loader.js';
import type { RenderedMarkdown } from '../markdown/markdown.js';
import { loadMarkdown } from '../markdown/lazy.js';
import { policyHref } from '../routing/hash.js';

export interface RenderedPolicy {
  policy: Policy;
  markdown: RenderedMarkdown;
}

function isRoute(loaded: LoadedManifest, id: string): boolean {
  if (id === 'overview') return true;
  if (id === 'disclosure') return loaded.manifest.disclosure !== undefined;
  return loaded.manifest.policies.some((p) => p.id === id);
}

type Args = readonly [LoadedManifest | undefined, string | undefined, number];

/** Loads and renders the markdown of the policy the host currently shows. */
export class PolicyController implements ReactiveController {
  readonly task: Task<Args, RenderedPolicy>;
  private attempt = 0;
  private interrupted = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly current: () => { loaded: LoadedManifest | undefined; policyId: string | undefined; timeoutMs?: number },
  ) {
    host.addController(this);
    this.task = new Task<Args, RenderedPolicy>(host, {
      task: async ([loaded, policyId, attempt], { signal }) => {
        const policy = loaded?.manifest.policies.find((p) => p.id === policyId);
        if (!loaded || !policy) throw new Error('no policy selected');
        const [{ renderMarkdown }, text] = await Promise.all([
          loadMarkdown(),
          loadPolicyText(loaded, policy, { signal, reload: attempt > 0, timeoutMs: this.current().timeoutMs }),
        ]);
        const markdown = renderMarkdown(text.text, {
          baseUrl: text.url,
          // `#disclosure`, `#overview` and `#<policy-id>` are trust-center routes; other fragments are headings here.
          anchorHref: (id) => (isRoute(loaded, id) ? `#${id}` : policyHref(policy.id, id)),
        });
        return { policy, markdown };
      },
      args: () => {
        const { loaded, policyId } = this.current();
        return [loaded, policyId, this.attempt] as const;
      },
    });
  }

  hostConnected(): void {
    void loadMarkdown().catch(() => undefined);
    if (this.interrupted) {
      this.interrupted = false;
      void this.task.run();
    }
  }

  hostDisconnected(): void {
    // A removed element must not keep the network busy; reconnecting resumes.
    if (this.task.status === TaskStatus.PENDING) {
      this.interrupted = true;
      this.task.abort();
    }
  }

  retry(): void {
    this.attempt++;
    this.host.requestUpdate();
  }
}
