import type { ManifestIssue } from '../manifest/validate.js';

export type LoadErrorKind = 'http' | 'network' | 'timeout' | 'json' | 'schema';

/** Why a manifest or policy could not be loaded, in words a site owner can act on. */
export class LoadError extends Error {
  override readonly name = 'LoadError';
  readonly kind: LoadErrorKind;
  readonly url: string;
  readonly status: number | undefined;
  readonly issues: readonly ManifestIssue[];

  constructor(
    kind: LoadErrorKind,
    url: string,
    message: string,
    extra: { status?: number; issues?: readonly ManifestIssue[]; cause?: unknown } = {},
  ) {
    super(message, { cause: extra.cause });
    this.kind = kind;
    this.url = url;
    this.status = extra.status;
    this.issues = extra.issues ?? [];
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
