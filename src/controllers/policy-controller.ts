import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { Policy } from '../manifest/schema.js';
import { LoadError } from '../loading/errors.js';
import { loadCompiledCheck, loadTreeRenderer } from '../loading/lazy.js';
import { loadPolicyText, loadPolicyTree, type LoadedManifest } from '../loading/manifest-loader.js';
import type { SharedFetchOptions } from '../loading/shared-fetch.js';
import { looksCompiled } from '../manifest/compiled-format.js';
import type { RenderedMarkdown, RenderMarkdownOptions } from '../markdown/render.js';
import { loadMarkdown } from '../markdown/lazy.js';
import { parseRoute, policyHref, sectionsOf } from '../routing/hash.js';
import { viewMessagesFor } from '../views/messages.js';
import { loadCatalogue } from '../i18n/catalogue.js';
import { catalogueLanguage } from '../i18n/messages.js';
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

type Args = readonly [LoadedManifest | undefined, string | undefined, number, string, number];

interface PolicyText {
  markdown: RenderedMarkdown;
  lang?: string | undefined;
  fallback?: boolean | undefined;
}

/** A compiled policy: its tree file fetched and rendered, with neither marked nor the validator. */
async function compiledPolicy(
  loaded: LoadedManifest & { trees: NonNullable<LoadedManifest['trees']> },
  policy: Policy,
  fetchOptions: SharedFetchOptions,
  lang: string,
  renderOptions: Promise<RenderMarkdownOptions>,
  signal: AbortSignal,
): Promise<PolicyText> {
  const [{ treeBlocks }, { renderTreeInSlices }, tree, render] = await Promise.all([
    loadCompiledCheck(),
    loadTreeRenderer(),
    loadPolicyTree(loaded, policy, fetchOptions, lang),
    renderOptions,
  ]);
  const checked = treeBlocks(tree.data);
  if ('problem' in checked) throw new LoadError('json', tree.file, `${tree.file} ${checked.problem}`);
  const markdown = await renderTreeInSlices(checked.blocks, { ...render, baseUrl: tree.url }, signal);
  return { markdown, lang: tree.lang, fallback: tree.fallback };
}

/** A policy from a source manifest: its markdown fetched, lexed and rendered. */
async function markdownPolicy(
  loaded: LoadedManifest,
  policy: Policy,
  fetchOptions: SharedFetchOptions,
  lang: string,
  renderOptions: Promise<RenderMarkdownOptions>,
  signal: AbortSignal,
): Promise<PolicyText> {
  const [{ renderMarkdownInSlices }, text, render] = await Promise.all([loadMarkdown(), loadPolicyText(loaded, policy, fetchOptions, lang), renderOptions]);
  // In slices, yielding to the page between them: a long policy never blocks it for long.
  const markdown = await renderMarkdownInSlices(text.text, { ...render, baseUrl: text.url }, signal);
  return { markdown, lang: text.lang, fallback: text.fallback };
}

/** Starts loading what rendering a policy from this manifest will need, before the manifest arrives. */
export function preloadPolicyRenderer(src: string | null | undefined): void {
  if (src) void (looksCompiled(src) ? loadTreeRenderer() : loadMarkdown()).catch(() => undefined);
}

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
      /** The manifest's URL, to start loading the renderer it needs at once. */
      src?: string | null;
      /** Whether a policy is likely to be shown before the manifest says (default: yes). */
      policyLikely?: boolean;
      /** Where a link to another trust-center view (`#disclosure`, `#faq/…`) goes; the hash itself by default. */
      routeHref?: (hash: string) => string;
      /** The level of the policy's title (default 1): the text's `##` sections sit one level below it. */
      headingLevel?: number;
    },
  ) {
    host.addController(this);
    this.task = new Task<Args, RenderedPolicy>(host, {
      task: async ([loaded, policyId, attempt, lang, level], { signal }) => {
        const policy = loaded?.manifest.policies.find((p) => p.id === policyId);
        if (!loaded || !policy) throw new Error('no policy selected');
        const fetchOptions = { signal, reload: attempt > 0, timeoutMs: this.current().timeoutMs };
        // The note on a refused image is in the reader's language, whose strings load alongside the policy.
        const uiLang = this.current().lang ?? '';
        const render = Promise.resolve(loadCatalogue(catalogueLanguage(uiLang))).then(
          (): RenderMarkdownOptions => ({
            anchorHref: (id) => (isRoute(loaded, id) ? (this.current().routeHref?.(`#${id}`) ?? `#${id}`) : policyHref(policy.id, id)),
            imageOrigins: imageOriginsOf(loaded),
            imageNotShown: viewMessagesFor(uiLang).imageNotShown,
            headingOffset: level - 1,
          }),
        );
        const text = loaded.trees
          ? await compiledPolicy({ ...loaded, trees: loaded.trees }, policy, fetchOptions, lang, render, signal)
          : await markdownPolicy(loaded, policy, fetchOptions, lang, render, signal);
        return { policy, ...text };
      },
      args: () => {
        const { loaded, policyId, lang = '', headingLevel = 1 } = this.current();
        // Only a policy given per language depends on the reader's language.
        const policy = loaded?.manifest.policies.find((p) => p.id === policyId);
        const key = policy && policy.source !== undefined && typeof policy.source !== 'string' ? lang : '';
        return [loaded, policyId, this.attempt, key, headingLevel] as const;
      },
    });
  }

  hostConnected(): void {
    const { src, policyLikely = true } = this.current();
    if (policyLikely) preloadPolicyRenderer(src);
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
