import { css } from 'lit';
import { safeUrl } from '../markdown/url.js';

/** An http(s) or relative URL from the manifest, resolved against it; anything else is dropped. */
export function safeHttpUrl(raw: string | undefined, base: string): string | undefined {
  if (!raw) return undefined;
  const href = safeUrl(raw, base);
  if (!href) return undefined;
  const protocol = new URL(href, base).protocol;
  return protocol === 'https:' || protocol === 'http:' ? href : undefined;
}

export const frameStyles = css`
  /* Nothing inside paints or takes clicks outside the frame, whatever the manifest or a policy holds; the
     margin leaves room for focus rings at its edge. */
  .frame {
    container: trust-center / inline-size;
    max-width: var(--tc-max-width, 72rem);
    margin-inline: auto;
    padding: var(--tc-padding, var(--_space));
    min-height: var(--tc-min-height, 16rem);
    overflow: clip;
    overflow-clip-margin: 0.5rem;
  }
`;
