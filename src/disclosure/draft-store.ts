// Keeps what a form holds (a report, a document request) in sessionStorage while it is written, so a
// reload, a crash of the tab's page or a failed send loses nothing. A ReactiveController: saves debounced
// while typing, at once on `pagehide` and when the form leaves the page; cleared only when the caller says
// the submission arrived. It knows no form: each caller says how to read its draft back.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReportFields } from './report.js';

/** The disclosure form's storage key prefix (the default); other forms pass their own. */
export const DRAFT_KEY_PREFIX = 'trust-center-disclosure:';
export const DRAFT_VERSION = 1;

/** A submission whose identity is fixed (a report that entered review), so every retry is the same request. */
export interface Submission {
  idempotencyKey: string;
  /** The browser-made reference, sent in the body. */
  reference: string;
  /** contentDigest() of the fields it was made for; an edit makes a new submission. */
  digest: string;
  /** The armoured ciphertext once encrypted, re-sent as is on retry. */
  encrypted?: string | undefined;
  /** The fingerprint it was encrypted to. */
  encryptedFor?: string | undefined;
}

export interface Draft {
  fields: ReportFields;
  submission?: Submission | undefined;
}

/** The storage to use: `null` means none; a missing or blocked sessionStorage is none, never an exception. */
export function sessionStorageOrNone(): Storage | null {
  try {
    const storage = window.sessionStorage;
    return storage ?? null;
  } catch {
    // Sandboxed iframes and some privacy modes throw on mere access.
    return null;
  }
}

/** Reads a stored submission back defensively; anything malformed is no submission. */
export function coerceSubmission(value: unknown): Submission | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const s = value as Record<string, unknown>;
  if (typeof s.idempotencyKey !== 'string' || typeof s.reference !== 'string' || typeof s.digest !== 'string') return undefined;
  return {
    idempotencyKey: s.idempotencyKey,
    reference: s.reference,
    digest: s.digest,
    encrypted: typeof s.encrypted === 'string' ? s.encrypted : undefined,
    encryptedFor: typeof s.encryptedFor === 'string' ? s.encryptedFor : undefined,
  };
}

export interface DraftStoreOptions<D> {
  /** The storage key's suffix (the manifest's URL), or undefined while there is none. */
  key: () => string | undefined;
  /** The current draft, or undefined when there is nothing worth keeping. */
  snapshot: () => D | undefined;
  /** `undefined`: the page's sessionStorage; `null`: keep nothing. */
  storage: () => Storage | null | undefined;
  /** Reads a stored draft back defensively (the stored object, without its version); undefined if unusable. */
  read: (data: Record<string, unknown>) => D | undefined;
  /** The storage key's prefix (default: the disclosure form's). */
  prefix?: string;
  delayMs?: number;
}

export class DraftController<D extends object = Draft> implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** False once a write failed (quota, blocked storage): the form tells the reporter. */
  available = true;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DraftStoreOptions<D>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.handlePageHide);
    this.available = this.storage() !== null;
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.handlePageHide);
    this.flush();
  }

  private readonly handlePageHide = () => this.flush();

  private storage(): Storage | null {
    const chosen = this.options.storage();
    return chosen === undefined ? sessionStorageOrNone() : chosen;
  }

  private fullKey(): string | undefined {
    const key = this.options.key();
    return key ? (this.options.prefix ?? DRAFT_KEY_PREFIX) + key : undefined;
  }

  /** The saved draft for the current key, if any and readable. */
  load(): D | undefined {
    const key = this.fullKey();
    const storage = this.storage();
    if (!key || !storage) return undefined;
    try {
      const raw = storage.getItem(key);
      if (!raw) return undefined;
      const data = JSON.parse(raw) as unknown;
      if (typeof data !== 'object' || data === null || (data as Record<string, unknown>).v !== DRAFT_VERSION) return undefined;
      return this.options.read(data as Record<string, unknown>);
    } catch {
      return undefined;
    }
  }

  /** Save after `delayMs` of quiet (typing). */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.save(), this.options.delayMs ?? 300);
  }

  /** Save now if a save is pending. */
  flush(): void {
    if (this.timer !== undefined) this.save();
  }

  /** Save now, whatever is pending. */
  save(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const draft = this.options.snapshot();
    if (draft) this.write(draft);
  }

  /** Forget the draft: only once the report is known to have arrived (or the reporter starts over). */
  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const key = this.fullKey();
    const storage = this.storage();
    if (!key || !storage) return;
    try {
      storage.removeItem(key);
    } catch {
      // Nothing to do: a storage that cannot remove has nothing we wrote either.
    }
  }

  private write(draft: D): void {
    const key = this.fullKey();
    const storage = this.storage();
    if (!key || !storage) {
      this.setAvailable(false);
      return;
    }
    try {
      storage.setItem(key, JSON.stringify({ v: DRAFT_VERSION, savedAt: Date.now(), ...draft }));
      this.setAvailable(true);
    } catch {
      // Quota exceeded or storage blocked: keep the report in memory and say so.
      this.setAvailable(false);
    }
  }

  private setAvailable(available: boolean): void {
    if (this.available === available) return;
    this.available = available;
    this.host.requestUpdate();
  }
}
