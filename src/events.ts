// The events the public elements fire, with their detail types, so `addEventListener('trust-center-load', …)`
// is typed on every element, the document and the window. All of them bubble and are composed.
import type { BannerDismissDetail } from './banner/trust-center-banner.js';
import type { DisclosureSubmitDetail } from './disclosure/trust-center-disclosure.js';
import type { LoadError } from './loading/errors.js';
import type { Manifest } from './manifest/schema.js';
import type { DocumentRequestDetail } from './views/documents.js';

export type { LoadError, LoadErrorKind } from './loading/errors.js';

/** `trust-center-load`: the manifest loaded and passed validation, or the last good copy stands in. */
export interface TrustCenterLoadDetail {
  manifest: Manifest;
  /** Set when the server could not be reached and the copy this browser kept stands in. */
  stale?: true;
  /** When that copy was kept (ISO 8601); with `stale`. */
  storedAt?: string;
  /** Why the fresh manifest could not be loaded; with `stale`. */
  error?: LoadError;
}

/** `trust-center-error`: the manifest could not be fetched (`http`, `network`, `timeout`) or is invalid (`json`, `schema`). */
export interface TrustCenterErrorDetail {
  error: LoadError;
}

/** `trust-center-request`: a document request arrived; `document` is the document's id. */
export type TrustCenterRequestDetail = DocumentRequestDetail;

/** `trust-center-submit`: a vulnerability report arrived, under this reference. */
export type TrustCenterSubmitDetail = DisclosureSubmitDetail;

/** `trust-center-dismiss`: the visitor dismissed the banner; these versions are recorded as seen. */
export type TrustCenterDismissDetail = BannerDismissDetail;

/** Every event of the public elements, by name. */
export interface TrustCenterEventMap {
  'trust-center-load': CustomEvent<TrustCenterLoadDetail>;
  'trust-center-error': CustomEvent<TrustCenterErrorDetail>;
  'trust-center-request': CustomEvent<TrustCenterRequestDetail>;
  'trust-center-submit': CustomEvent<TrustCenterSubmitDetail>;
  'trust-center-dismiss': CustomEvent<TrustCenterDismissDetail>;
}

declare global {
  // HTMLElementEventMap, DocumentEventMap and WindowEventMap all extend this one.
  interface GlobalEventHandlersEventMap extends TrustCenterEventMap {}
}
