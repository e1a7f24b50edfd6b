// Vue 3 typings for the public tags, opt-in (Vue's types are needed to read them), for vue-tsc and Volar:
// `/// <reference types="trust-center/vue" />` in a .d.ts of the app, or `import type {} from 'trust-center/vue'`.
// Following Vue's guide for custom elements not built with Vue: each tag is a component type whose $props
// are its attributes (camelCased, as Vue's template checker reads them) and whose $emit are its events, so
// `@trust-center-load="(event) => event.detail.manifest"` is checked. Vue must still be told that these tags
// are custom elements (compilerOptions.isCustomElement), see the README.
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { TrustCenterEventMap } from '../events.js';
import type { TrustCenterTags } from './elements.js';

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;
type CamelCaseKeys<T> = { [K in keyof T as K extends string ? CamelCase<K> : K]: T[K] };

/** One tag as Vue's template checker sees a component. */
export type TrustCenterVueElement<Tag extends keyof TrustCenterTags> = new () => TrustCenterTags[Tag]['element'] & {
  /** @deprecated For template type checking only; not a property of the element. */
  $props: HTMLAttributes & CamelCaseKeys<TrustCenterTags[Tag]['attributes']> & PublicProps;
  /** @deprecated For template type checking only; not a method of the element. */
  $emit: EmitFn<{ [K in TrustCenterTags[Tag]['events']]: (event: TrustCenterEventMap[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'trust-center': TrustCenterVueElement<'trust-center'>;
    'trust-center-policy': TrustCenterVueElement<'trust-center-policy'>;
    'trust-center-banner': TrustCenterVueElement<'trust-center-banner'>;
    'trust-center-disclosure': TrustCenterVueElement<'trust-center-disclosure'>;
  }
}
