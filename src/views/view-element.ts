import { LitElement, type TemplateResult } from 'lit';
import { headingTemplate } from '../elements/templates.js';
import { property } from 'lit/decorators.js';
import { LangController } from '../i18n/lang-controller.js';
import type { LoadedManifest } from '../loading/manifest-loader.js';
import type { Theme } from '../elements/trust-center.js';
import { sectionMessagesFor, type SectionMessages } from './section-messages.js';
import type { RevealableView } from './types.js';

/** Registers a view's tag once; a second copy of the bundle finds it taken and leaves it. */
export function defineView(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}

/**
 * What every lazily loaded view of <trust-center> shares: the loaded manifest, the theme, the language
 * of the page, and revealing its target (its heading, or the item the hash names) once rendered.
 */
export abstract class ViewElement extends LitElement implements RevealableView {
  /** The view's parts, forwarded (`exportparts`) so `trust-center::part(…)` reaches into the view. */
  static exportedParts: readonly string[] = [];

  private readonly languageController = new LangController(this);

  /** The manifest <trust-center> loaded. */
  @property({ attribute: false }) loaded: LoadedManifest | undefined;
  /** Passed down so the view's own tokens follow the trust center's scheme. */
  @property({ reflect: true }) theme: Theme = 'light';
  /** Level of the view's title, its items' one below: the trust center's own. */
  @property({ type: Number, attribute: false }) headingLevel = 2;

  override connectedCallback(): void {
    super.connectedCallback();
    const parts = (this.constructor as typeof ViewElement).exportedParts;
    if (parts.length && !this.hasAttribute('exportparts')) this.setAttribute('exportparts', parts.join(', '));
  }

  protected get language(): string {
    return this.languageController.value;
  }

  protected get messages(): SectionMessages {
    return sectionMessagesFor(this.language);
  }

  /** Resolves once what the view shows is ready (data it loads); the default has nothing to wait for. */
  protected ready(): Promise<unknown> {
    return Promise.resolve();
  }

  /** The element the route names within the view; the view's heading by default. */
  protected revealTarget(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.view-title');
  }

  /** The view's title, at the trust center's level, a target of deep links. */
  protected titleTemplate(id: string, text: string): TemplateResult {
    return headingTemplate(this.headingLevel, text, { id, className: 'view-title', target: true });
  }

  async reveal(focus: boolean): Promise<void> {
    await this.updateComplete;
    await this.ready().catch(() => undefined);
    await this.updateComplete;
    const target = this.revealTarget();
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    if (!focus) return;
    if (!target.matches('a[href], button, input, select, textarea, summary, [tabindex]')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }
}
