import { css } from 'lit';

/**
 * A status badge (compliance, document access): the word says it; a filled, outlined, dashed or dotted border
 * says it again to those who cannot tell the colours apart.
 */
export const badgeStyles = css`
  .badge {
    display: inline-block;
    font-size: 0.8em;
    font-weight: 600;
    line-height: 1.5;
    white-space: nowrap;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0 0.7em;
  }
  .badge.certified,
  .badge.public {
    color: var(--_success);
    background: color-mix(in srgb, currentColor 10%, transparent);
  }
  .badge.in-progress {
    color: var(--_warning);
    border-style: dashed;
  }
  .badge.planned {
    color: var(--_warning);
    border-style: dotted;
  }
  .badge.aligned,
  .badge.request {
    color: var(--_accent);
  }
  .badge.expired {
    color: var(--_danger);
    border-style: dashed;
  }
`;
