// Where the test browsers live on this machine; env vars win over Debian's paths.
import { existsSync } from 'node:fs';

export function browserPaths() {
  return {
    chromium: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
  };
}

const install = {
  chromium: 'Chromium not found at %s: install it with `sudo apt-get install -y chromium` or set CHROME_PATH.',
  firefox: 'Firefox not found at %s: install it with `sudo apt-get install -y firefox-esr` or set FIREFOX_PATH.',
};

/** Returns one line per missing browser, saying how to install it. */
export function missingBrowsers(names) {
  const paths = browserPaths();
  return names.filter((n) => !existsSync(paths[n])).map((n) => install[n].replace('%s', paths[n]));
}
