import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { Policy } from '../manifest/schema.js';
import { loadPolicyText, type LoadedManifest } from '../loading/manifest-loader.js';
import { renderMarkdown, type RenderedMarkdown } from '../markdown/markdown.js';
import { policyHref } from '../routing/hash.js';

export interface RenderedPolicy {
  policy: Policy;
  markdown: RenderedMarkdown;
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
        const text = await loadPolicyText(loaded, policy, { signal, reload: attempt > 0, timeoutMs: this.current().timeoutMs });
        const markdown = renderMarkdown(text.text, {
          baseUrl: text.url,
          anchorHref: (id) => policyHref(policy.id, id),
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
