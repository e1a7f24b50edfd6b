import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { loadManifest, type LoadedManifest, type PolicyHint } from '../loading/manifest-loader.js';
import { LoadError, isAbortError } from '../loading/errors.js';
import { DEFAULT_TIMEOUT_MS } from '../loading/fetch-text.js';
import { formatIssue } from '../manifest/issue.js';

type Host = ReactiveControllerHost & HTMLElement;
type Args = readonly [string | null, number];

/**
 * Fetches and validates the manifest named by the host's `src`; aborts when
 * `src` changes or the host is removed, and reports the outcome as events.
 */
export class ManifestController implements ReactiveController {
  readonly task: Task<Args, LoadedManifest>;
  private attempt = 0;
  private interrupted = false;

  constructor(
    private readonly host: Host,
    private readonly src: () => string | null,
    private readonly timeoutMs: () => number = () => DEFAULT_TIMEOUT_MS,
    /** The policy the host is about to show, whose file then loads alongside the manifest's check. */
    private readonly policyHint: () => PolicyHint | undefined = () => undefined,
  ) {
    host.addController(this);
    this.task = new Task<Args, LoadedManifest>(host, {
      task: async ([source, attempt], { signal }) => {
        if (!source) return initialState;
        return loadManifest(source, { signal, reload: attempt > 0, timeoutMs: this.timeoutMs(), policy: this.policyHint() });
      },
      args: () => [this.src(), this.attempt] as const,
      onComplete: (loaded) => {
        for (const warning of loaded.warnings) console.warn(`trust-center: ${loaded.url}: ${formatIssue(warning)}`);
        if (loaded.stale) {
          console.warn(`trust-center: ${loaded.error?.message ?? 'the manifest could not be loaded'}; showing the copy saved ${loaded.storedAt}`);
        }
        const detail = loaded.stale
          ? { manifest: loaded.manifest, stale: true, storedAt: loaded.storedAt, error: loaded.error }
          : { manifest: loaded.manifest };
        host.dispatchEvent(new CustomEvent('trust-center-load', { detail, bubbles: true, composed: true }));
      },
      onError: (error) => {
        if (isAbortError(error)) return;
        console.error(`trust-center: ${error instanceof Error ? error.message : String(error)}`);
        if (error instanceof LoadError) for (const issue of error.issues.slice(1)) console.error(`trust-center:   ${formatIssue(issue)}`);
        host.dispatchEvent(new CustomEvent('trust-center-error', { detail: { error }, bubbles: true, composed: true }));
      },
    });
  }

  /** The copy shown is the last good one kept by this browser, because the network failed. */
  get stale(): boolean {
    return this.value?.stale === true;
  }

  get value(): LoadedManifest | undefined {
    return this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
  }

  hostConnected(): void {
    if (this.interrupted) {
      this.interrupted = false;
      void this.task.run();
    }
  }

  hostDisconnected(): void {
    if (this.task.status === TaskStatus.PENDING) {
      this.interrupted = true;
      this.task.abort();
    }
  }

  retry(): void {
    this.attempt++;
    this.host.requestUpdate();
  }
}
