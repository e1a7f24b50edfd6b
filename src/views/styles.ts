import { css } from 'lit';

/** What the views share: headings, introductions, filter fields, cards and the status line. */
export const viewStyles = css`
  .view {
    container: tc-view / inline-size;
  }
  .view-title {
    font-size: var(--tc-title-size, 1.75em);
    line-height: 1.2;
    margin: 0 0 0.5em;
  }
  .item-title {
    font-size: 1.1em;
    line-height: 1.3;
    margin: 0 0 0.35em;
  }
  p {
    margin: 0 0 0.75em;
  }
  .intro {
    max-width: 48rem;
  }
  .meta,
  .count {
    color: var(--_muted);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em 1em;
    align-items: flex-end;
    margin: var(--_space) 0 0.5em;
  }
  .filters label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.15em;
  }
  .filters .hint {
    display: block;
    font-weight: 400;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .filters input,
  .filters select {
    font: inherit;
    color: var(--_input-text);
    background: var(--_input-background);
    border: 1px solid var(--_input-border);
    border-radius: var(--_radius);
    padding: 0.35em 0.6em;
    max-width: 100%;
  }
  .filters input {
    width: 18em;
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: var(--_space);
  }
  ul.plain,
  ol.plain {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  button.link {
    color: var(--_accent);
    background: transparent;
    border-color: var(--_accent);
  }
  time {
    white-space: nowrap;
  }
`;
