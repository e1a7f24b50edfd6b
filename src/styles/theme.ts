import { css } from 'lit';

/**
 * The public `--tc-*` tokens and their light/dark defaults. Internal `--_*`
 * properties carry the resolved value so each rule reads one name.
 */
export const themeStyles = css`
  :host {
    --_light-accent: #0a58ab;
    --_light-on-accent: #ffffff;
    --_light-text: #1b1f24;
    --_light-muted: #545d68;
    --_light-background: #ffffff;
    --_light-surface: #f4f6f8;
    --_light-border: #c9d1d9;
    --_light-danger: #b42318;
    --_light-success: #116329;
    --_light-warning: #8a4b00;

    --_dark-accent: #6cb6ff;
    --_dark-on-accent: #0d1117;
    --_dark-text: #e6edf3;
    --_dark-muted: #a4adb8;
    --_dark-background: #0d1117;
    --_dark-surface: #161b22;
    --_dark-border: #3d444d;
    --_dark-danger: #ff8e85;
    --_dark-success: #63d383;
    --_dark-warning: #f0b45a;

    color-scheme: light;
    --_scheme-accent: var(--_light-accent);
    --_scheme-on-accent: var(--_light-on-accent);
    --_scheme-text: var(--_light-text);
    --_scheme-muted: var(--_light-muted);
    --_scheme-background: var(--_light-background);
    --_scheme-surface: var(--_light-surface);
    --_scheme-border: var(--_light-border);
    --_scheme-danger: var(--_light-danger);
    --_scheme-success: var(--_light-success);
    --_scheme-warning: var(--_light-warning);
  }

  :host([theme='dark']) {
    color-scheme: dark;
    --_scheme-accent: var(--_dark-accent);
    --_scheme-on-accent: var(--_dark-on-accent);
    --_scheme-text: var(--_dark-text);
    --_scheme-muted: var(--_dark-muted);
    --_scheme-background: var(--_dark-background);
    --_scheme-surface: var(--_dark-surface);
    --_scheme-border: var(--_dark-border);
    --_scheme-danger: var(--_dark-danger);
    --_scheme-success: var(--_dark-success);
    --_scheme-warning: var(--_dark-warning);
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      color-scheme: dark;
      --_scheme-accent: var(--_dark-accent);
      --_scheme-on-accent: var(--_dark-on-accent);
      --_scheme-text: var(--_dark-text);
      --_scheme-muted: var(--_dark-muted);
      --_scheme-background: var(--_dark-background);
      --_scheme-surface: var(--_dark-surface);
      --_scheme-border: var(--_dark-border);
      --_scheme-danger: var(--_dark-danger);
      --_scheme-success: var(--_dark-success);
      --_scheme-warning: var(--_dark-warning);
    }
  }

  :host {
    --_accent: var(--tc-accent, var(--_scheme-accent));
    --_on-accent: var(--tc-on-accent, var(--_scheme-on-accent));
    --_text: var(--tc-text, var(--_scheme-text));
    --_muted: var(--tc-muted, var(--_scheme-muted));
    --_background: var(--tc-background, var(--_scheme-background));
    --_surface: var(--tc-surface, var(--_scheme-surface));
    --_border: var(--tc-border, var(--_scheme-border));
    --_danger: var(--tc-danger, var(--_scheme-danger));
    --_success: var(--tc-success, var(--_scheme-success));
    --_warning: var(--tc-warning, var(--_scheme-warning));
    --_radius: var(--tc-radius, 0.5rem);
    --_space: var(--tc-space, 1rem);
    --_focus: var(--tc-focus-ring, 2px solid var(--_accent));

    display: block;
    box-sizing: border-box;
    font-family: var(--tc-font-family, inherit);
    font-size: var(--tc-font-size, inherit);
    line-height: var(--tc-line-height, 1.6);
    color: var(--_text);
    background: var(--_background);
    text-align: start;
  }

  :host([hidden]) {
    display: none;
  }

  /* Host pages may restyle bare elements; everything inside starts from known ground. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  a {
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  a:hover {
    text-decoration-thickness: 2px;
  }

  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
    border-radius: 2px;
  }

  [tabindex='-1']:focus {
    outline: none;
  }

  button {
    font: inherit;
    color: var(--_on-accent);
    background: var(--_accent);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 0.4em 1em;
    cursor: pointer;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/** Typography for rendered policy markdown. */
export const contentStyles = css`
  .markdown {
    overflow-wrap: anywhere;
  }
  .markdown :is(h1, h2, h3, h4, h5, h6) {
    line-height: 1.25;
    margin: 1.6em 0 0.6em;
    scroll-margin-top: var(--tc-scroll-margin, 1rem);
  }
  .markdown h2 {
    font-size: 1.35em;
  }
  .markdown h3 {
    font-size: 1.15em;
  }
  .markdown :is(h4, h5, h6) {
    font-size: 1em;
  }
  .markdown > :first-child {
    margin-top: 0;
  }
  .markdown :is(p, ul, ol, blockquote, pre, .table-wrap) {
    margin: 0 0 1em;
  }
  .markdown blockquote {
    margin-inline: 0;
    padding: 0.5em 1em;
    border-inline-start: 4px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    border-radius: 0 var(--_radius) var(--_radius) 0;
  }
  .markdown blockquote > :last-child {
    margin-bottom: 0;
  }
  .markdown :is(code, pre) {
    font-family: var(--tc-font-family-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    font-size: 0.9em;
  }
  .markdown :not(pre) > code {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 4px;
    padding: 0.05em 0.3em;
  }
  .markdown pre {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75em 1em;
    overflow-x: auto;
  }
  /* Raw HTML is shown as text; wrapping keeps it readable without a scroll region. */
  .markdown pre:is(.raw-html, .raw-markdown) {
    font-family: inherit;
    font-size: 1em;
    background: none;
    border: 0;
    padding: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .markdown .table-wrap {
    overflow-x: auto;
  }
  .markdown table {
    border-collapse: collapse;
    min-width: 50%;
  }
  .markdown :is(th, td) {
    border: 1px solid var(--_border);
    padding: 0.4em 0.75em;
    text-align: start;
    vertical-align: top;
  }
  .markdown th {
    background: var(--_surface);
  }
  .markdown .align-center {
    text-align: center;
  }
  .markdown .align-right {
    text-align: end;
  }
  .markdown img {
    max-width: 100%;
    height: auto;
  }
  .markdown hr {
    border: 0;
    border-top: 1px solid var(--_border);
    margin: 2em 0;
  }
  .markdown .contains-task-list {
    list-style: none;
    padding-inline-start: 0.5em;
  }
  .markdown li > :is(ul, ol) {
    margin-bottom: 0;
  }
`;
