// The least a Lit element needs to show the compiled sample policy as <trust-center-policy> does: the same
// structural check, tree renderer, templates and styles, and nothing else (no loading or error states, no
// languages, routing, storage or controllers). Bundled by scripts/bench/timings.mjs for bench/policy-lit-floor.html,
// the navigation table's lower bound for a script-rendered element; never shipped.
import { LitElement, html } from 'lit';
import { checkCompiledManifest, treeBlocks } from '../../src/manifest/compiled.js';
import { renderTree, type RenderedMarkdown } from '../../src/markdown/render.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { policyArticleTemplate, policyElementStyles, policyTextTemplate } from '../../src/elements/policy-page.js';
import type { Policy } from '../../src/manifest/schema.js';

class LitFloorPolicy extends LitElement {
  static override styles = policyElementStyles;
  static override properties = { shown: { state: true } };

  shown: { policy: Policy; markdown: RenderedMarkdown } | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load(new URL(this.getAttribute('src') ?? '', document.baseURI));
  }

  private async load(src: URL): Promise<void> {
    const data = (await (await fetch(src)).json()) as Record<string, unknown>;
    const check = checkCompiledManifest(data);
    if (!check.ok) throw new Error(`${src}: not a compiled manifest`);
    const policy = check.manifest.policies.find((p) => p.id === this.getAttribute('policy'));
    const files = policy && check.trees[policy.id];
    const file = typeof files === 'object' ? files.en : files;
    const tree = file === undefined ? undefined : treeBlocks(check.inline[file]);
    if (!policy || !tree || 'problem' in tree) throw new Error(`${src}: no carried English text for the policy`);
    this.shown = { policy, markdown: renderTree(tree.blocks, { baseUrl: new URL(file as string, src).href }) };
  }

  override render(): unknown {
    if (!this.shown) return html``;
    const messages = messagesFor('en');
    const { policy, markdown } = this.shown;
    return policyArticleTemplate(policy, policyTextTemplate(policy.id, { markdown }, messages, 'en'), messages, 'en', undefined, 1);
  }
}

customElements.define('trust-center-policy', LitFloorPolicy);
