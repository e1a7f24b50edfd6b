// Where the trust-center package is. The CLI runs its dist/node/ (the manifest schema, the markdown pipeline,
// the compiled views: the elements' own code) and `build` copies its bundles into a site, so both packages
// are installed side by side: found through trust-center's exports like any import, or, in a clone of the
// repository (npm workspaces link packages/cli, not the root package), as the root three folders up.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

function packageJson() {
  try {
    return pathToFileURL(createRequire(import.meta.url).resolve('trust-center/package.json'));
  } catch {
    const root = new URL('../../../package.json', import.meta.url);
    try {
      if (JSON.parse(readFileSync(root, 'utf8')).name === 'trust-center') return root;
    } catch {}
    return undefined;
  }
}

const found = packageJson();
/** The trust-center package's dist/ folder (a file: URL ending in a slash), or undefined if it is not installed. */
export const ELEMENT_DIST = found && new URL('dist/', found);
