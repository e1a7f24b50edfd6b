// The public tags as frameworks' template checkers see them: each one's element class, the attributes a
// template sets (by their HTML names) and the events it fires. react.ts and vue.ts map this one table.
import type { TrustCenterBannerElement } from '../banner/trust-center-banner.js';
import type { TrustCenterDisclosureElement } from '../disclosure/trust-center-disclosure.js';
import type { Theme, TrustCenterElement } from '../elements/trust-center.js';
import type { TrustCenterPolicyElement } from '../elements/trust-center-policy.js';
import type { TrustCenterEventMap } from '../events.js';

interface ManifestAttributes {
  /** URL of the manifest, relative to the page. */
  src?: string;
  /** Colour scheme; `auto` follows `prefers-color-scheme`. */
  theme?: Theme;
  /** Milliseconds to wait for the manifest (and a policy) before showing a timeout. */
  timeout?: number;
}

/** Each public tag: its class, its attributes by their HTML names, the events it fires. */
export interface TrustCenterTags {
  'trust-center': {
    element: TrustCenterElement;
    attributes: ManifestAttributes & { policy?: string };
    events: 'trust-center-load' | 'trust-center-error' | 'trust-center-request' | 'trust-center-submit';
  };
  'trust-center-policy': {
    element: TrustCenterPolicyElement;
    attributes: ManifestAttributes & { policy?: string };
    events: 'trust-center-load' | 'trust-center-error';
  };
  'trust-center-banner': {
    element: TrustCenterBannerElement;
    attributes: ManifestAttributes & { href?: string; position?: 'inline' | 'top' | 'bottom'; overlay?: boolean };
    events: 'trust-center-dismiss';
  };
  'trust-center-disclosure': {
    element: TrustCenterDisclosureElement;
    attributes: ManifestAttributes & { 'send-timeout'?: number; 'min-fill-time'?: number };
    events: 'trust-center-submit' | 'trust-center-load' | 'trust-center-error';
  };
}

/** A listener of one of the tags' events. */
export type TrustCenterListener<K extends keyof TrustCenterEventMap> = (event: TrustCenterEventMap[K]) => void;

// Every tag's events are events of the map.
export type TrustCenterTagEvents = { [Tag in keyof TrustCenterTags]: TrustCenterTags[Tag]['events'] extends keyof TrustCenterEventMap ? true : never };
