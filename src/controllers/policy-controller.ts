import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { Policy } from '../manifest/schema.js';
import { loadPolicyText, type LoadedManifest } from '../loading/manifest-loader.js';
import type { RenderedMarkdown } from '../markdown/markdown.js';
import { loadMarkdown } from '../markdown/lazy.js';
import { parseRoute, policyHref, sectionsOf } from '../routing/hash.js';
import { viewMessagesFor } from '../views/messages.js';
import { imageOriginsOf } from '../views/urls.js';

export interface RenderedPolicy {
  policy: Policy;
  markdown: RenderedMarkdown;
  /** The language of the text, for a policy given per language. */
  lang?: string | undefined;
  /** True when the reader's language has no file and the default language is shown. */
  fallback?: boolean | undefined;
}

/** `#faq`, `#disclosure`, `#<policy-id>/<heading>` and the like are trust-center routes; other fragments are headings. */
function isRoute(loaded: LoadedManifest, id: string): boolean {
  return parseRoute(`#${id}`, sectionsOf(loaded.manifest)) !== undefined;
}

type Args = readonly [LoadedManifest | undefined, string | undefined, number, string];

/** Loads and renders the markdown of the policy the host currently shows. */
export class PolicyController implements ReactiveController {
  readonly task: Task<Args, RenderedPolicy>;
  private attempt = 0;
  private interrupted = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly current: () => {
      loaded: LoadedManifest | undefined;
      policyId: string | undefined;
      timeoutMs?: number;
      /** The reader's language, which picks the file of a policy given per language. */
      lang?: string;
      /** Where a link to another trust-center view (`#disclosure`, `#faq/…`) goes; the hash itself by default. */
      routeHref?: (hash: string) => string;
    },
  ) {
    host.addController(this);
    this.task = new Task<Args, RenderedPolicy>(host, {
      task: async ([loaded, policyId, attempt, lang], { signal }) => {
        const policy = loaded?.manifest.policies.find((p) => p.id === policyId);
        if (!loaded || !policy) throw new Error('no policy selected');
        const [{ renderMarkdownInSlices }, text] = await Promise.all([
          loadMarkdown(),
          loadPolicyText(loaded, policy, { signal, reload: attempt > 0, timeoutMs: this.current().timeoutMs }, lang),
        ]);
        // In slices, yielding to the page between them: a long policy never blocks it for long.
        const markdown = await renderMarkdownInSlices(
          text.text,
          {
            baseUrl: text.url,
            anchorHref: (id) => (isRoute(loaded, id) ? (this.current().routeHref?.(`#${id}`) ?? `#${id}`) : policyHref(policy.id, id)),
            imageOrigins: imageOriginsOf(loaded),
            imageNotShown: viewMessagesFor(this.current().lang ?? '').imageNotShown,
          },
          signal,
        );
        return { policy, markdown, lang: text.lang, fallback: text.fallback };
      },
      args: () => {
        const { loaded, policyId, lang = '' } = this.current();
        // Only a policy given per language depends on the reader's language.
        const policy = loaded?.manifest.policies.find((p) => p.id === policyId);
        const key = policy && policy.source !== undefined && typeof policy.source !== 'string' ? lang : '';
        return [loaded, policyId, this.attempt, key] as const;
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
