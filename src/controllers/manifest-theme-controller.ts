import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LoadedManifest } from '../loading/manifest-loader.js';
import { applyManifestTheme } from '../styles/manifest-theme.js';

/** Keeps the host's shadow root carrying the theme of the manifest it shows (see applyManifestTheme). */
export class ManifestThemeController implements ReactiveController {
  private applied: LoadedManifest | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly current: () => LoadedManifest | undefined,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const loaded = this.current();
    if (loaded === this.applied) return;
    this.applied = loaded;
    applyManifestTheme(this.host, loaded?.manifest.theme);
  }
}
