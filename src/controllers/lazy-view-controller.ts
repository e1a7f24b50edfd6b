import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LazyViewName } from '../routing/hash.js';

/**
 * Where each view's code comes from. Every `import()` here becomes its own chunk in dist/chunks/, so the
 * main bundle carries none of them; the module registers its element when it runs. Tests replace entries
 * to simulate a failed chunk.
 */
export const viewLoaders: Record<LazyViewName | 'overview', () => Promise<unknown>> = {
  overview: () => import('../views/overview.js'),
  subprocessors: () => import('../views/subprocessors.js'),
  faq: () => import('../views/faq.js'),
  documents: () => import('../views/documents.js'),
  updates: () => import('../views/updates.js'),
  search: () => import('../views/search.js'),
  disclosure: () => import('../views/disclosure.js'),
};

/** `module`: what the chunk exports (the overview's templates; the other views register elements). */
export type ViewStatus = { status: 'pending' } | { status: 'ready'; module: unknown } | { status: 'error'; error: unknown };

/** Loads a view's chunk the first time a route needs it, and remembers the outcome until Retry. */
export class LazyViewController implements ReactiveController {
  private readonly states = new Map<LazyViewName | 'overview', ViewStatus>();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Starts loading the view's chunk unless it is loading or loaded. */
  ensure(view: LazyViewName | 'overview'): void {
    if (this.states.has(view)) return;
    this.states.set(view, { status: 'pending' });
    viewLoaders[view]().then(
      (module) => this.settle(view, { status: 'ready', module }),
      (error: unknown) => this.settle(view, { status: 'error', error }),
    );
  }

  status(view: LazyViewName | 'overview'): ViewStatus {
    return this.states.get(view) ?? { status: 'pending' };
  }

  /** Forgets a failure so the next render loads again. */
  retry(view: LazyViewName | 'overview'): void {
    if (this.states.get(view)?.status !== 'error') return;
    this.states.delete(view);
    this.ensure(view);
    this.host.requestUpdate();
  }

  private settle(view: LazyViewName | 'overview', status: ViewStatus): void {
    if (status.status === 'error') console.error(`trust-center: the ${view} view could not be loaded:`, (status as { error: unknown }).error);
    this.states.set(view, status);
    this.host.requestUpdate();
  }
}
