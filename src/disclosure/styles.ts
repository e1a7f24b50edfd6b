import { css } from 'lit';

/**
 * The form's look. Its fields take the theme's form tokens (`--tc-input-background`, `--tc-input-border`,
 * `--tc-input-text`, see theme.ts) and errors `--tc-danger`.
 */
export const disclosureStyles = css`
  .view-title {
    font-size: var(--tc-title-size, 1.75em);
    line-height: 1.2;
    margin: 0 0 0.5em;
  }
  .subtitle {
    font-size: 1.2em;
    line-height: 1.3;
    margin: 0 0 0.5em;
  }
  p {
    margin: 0 0 0.75em;
  }
  .intro {
    max-width: 48rem;
  }
  .status:empty {
    display: none;
  }
  .status {
    display: flex;
    align-items: center;
    gap: 0.6em;
    color: var(--_muted);
  }
  .notice,
  .restored {
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 0.75em 1em;
  }
  .restored {
    margin-bottom: var(--_space);
  }
  form,
  .review,
  .receipt,
  .email-route {
    max-width: 48rem;
  }
  fieldset {
    border: 0;
    margin: 0 0 var(--_space);
    padding: 0;
    min-width: 0;
  }
  legend {
    font-size: 1.2em;
    font-weight: 600;
    padding: 0;
    margin-bottom: 0.5em;
  }
  .field {
    margin: 0 0 calc(var(--_space) * 1.25);
  }
  .field.invalid {
    border-inline-start: 4px solid var(--_danger);
    padding-inline-start: 0.75em;
  }
  label,
  .label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.15em;
  }
  .mark {
    font-weight: 400;
    color: var(--_muted);
  }
  .hint {
    color: var(--_muted);
    font-size: 0.925em;
    margin: 0 0 0.35em;
  }
  .field-error {
    color: var(--_danger);
    font-weight: 600;
    margin: 0 0 0.35em;
  }
  input:not([type='checkbox']),
  select,
  textarea {
    display: block;
    width: 100%;
    font: inherit;
    color: var(--_input-text);
    background: var(--_input-background);
    border: 1px solid var(--_input-border);
    border-radius: var(--_radius);
    padding: 0.45em 0.6em;
  }
  textarea {
    min-height: 7.5em;
    resize: vertical;
  }
  :is(input, select, textarea)[aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  :is(input, select, textarea):focus-visible {
    outline: var(--_focus);
    outline-offset: 1px;
  }
  .checkbox {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0.25em 0.6em;
  }
  .checkbox .field-error {
    flex-basis: 100%;
  }
  .checkbox input {
    width: 1.25em;
    height: 1.25em;
    margin: 0.2em 0 0;
    accent-color: var(--_accent);
  }
  .checkbox label {
    flex: 1;
    font-weight: 400;
    margin: 0;
  }
  .cvss-score {
    font-weight: 600;
    margin: 0.35em 0 0;
  }
  .error-summary {
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-bottom: calc(var(--_space) * 1.5);
  }
  .error-summary:focus {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .error-summary .subtitle {
    color: var(--_danger);
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .error-summary a {
    color: var(--_danger);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75em 1em;
    margin-top: var(--_space);
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  dl.summary {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) minmax(0, 1fr);
    gap: 0.5em 1.25em;
    margin: 0 0 var(--_space);
    border-top: 1px solid var(--_border);
    padding-top: 0.75em;
  }
  dl.summary dt {
    font-weight: 600;
  }
  dl.summary dd {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  @container trust-center (max-width: 30rem) {
    dl.summary {
      grid-template-columns: minmax(0, 1fr);
    }
    dl.summary dd {
      margin-bottom: 0.5em;
    }
  }
  .not-given {
    color: var(--_muted);
  }
  .failure {
    border: 1px solid var(--_danger);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-bottom: calc(var(--_space) * 1.5);
  }
  .failure .subtitle {
    color: var(--_danger);
  }
  /* A receipt reads as done: the success colour, and a tick before its heading. */
  .receipt {
    border: 1px solid var(--_success);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    padding: var(--_space);
    background: color-mix(in srgb, var(--_success) 7%, var(--_background));
  }
  .receipt > .subtitle {
    display: flex;
    align-items: center;
    gap: 0.5em;
    margin-bottom: 0.75em;
  }
  .receipt > .subtitle::before {
    content: '';
    flex: none;
    width: 0.35em;
    height: 0.7em;
    margin: -0.2em 0.3em 0 0.25em;
    border: solid var(--_success);
    border-width: 0 0.15em 0.15em 0;
    transform: rotate(45deg);
  }
  .receipt-facts {
    font-size: 1.05em;
  }
  .reference {
    font-family: var(--tc-font-family-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    font-weight: 700;
  }
  .fingerprint {
    font-family: var(--tc-font-family-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    overflow-wrap: anywhere;
  }
  /* The honeypot: off-screen for people, hidden from assistive technology, out of the tab order. */
  .hp {
    position: absolute;
    left: -10000px;
    top: auto;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
`;
