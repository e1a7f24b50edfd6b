import { isServer } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { html as staticHtml, unsafeStatic, type StaticValue } from 'lit/static-html.js';

// What render.ts builds the markdown tree with. In a browser: DOM nodes, made with createElement and text
// nodes (never an HTML parser), in a document of their own and copied onto the page, which is several
// times faster than a Lit template per element. Where there is no DOM (Lit SSR in `trust-center build`):
// Lit templates. Both take tag and attribute names from the renderer's own code only.

/** Every element the renderer makes. */
export type Tag =
  | 'a' | 'blockquote' | 'br' | 'code' | 'del' | 'div' | 'em' | 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'hr' | 'img' | 'input'
  | 'li' | 'ol' | 'p' | 'pre' | 'span' | 'strong' | 'table' | 'tbody' | 'td' | 'th' | 'thead' | 'tr' | 'ul';

/** An attribute's value; `true` is a boolean attribute that is set, `false` and `undefined` leave it out. */
export type Attributes = Readonly<Record<string, string | boolean | undefined>>;

export interface Builder {
  /** An element with these attributes and children (elements it made, or strings). */
  el(tag: Tag, attributes: Attributes | null, children: unknown): unknown;
  /** What a template binds to put `children` on the page: a fresh copy wherever it is rendered. */
  finish(children: unknown): unknown;
}

// ---------------------------------------------------------------------------------------------
// DOM

let inertDocument: Document | undefined;

function append(parent: Element | DocumentFragment, children: unknown): void {
  if (Array.isArray(children)) {
    for (const child of children) append(parent, child);
  } else if (typeof children === 'string') {
    if (children !== '') parent.append(children);
  } else if (children instanceof Node) {
    parent.append(children);
  }
}

const domBuilder = (): Builder => {
  // Its images load and its links resolve only once a copy is on the page.
  const doc = (inertDocument ??= document.implementation.createHTMLDocument(''));
  return {
    el(tag, attributes, children) {
      const element = doc.createElement(tag);
      if (attributes) {
        for (const name in attributes) {
          const value = attributes[name];
          if (typeof value === 'string') element.setAttribute(name, value);
          else if (value === true) element.setAttribute(name, '');
        }
      }
      append(element, children);
      return element;
    },
    finish(children) {
      const fragment = doc.createDocumentFragment();
      append(fragment, children);
      // Once per place it is rendered: a view shown again gets its own copy, the built one stays whole.
      return guard([fragment], () => document.importNode(fragment, true));
    },
  };
};

// ---------------------------------------------------------------------------------------------
// Lit (server)

const statics = new Map<Tag, StaticValue>();
const VOID: ReadonlySet<Tag> = new Set(['br', 'hr', 'img', 'input']);

const litBuilder = (): Builder => ({
  el(tag, attributes, children) {
    let t = statics.get(tag);
    if (!t) statics.set(tag, (t = unsafeStatic(tag)));
    // A template of just the attributes given (a binding to `nothing` would leave its space in the HTML).
    // Its static parts are this file's tag and attribute names; values and children are bindings, escaped.
    const strings = ['<'];
    const values: unknown[] = [t];
    let flags = '';
    for (const name in attributes) {
      const value = attributes[name];
      if (value === true) flags += ` ${name}`;
      else if (typeof value === 'string') {
        strings.push(`${flags} ${name}=`);
        values.push(value);
        flags = '';
      }
    }
    strings.push(`${flags}>`);
    if (!VOID.has(tag)) {
      values.push(children, t);
      strings.push('</', '>');
    }
    return staticHtml(strings as unknown as TemplateStringsArray, ...values);
  },
  finish: (children) => children,
});

/** The builder for one rendering. */
export function builder(): Builder {
  return isServer ? litBuilder() : domBuilder();
}
