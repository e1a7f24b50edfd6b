import { ReactiveElement, css, type PropertyDeclarations, type PropertyValues } from '@lit/reactive-element';
import { formatDate } from '../i18n/locale.js';
import { LangController } from '../i18n/lang-controller.js';
import { announcements, latest } from './announcements.js';
import type { BannerPolicy } from './banner-manifest.js';
import { bannerLoader } from './banner-loader.js';
import { bannerMessagesFor, formatList, type BannerMessages } from './messages.js';
import { reserveSpace } from './reserve-space.js';
import { SEEN_EVENT, markSeen, readSeen } from './seen-store.js';
import { bannerTheme } from './theme.js';

export type BannerTheme = 'light' | 'dark' | 'auto';
export type BannerPosition = 'inline' | 'top' | 'bottom';

export interface BannerDismissDetail {
  /** The policies the banner announced, at the versions now recorded as seen. */
  policies: { id: string; updated: string }[];
}

/** An element with attributes and children: text only ever goes in as text, never parsed as HTML. */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string>, ...children: Node[]) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/**
 * A one-line notice, for every page of a site, that a policy changed: shown once per update until the
 * visitor dismisses it, follows its link or views the policy in `<trust-center>`.
 *
 * A ReactiveElement that writes its few nodes itself rather than a LitElement with a template: lit-html is
 * ~2.9 KB of the banner bundle's 9 KB gzipped budget; for the same reason its properties are declared
 * without decorators (their helpers weigh ~0.4 KB). Manifest text only ever goes in as text.
 *
 * @attr {string} src - URL of the trust-center manifest (relative to the page). Nothing is fetched before the element is connected.
 * @attr {string} href - The trust center's page; "Review changes" links to it plus `#<policy-id>`. Defaults to the current page.
 * @attr {'inline' | 'top' | 'bottom'} position - `inline` (default: where the element stands), `top` or `bottom` (a bar fixed to that edge of the viewport).
 * @attr {'inline' | 'top' | 'bottom'} narrow-position - Where it stands on screens narrower than 32em (phones), e.g. `bottom` within thumb's reach; `position` by default.
 * @attr {boolean} overlay - With `top`/`bottom`: float over the page instead of reserving the bar's height as padding on `<html>`.
 * @attr {'light' | 'dark' | 'auto'} theme - `light` (default), `dark` or `auto` (follows the OS setting).
 * @attr {string} lang - Language for dates and text; else the nearest ancestor's, else the browser's.
 * @attr {number} timeout - Milliseconds to wait for the manifest before giving up silently (default 10000).
 *
 * @event {CustomEvent<TrustCenterDismissDetail>} trust-center-dismiss - The visitor dismissed the banner; the versions are recorded. `detail: { policies: [{ id, updated }] }`.
 *
 * @slot message - Replaces the generated message.
 * @slot link - Replaces the text of the "Review changes" link.
 *
 * @csspart banner - The region holding the message, the link and the button.
 * @csspart message - The message.
 * @csspart link - The "Review changes" link, styled as the primary button.
 * @csspart dismiss - The Dismiss button: a ✕ named "Dismiss".
 *
 * @cssproperty --tc-accent - The "Review changes" button and the focus ring.
 * @cssproperty --tc-on-accent - Text of the "Review changes" button.
 * @cssproperty --tc-text - Text.
 * @cssproperty --tc-surface - Background of the banner.
 * @cssproperty --tc-border - Border of the banner.
 * @cssproperty --tc-font-family - Font; defaults to the host's (`inherit`).
 * @cssproperty --tc-radius - Corner radius (inline banner and button).
 * @cssproperty --tc-space - Padding inside the banner (default 1rem).
 * @cssproperty --tc-focus-ring - Focus outline (default 2px solid the accent).
 * @cssproperty --tc-banner-z-index - Stacking order of the fixed bar (default 1000).
 * @cssproperty --tc-banner-offset-top - Set on `<html>` while a top bar shows: its height (read-only; for sticky headers and `scroll-padding-top`).
 * @cssproperty --tc-banner-offset-bottom - The same for a bottom bar.
 */
