// For `trust-center build`, in Node: what it needs to write a compiled manifest and to prerender
// `<trust-center-policy>` into its pages with the element's own templates and styles (rendered to HTML by
// @lit-labs/ssr on the CLI's side; the element's bundles never import this module).
import { html, type TemplateResult } from 'lit';
import { policyArticleTemplate, policyElementStyles, policyTextTemplate } from '../elements/policy-page.js';
import { messagesFor } from '../i18n/messages.js';
import type { Policy } from '../manifest/schema.js';
import { renderTree, type RenderMarkdownOptions } from '../markdown/render.js';
import { manifestThemeProperties } from '../styles/manifest-theme.js';
import { viewMessagesFor } from '../views/messages.js';

export { COMPILED_FORMAT, COMPILED_FORMAT_VERSION } from '../manifest/compiled-format.js';
export { checkCompiledManifest } from '../manifest/compiled.js';
export { pickLocalizedSource } from '../i18n/localized-source.js';

export interface PrerenderOptions extends RenderMarkdownOptions {
  /** The language of the labels and dates (the page's). */
  lang: string;
  /** The language of the text, for a policy given per language. */
  textLang?: string | undefined;
  /** The text is in another language than `lang` (none was given in it). */
  fallback?: boolean | undefined;
}

/**
 * What `<trust-center-policy>` renders in its shadow root once a policy has loaded (its frame, title, date,
 * table of contents, text and change history), from the policy's compiled tree.
 */
export function prerenderedPolicy(policy: Policy, tree: readonly unknown[], options: PrerenderOptions): { template: TemplateResult; headings: { depth: number; text: string; id: string }[] } {
  const { lang, textLang, fallback, ...render } = options;
  const messages = messagesFor(lang);
  const markdown = renderTree(tree, { imageNotShown: viewMessagesFor(lang).imageNotShown, ...render });
  const text = policyTextTemplate(policy.id, { markdown, lang: textLang, fallback }, messages, lang);
  return { template: html`<div class="frame">${policyArticleTemplate(policy, text, messages, lang)}</div>`, headings: markdown.headings };
}

/** The element's style sheet as a file, with the manifest's theme as the element would apply it. */
export function elementCss(theme: unknown): string {
  const themed = Object.entries(manifestThemeProperties(theme));
  const rules = policyElementStyles.map((style) => style.cssText.trim());
  if (themed.length > 0) rules.push(`:host {\n${themed.map(([property, value]) => `  ${property}: ${value};`).join('\n')}\n}`);
  // The page's static.css hides the element until this sheet has loaded (an important declaration inside the
  // shadow root wins over the page's normal one).
  rules.push(':host {\n  visibility: visible !important;\n}');
  return `${rules.join('\n')}\n`;
}
