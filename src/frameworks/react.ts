// React 19 JSX typings for the public tags, opt-in (React's types are needed to read them):
// `/// <reference types="trust-center/react" />` in a .d.ts of the app, or `import type {} from 'trust-center/react'`.
// React 19 sets a custom element's props as properties when the element has them, else as attributes, and
// adds a prop named `on` + an event's exact, case-sensitive name as a listener: `ontrust-center-load`, never
// `onTrustCenterLoad` (that would listen for an event called "TrustCenterLoad").
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { TrustCenterEventMap } from '../events.js';
import type { TrustCenterListener, TrustCenterTags } from './elements.js';

/** `ontrust-center-load={…}` and the like: a listener for that event. */
export type TrustCenterReactEvents<Events extends keyof TrustCenterEventMap> = {
  [K in Events as `on${K}`]?: TrustCenterListener<K>;
};

/** The props of one tag in React 19 JSX: the HTML attributes, its own attributes and its events. */
export type TrustCenterReactProps<Tag extends keyof TrustCenterTags> = DetailedHTMLProps<
  HTMLAttributes<TrustCenterTags[Tag]['element']>,
  TrustCenterTags[Tag]['element']
> &
  TrustCenterTags[Tag]['attributes'] &
  TrustCenterReactEvents<TrustCenterTags[Tag]['events']>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'trust-center': TrustCenterReactProps<'trust-center'>;
      'trust-center-policy': TrustCenterReactProps<'trust-center-policy'>;
      'trust-center-banner': TrustCenterReactProps<'trust-center-banner'>;
      'trust-center-disclosure': TrustCenterReactProps<'trust-center-disclosure'>;
    }
  }
}