export class TrustCenterBannerElement extends ReactiveElement {
  // Manifest text wraps anywhere and nothing paints or takes clicks outside the bar (contain: paint); the message,
  // a scroll container, may shrink below its longest word (min-width: auto is 0 for it). A fixed bar is a grid whose
  // message row is flexible (auto rows ignore max-height): the message scrolls, the link and Dismiss stay in view.
  // Below 32em the message is cut to two lines (the link leads to the rest) with Dismiss beside it and the link under
  // it, so a phone's bar stays under about 15 % of the screen.
  static override styles = [
    bannerTheme,
    css`
      .banner {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em 1em;
        padding: 0.6em var(--tc-space, 1rem);
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        overflow-wrap: anywhere;
        contain: paint;
      }
      .fixed {
        position: fixed;
        inset-inline: 0;
        z-index: var(--tc-banner-z-index, 1000);
        border-radius: 0;
        display: grid;
        grid-template: minmax(0, 1fr) / minmax(0, 1fr) auto auto;
        max-height: 50vh;
      }
      .top {
        top: 0;
        border-width: 0 0 1px;
        --_from: -100%;
      }
      .bottom {
        bottom: 0;
        border-width: 1px 0 0;
        --_from: 100%;
      }
      p {
        flex: 1 1 20em;
        max-height: 100%;
        overflow-y: auto;
        margin: 0;
      }
      a {
        padding: 0.3em 0.9em;
        border-radius: var(--_radius);
        background: var(--_accent);
        color: var(--_on-accent);
        font-weight: 600;
        text-decoration: none;
      }
      button {
        align-self: center;
        padding: 0 0.3em;
        font-size: 1.5em;
        line-height: 1.2;
        color: inherit;
        background: none;
        border: 0;
      }
      @media (max-width: 32em) {
        .fixed {
          grid-template: auto auto / minmax(0, 1fr) auto;
          padding-block: 0.4em 0.6em;
        }
        .fixed p {
          display: -webkit-box;
          -webkit-box-orient: vertical;
          -webkit-line-clamp: 2;
          overflow: hidden;
        }
        .fixed a {
          grid-row: 2;
          justify-self: start;
        }
        button {
          align-self: start;
        }
      }
      @media (prefers-reduced-motion: no-preference) {
        .fixed {
          animation: slide-in 0.25s ease-out;
        }
      }
      @keyframes slide-in {
        from {
          transform: translateY(var(--_from));
        }
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    seen: { state: true },
    src: { reflect: true },
    href: { reflect: true },
    position: { reflect: true },
    narrowPosition: { attribute: 'narrow-position', reflect: true },
    overlay: { type: Boolean, reflect: true },
    theme: { reflect: true },
    timeout: { type: Number },
    now: { attribute: false },
  };

  private readonly language = new LangController(this);
  private readonly loader = bannerLoader(
    this,
    () => this.src,
    () => this.timeout,
  );
  // Registers itself with the host; nothing else needs to reach it.
  protected readonly space = reserveSpace(this, () => {
    const bar = this.nodes?.bar;
    return bar?.isConnected && this.edge ? { bar, edge: this.edge, pad: !this.overlay } : undefined;
  });
  /** Phones: where `narrow-position` applies. */
  private readonly narrow = matchMedia('(max-width: 32em)');

  /** The versions the visitor has seen, re-read when this or another tab records some. */
  declare private seen: Record<string, string>;
  private seenUrl: string | undefined;
  /** The banner's nodes, built the first time it has something to say. */
  private nodes: ReturnType<TrustCenterBannerElement['build']> | undefined;

  declare src: string | null;
  declare href: string | null;
  declare position: BannerPosition;
  declare narrowPosition: BannerPosition | null;
  declare overlay: boolean;
  declare theme: BannerTheme;
  /** Milliseconds to wait for the manifest before giving up silently. */
  declare timeout: number;
  /** "Today", for deciding what is recent; the current date when unset (tests, previews). */
  declare now: Date | undefined;

  constructor() {
    super();
    this.seen = {};
    this.src = null;
    this.href = null;
    this.position = 'inline';
    this.narrowPosition = null;
    this.overlay = false;
    this.theme = 'light';
    this.timeout = 10_000;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.narrow.onchange = () => this.requestUpdate();
    addEventListener('storage', this.handleSeen);
    addEventListener(SEEN_EVENT, this.handleSeen);
    // Another tab may have recorded versions while this element was detached.
    this.handleSeen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.narrow.onchange = null;
    removeEventListener('storage', this.handleSeen);
    removeEventListener(SEEN_EVENT, this.handleSeen);
  }

  protected override willUpdate(): void {
    const url = this.loader.value?.url;
    if (url !== this.seenUrl) {
      this.seenUrl = url;
      this.seen = url ? readSeen(url) : {};
    }
  }

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    this.render();
  }

  /** The policies the banner announces now, in manifest order: none until the manifest has loaded. */
  get announced(): BannerPolicy[] {
    const loaded = this.loader.value;
    return loaded ? announcements(loaded.manifest, this.seen, this.now ?? new Date()) : [];
  }

  private get edge() {
    const position = (this.narrow.matches && this.narrowPosition) || this.position;
    return position === 'top' || position === 'bottom' ? position : undefined;
  }

  /** Records the announced versions as seen, which hides the banner here and in every tab. */
  private recordSeen(): BannerDismissDetail['policies'] {
    const policies = this.announced.map(({ id, updated }) => ({ id, updated }));
    const current = this.loader.value?.manifest.policies.map((p) => p.id);
    if (this.seenUrl) markSeen(this.seenUrl, Object.fromEntries(policies.map((p) => [p.id, p.updated])), current);
    return policies;
  }

  // Another tab (storage) or this page (markSeen) recorded versions; re-reading one key is cheap.
  private readonly handleSeen = () => {
    if (this.seenUrl) this.seen = readSeen(this.seenUrl);
  };

  private readonly handleDismiss = () => {
    const detail: BannerDismissDetail = { policies: this.recordSeen() };
    this.dispatchEvent(new CustomEvent('trust-center-dismiss', { bubbles: true, composed: true, detail }));
  };

  // Following the link counts as seeing the update: a trust center on another origin cannot record it here.
  private readonly handleLinkClick = () => void this.recordSeen();

  private build() {
    const message = h('slot', { name: 'message' });
    const linkText = h('slot', { name: 'link' });
    const link = h('a', { part: 'link' }, linkText);
    const dismiss = h('button', { part: 'dismiss', type: 'button' });
    const text = h('p', { part: 'message' }, message);
    link.addEventListener('click', this.handleLinkClick);
    dismiss.addEventListener('click', this.handleDismiss);
    // A message longer than its box scrolls, and is then in the tab order so a keyboard can scroll it too (not when
    // it is cut to two lines); the observer runs once laid out and again whenever the box changes.
    new ResizeObserver(
      () => (text.tabIndex = text.scrollHeight > text.clientHeight && getComputedStyle(text).overflowY != 'hidden' ? 0 : -1),
    ).observe(text);
    const bar = h('div', { part: 'banner', role: 'region' }, text, link, dismiss);
    return { bar, message, link, linkText, dismiss };
  }

  private generatedMessage(policies: BannerPolicy[], date: string, messages: BannerMessages): string {
    const [only] = policies;
    const lines =
      policies.length === 1
        ? [messages.updatedOne(only!.title, date), only!.change]
        : [
            messages.updatedMany(formatList(policies.map((p) => messages.listName(p.title)), messages), date),
            ...policies.map((p) => p.change && messages.change(p.title, p.change)),
          ];
    return lines.filter(Boolean).join(' ');
  }

  /** Writes the nodes in place, so a focused button stays focused; nothing at all until there is news. */
  protected render(): void {
    const policies = this.announced;
    const newest = latest(policies);
    if (!newest) {
      this.nodes?.bar.remove();
      return;
    }
    const nodes = (this.nodes ??= this.build());
    const lang = this.language.value;
    const messages = bannerMessagesFor(lang);
    nodes.bar.className = this.edge ? `banner fixed ${this.edge}` : 'banner';
    nodes.bar.setAttribute('aria-label', messages.region);
    nodes.message.textContent =
      this.loader.value?.manifest.message ??
      this.generatedMessage(policies, formatDate(newest.updated, lang), messages);
    nodes.link.href = `${(this.href || location.pathname + location.search).replace(/#.*/, '')}#${newest.id}`;
    nodes.linkText.textContent = messages.reviewChanges;
    nodes.dismiss.textContent = '✕';
    nodes.dismiss.ariaLabel = nodes.dismiss.title = messages.dismiss;
    if (nodes.bar.parentNode !== this.renderRoot) this.renderRoot.append(nodes.bar);
  }
}
