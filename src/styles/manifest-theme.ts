/**
 * A manifest's `theme`: a company's brand defaults, which a host page's `--tc-*` tokens still override.
 *
 * ```json
 * "theme": { "accent": "#6d28d9", "onAccent": "#ffffff", "radius": "12px", "dark": { "accent": "#b69cff", "onAccent": "#0d1117" } }
 * ```
 *
 * `accent` and `onAccent` are the light scheme's; `dark` gives the dark scheme's (a brand colour dark
 * enough for white pages rarely reads on a dark one, so it is never carried over: without `dark.accent`
 * the dark scheme keeps its default).
 */
export interface ManifestTheme {
  accent?: string;
  onAccent?: string;
  radius?: string;
  dark?: { accent?: string; onAccent?: string };
}

/** A colour the manifest may give: hex, or a colour function of numbers, percentages and angles. */
export const MANIFEST_COLOR_PATTERN =
  /^(?:#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\([0-9a-zA-Z.,%/+\s-]{1,64}\))$/;
/** A radius: a length in px, rem or em, or 0. */
export const MANIFEST_LENGTH_PATTERN = /^(?:0|\d{1,3}(?:\.\d{1,3})?(?:px|rem|em))$/;

type Kind = 'color' | 'length';
const PROPERTIES: readonly [path: readonly string[], property: string, kind: Kind][] = [
  [['accent'], '--_manifest-accent', 'color'],
  [['onAccent'], '--_manifest-on-accent', 'color'],
  [['radius'], '--_manifest-radius', 'length'],
  [['dark', 'accent'], '--_manifest-dark-accent', 'color'],
  [['dark', 'onAccent'], '--_manifest-dark-on-accent', 'color'],
];

function valid(value: unknown, kind: Kind): value is string {
  if (typeof value !== 'string') return false;
  const pattern = kind === 'color' ? MANIFEST_COLOR_PATTERN : MANIFEST_LENGTH_PATTERN;
  if (!pattern.test(value)) return false;
  // The browser has the last word where there is one (it knows which colour functions it supports).
  return typeof CSS === 'undefined' || CSS.supports(kind === 'color' ? 'color' : 'border-radius', value);
}

/**
 * The private custom properties for a manifest theme, each value checked (anything else is left out, so
 * the default applies): `{ '--_manifest-accent': '#6d28d9', … }`.
 */
export function manifestThemeProperties(theme: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, property, kind] of PROPERTIES) {
    let value: unknown = theme;
    for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    if (valid(value, kind)) out[property] = value.trim();
  }
  return out;
}

const sheets = new WeakMap<ShadowRoot, CSSStyleSheet>();

/**
 * Applies a manifest's theme to an element as defaults: one constructed style sheet in its shadow root
 * declares the `--_manifest-*` properties on `:host`, which theme.ts reads after the host's `--tc-*`
 * tokens. CSSOM only (no `style` attribute, no `<style>` text), so it works under a strict
 * Content-Security-Policy, and the host element's own `style` is never touched. Calling it again
 * replaces the previous theme; `undefined` removes it. Nested elements inherit it.
 */
export function applyManifestTheme(element: Element, theme: unknown): void {
  const root = element.shadowRoot;
  if (!root || !('adoptedStyleSheets' in root)) return;
  const properties = Object.entries(manifestThemeProperties(theme));
  const previous = sheets.get(root);
  if (!previous && properties.length === 0) return;
  // A new sheet each time: WebKit does not restyle when a rule of an adopted sheet changes in place.
  const sheet = new CSSStyleSheet();
  sheet.insertRule(':host {}');
  const style = (sheet.cssRules[0] as CSSStyleRule).style;
  for (const [property, value] of properties) style.setProperty(property, value);
  sheets.set(root, sheet);
  const others = root.adoptedStyleSheets.filter((s) => s !== previous);
  root.adoptedStyleSheets = properties.length ? [...others, sheet] : others;
}
