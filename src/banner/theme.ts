import { css } from '@lit/reactive-element';

/**
 * The `--tc-*` tokens the banner uses, with the same light/dark defaults as src/styles/theme.ts, written
 * with light-dark() so one declaration serves both schemes: the shared themeStyles (~1.1 KB gzipped) would
 * not fit the banner's 9 KB budget. test/banner.test.ts checks the two stay the same. The manifest's `theme`
 * (`--_manifest-*`, see src/styles/manifest-theme.ts) sits between the host's tokens and the defaults.
 */
export const bannerTheme = css`
  :host {
    color-scheme: light;
    --_accent: var(--tc-accent, light-dark(var(--_manifest-accent, #0a58ab), var(--_manifest-dark-accent, #6cb6ff)));
    --_on-accent: var(--tc-on-accent, light-dark(var(--_manifest-on-accent, #fff), var(--_manifest-dark-on-accent, #0d1117)));
    --_text: var(--tc-text, light-dark(#1b1f24, #e6edf3));
    --_surface: var(--tc-surface, light-dark(#f4f6f8, #161b22));
    --_border: var(--tc-border, light-dark(#c9d1d9, #3d444d));
    --_radius: var(--tc-radius, var(--_manifest-radius, 0.5rem));
    display: block;
    font-family: var(--tc-font-family, inherit);
    font-size: var(--tc-font-size, inherit);
    line-height: var(--tc-line-height, 1.6);
    color: var(--_text);
    text-align: start;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  :host([hidden]) {
    display: none;
  }
  @media print {
    :host {
      display: none;
    }
  }
  * {
    box-sizing: border-box;
  }
  a {
    color: var(--_accent);
    text-underline-offset: 0.15em;
  }
  a:hover {
    text-decoration-thickness: 2px;
  }
  :focus-visible {
    outline: var(--tc-focus-ring, 2px solid var(--_accent));
    outline-offset: 2px;
  }
  button {
    font: inherit;
    color: var(--_on-accent);
    background: var(--_accent);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    cursor: pointer;
  }
`;
