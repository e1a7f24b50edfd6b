// Where the test browsers live on this machine, and how WebKit is driven; env vars win over Debian's paths.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { startXSettingsManager } from '../test/server/xsettings.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

export function browserPaths() {
  return {
    chromium: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    // WebKitGTK's MiniBrowser (Safari's engine), driven by WebKitWebDriver under Xvfb.
    webkit: process.env.WEBKIT_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    webkitDriver: process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver',
    xvfb: process.env.XVFB_PATH ?? '/usr/bin/Xvfb',
  };
}

/** The engines TC_BROWSERS names (default: all three), in a fixed order; unknown names are an error. */
export function wantedBrowsers(value = process.env.TC_BROWSERS) {
  const names = (value ?? ENGINES.join(','))
    .split(',')
    .map((n) => n.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((n) => !ENGINES.includes(n));
  if (unknown.length) throw new Error(`TC_BROWSERS: unknown engine ${unknown.join(', ')} (use ${ENGINES.join(', ')})`);
  return ENGINES.filter((n) => names.includes(n));
}

const install = {
  chromium: 'Chromium not found at %s: install it with `sudo apt-get install -y chromium` or set CHROME_PATH.',
  firefox: 'Firefox not found at %s: install it with `sudo apt-get install -y firefox-esr` or set FIREFOX_PATH.',
  webkit:
    'WebKit (MiniBrowser, WebKitWebDriver, Xvfb) not found at %s: install it with `sudo apt-get install -y webkit2gtk-driver xvfb` or set WEBKIT_PATH, WEBKIT_DRIVER_PATH and XVFB_PATH.',
};

/** Returns one line per missing browser, saying how to install it. */
export function missingBrowsers(names) {
  const paths = browserPaths();
  const lines = [];
  for (const name of names) {
    const files = name === 'webkit' ? [paths.webkit, paths.webkitDriver, paths.xvfb] : [paths[name]];
    const absent = files.filter((f) => !existsSync(f));
    if (absent.length) lines.push(install[name].replace('%s', absent.join(', ')));
  }
  return lines;
}

/** A TCP port nobody listens on right now (127.0.0.1). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts Xvfb on a free display (it picks the number itself through -displayfd), an XSETTINGS manager on
 * it (test/server/xsettings.mjs) and WebKitWebDriver on a free port with that display. Resolves with { port, display, stop }; stop() ends both and is idempotent.
 * Both children are also ended when this process exits, however it exits.
 */
export async function startWebKitDriver({ log = () => {} } = {}) {
  const paths = browserPaths();
  const children = [];
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    for (const child of children.reverse()) {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          child.kill('SIGTERM');
        } catch {
          // already gone
        }
      }
    }
  };
  process.on('exit', stop);
  try {
    // Xvfb writes the display number it chose to fd 3 once it accepts connections.
    const xvfb = spawn(paths.xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    children.push(xvfb);
    let xvfbErr = '';
    xvfb.stderr.on('data', (d) => (xvfbErr += d));
    const display = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`Xvfb did not start within 10 s: ${xvfbErr.trim()}`)), 10_000);
      xvfb.stdio[3].on('data', (d) => {
        out += d;
        if (out.includes('\n')) {
          clearTimeout(timer);
          resolve(`:${out.trim()}`);
        }
      });
      xvfb.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Xvfb exited (${code}) before it was ready: ${xvfbErr.trim()}`));
      });
    });
    xvfb.stdio[3].destroy();
    xvfb.stderr.resume();
    // GTK's settings come from an XSETTINGS manager, which lets tests switch prefers-reduced-motion live.
    const xsettings = await startXSettingsManager(display);
    children.push({ exitCode: null, signalCode: null, kill: () => xsettings.close() });

    let port;
    let driver;
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      driver = spawn(paths.webkitDriver, [`--port=${port}`, '--host=local'], {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, DISPLAY: display, WAYLAND_DISPLAY: '', GDK_BACKEND: 'x11', LIBGL_ALWAYS_SOFTWARE: '1' },
      });
      children.push(driver);
      let driverErr = '';
      driver.stderr.on('data', (d) => (driverErr += d));
      const ready = await waitForDriver(port, driver);
      if (ready) break;
      if (attempt >= 3) throw new Error(`WebKitWebDriver did not start: ${driverErr.trim()}`);
    }
    log(`WebKit: Xvfb on display ${display}, WebKitWebDriver on 127.0.0.1:${port}`);
    return { port, display, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

async function waitForDriver(port, child) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) return false;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill('SIGTERM');
  return false;
}

/** WebDriver capabilities for MiniBrowser (no browserName: WebKitWebDriver rejects a mismatched one). */
export function webkitCapabilities() {
  return {
    'wdio:enforceWebDriverClassic': true,
    'webkitgtk:browserOptions': { binary: browserPaths().webkit, args: ['--automation'] },
  };
}
