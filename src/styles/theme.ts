import { css } from 'lit';

/**
 * The public `--tc-*` tokens, read in one place: every rule of every element reads the resolved
 * `--_*` name instead, so a token means the same thing everywhere.
 *
 * Each colour resolves, first to last: the host page's `--tc-*` token (on the element or any ancestor),
 * then the manifest's `theme` (private `--_manifest-*` properties that `applyManifestTheme` sets, see
 * manifest-theme.ts), then the scheme's default below. `light-dark()` picks the light or dark value by
 * the element's `color-scheme`: `light` (default), `dark` with `theme="dark"`, and `light dark` with
 * `theme="auto"`, which follows the OS setting (prefers-color-scheme).
 *
 * | token                     | light                | dark      | used for                                          |
 * | ------------------------- | -------------------- | --------- | ------------------------------------------------- |
 * | --tc-accent               | #0a58ab              | #6cb6ff   | links, buttons, focus ring, current navigation    |
 * | --tc-on-accent            | #ffffff              | #0d1117   | text on accent buttons                            |
 * | --tc-text                 | #1b1f24              | #e6edf3   | body text                                         |
 * | --tc-muted                | #545d68              | #a4adb8   | dates, hints, descriptions                        |
 * | --tc-background           | #ffffff              | #0d1117   | the component's background                        |
 * | --tc-surface              | #f4f6f8              | #161b22   | cards, code, table of contents, notices           |
 * | --tc-border               | #c9d1d9              | #3d444d   | borders and rules                                 |
 * | --tc-danger               | #b42318              | #ff8e85   | errors, invalid fields                            |
 * | --tc-success              | #116329              | #63d383   | "Certified" badges                                |
 * | --tc-warning              | #8a4b00              | #f0b45a   | "In progress" and "Planned" badges                |
 * | --tc-input-background     | --tc-background      |           | form fields                                       |
 * | --tc-input-border         | #7a838e              | #6e7681   | form field borders (3:1 against the background)   |
 * | --tc-input-text           | --tc-text            |           | text typed into form fields                       |
 * | --tc-font-family          | inherit              |           | all text (the host's font)                        |
 * | --tc-font-family-mono     | ui-monospace, …      |           | code, references, fingerprints                    |
 * | --tc-heading-font-family  | --tc-font-family     |           | headings                                          |
 * | --tc-heading-color        | --tc-text            |           | headings                                          |
 * | --tc-font-size            | inherit              |           | base size; headings scale from it                 |
 * | --tc-line-height          | 1.6                  |           | body line height                                  |
 * | --tc-title-size           | 1.75em               |           | policy and form titles                            |
 * | --tc-space                | 1rem                 |           | the spacing unit                                  |
 * | --tc-radius               | 0.5rem               |           | corner radius                                     |
 * | --tc-max-width            | 72rem                |           | content width                                     |
 * | --tc-focus-ring           | 2px solid accent     |           | keyboard focus outline                            |
 *
 * Every default pair meets WCAG AA (4.5:1 for text) in both schemes; test/theme.test.ts checks it with axe.
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
    --_light-input-border: #7a838e;

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
    --_dark-input-border: #6e7681;

    color-scheme: light;

    --_accent: var(
      --tc-accent,
      light-dark(var(--_manifest-accent, var(--_light-accent)), var(--_manifest-dark-accent, var(--_dark-accent)))
    );
    --_on-accent: var(
      --tc-on-accent,
      light-dark(
        var(--_manifest-on-accent, var(--_light-on-accent)),
        var(--_manifest-dark-on-accent, var(--_dark-on-accent))
      )
    );
    --_text: var(--tc-text, light-dark(var(--_light-text), var(--_dark-text)));
    --_muted: var(--tc-muted, light-dark(var(--_light-muted), var(--_dark-muted)));
    --_background: var(--tc-background, light-dark(var(--_light-background), var(--_dark-background)));
    --_surface: var(--tc-surface, light-dark(var(--_light-surface), var(--_dark-surface)));
    --_border: var(--tc-border, light-dark(var(--_light-border), var(--_dark-border)));
    --_danger: var(--tc-danger, light-dark(var(--_light-danger), var(--_dark-danger)));
    --_success: var(--tc-success, light-dark(var(--_light-success), var(--_dark-success)));
    --_warning: var(--tc-warning, light-dark(var(--_light-warning), var(--_dark-warning)));
    --_input-background: var(--tc-input-background, var(--_background));
    --_input-border: var(--tc-input-border, light-dark(var(--_light-input-border), var(--_dark-input-border)));
    --_input-text: var(--tc-input-text, var(--_text));
    --_heading-font: var(--tc-heading-font-family, inherit);
    --_heading-color: var(--tc-heading-color, var(--_text));
    --_mono: var(--tc-font-family-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace);
    --_radius: var(--tc-radius, var(--_manifest-radius, 0.5rem));
    --_space: var(--tc-space, 1rem);
    --_focus: var(--tc-focus-ring, 2px solid var(--_accent));
    /* Room a scrolled-to or focused element keeps from the window's edges: a fixed banner's height (which it
       sets on <html>) plus the host's own margin, so nothing focused hides under a sticky bar. */
    --_scroll-top: calc(var(--tc-banner-offset-top, 0px) + var(--tc-scroll-margin, 1rem));
    --_scroll-bottom: calc(var(--tc-banner-offset-bottom, 0px) + 0.5rem);

    display: block;
    box-sizing: border-box;
    scroll-margin-top: var(--_scroll-top);
    font-family: var(--tc-font-family, inherit);
    font-size: var(--tc-font-size, inherit);
    line-height: var(--tc-line-height, 1.6);
    color: var(--_text);
    background: var(--_background);
    text-align: start;
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }

  /* Follows the OS: light-dark() takes the preferred scheme when both are offered. */
  :host([theme='auto']) {
    color-scheme: light dark;
  }

  :host([hidden]) {
    display: none;
  }

  /* What a host page sets on html or body (or * ) is inherited through the shadow root or beats :host, so
     the text's own settings start again on the shadow tree's top-level nodes. Text from the manifest or a
     policy may be one unbreakable run (or invisible characters such as U+2800): it wraps anywhere. */
  :host > * {
    line-height: var(--tc-line-height, 1.6);
    text-align: start;
    text-transform: none;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
    overflow-wrap: anywhere;
  }

  /* Host pages may restyle bare elements; everything inside starts from known ground. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  /* A flex or grid item is never wider than its container for the sake of its content: that text wraps. */
  * {
    min-width: 0;
  }

  :is(h1, h2, h3, h4, h5, h6) {
    font-family: var(--_heading-font);
    color: var(--_heading-color);
  }

  /* What deep links and focus moves scroll to, and every control Tab reaches, stops clear of a host's sticky
     header and a fixed banner. */
  :is(h1, h2, h3, h4, h5, h6, nav, section, [tabindex], a[href], button, input, select, textarea, summary) {
    scroll-margin: var(--_scroll-top) 0 var(--_scroll-bottom);
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

  button,
  .button {
    display: inline-block;
    font: inherit;
    line-height: 1.4;
    color: var(--_on-accent);
    background: var(--_accent);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 0.4em 1em;
    text-decoration: none;
    cursor: pointer;
  }

  :is(button, .button).secondary {
    color: var(--_accent);
    background: transparent;
  }

  /* Every disclosure widget has the same marker, a chevron at its end, whatever the engine draws. */
  summary {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.75em;
    cursor: pointer;
    list-style: none;
  }
  summary::-webkit-details-marker {
    display: none;
  }
  summary::after {
    content: '';
    flex: none;
    width: 0.45em;
    height: 0.45em;
    margin: -0.2em 0.3em 0;
    border: solid currentColor;
    border-width: 0 2px 2px 0;
    transform: rotate(45deg);
  }
  [open] > summary::after {
    margin-top: 0.2em;
    transform: rotate(-135deg);
  }

  :is(input:not([type='checkbox'], [type='radio']), select, textarea) {
    font: inherit;
    color: var(--_input-text);
    background-color: var(--_input-background);
    border: 1px solid var(--_input-border);
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

  /* Printing shows the current policy alone, black on white, with the address of every external link. */
  @media print {
    :host,
    :host([theme]) {
      color-scheme: light;
      --_accent: #000;
      --_on-accent: #fff;
      --_text: #000;
      --_muted: #333;
      --_background: #fff;
      --_surface: #fff;
      --_border: #777;
      --_danger: #000;
      --_success: #000;
      --_warning: #000;
      --_heading-color: #000;
      color: #000;
      background: #fff;
      font-size: 11pt;
    }
    :host .frame {
      max-width: none;
      padding: 0;
      min-height: 0;
    }
    nav,
    button,
    [part~='nav'],
    [part~='toc'],
    [part~='actions'],
    [part~='retry'],
    [part~='loading'],
    [part~='status'],
    .spinner {
      display: none !important;
    }
    :host .policy-layout {
      display: block;
    }
    a {
      color: #000;
      text-decoration: underline;
    }
    a[href^='http']::after {
      content: ' (' attr(href) ')';
      font-size: 0.9em;
      overflow-wrap: anywhere;
    }
    a[href^='mailto:']::after {
      content: ' (' attr(href) ')';
      font-size: 0.9em;
    }
    :is(h1, h2, h3, h4, h5, h6) {
      break-after: avoid;
      break-inside: avoid;
    }
    :is(pre, blockquote, tr, img, li, .card) {
      break-inside: avoid;
    }
    .markdown pre {
      white-space: pre-wrap;
      overflow: visible;
    }
    .markdown .table-wrap {
      overflow: visible;
    }
  }
`;

/** Typography for rendered policy markdown, and the note above a policy shown in another language. */
export const contentStyles = css`
  .language-note {
    margin: 0 0 var(--_space);
    padding: 0.5em 0.9em;
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .markdown {
    overflow-wrap: anywhere;
  }
  /* About 75 characters a line at most: longer lines are hard to follow back. Tables and code keep the width. */
  .markdown :is(p, ul, ol, dl, blockquote, h1, h2, h3, h4, h5, h6) {
    max-width: 70ch;
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
  /* Text whose headings sit 1–3 levels down (under a title at h2–h4) keeps the sizes of its markdown levels. */
  .shift-1 h3,
  .shift-2 h4,
  .shift-3 h5 {
    font-size: 1.35em;
  }
  .shift-1 h4,
  .shift-2 h5,
  .shift-3 h6 {
    font-size: 1.15em;
  }
  .markdown > :first-child {
    margin-top: 0;
  }
  .markdown :is(p, ul, ol, blockquote, pre, .table-wrap) {
    margin: 0 0 1em;
  }
  /* A very long paragraph is put on the page in parts (see lexer.ts): no gap where it goes on. */
  .markdown p.continues {
    margin-bottom: 0;
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
    font-family: var(--_mono);
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
  .markdown .image-note {
    color: var(--_muted);
    font-size: 0.9em;
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
