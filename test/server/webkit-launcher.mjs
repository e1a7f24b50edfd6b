// WebKitGTK's MiniBrowser as a @web/test-runner browser, through WebKitWebDriver (WebDriver classic),
// with the two commands the stock webdriver launcher gets wrong or lacks:
// - sendKeys({ type }): webdriverio's keys() presses an array of keys as one chord (all down, then all
//   up), so "//" typed one "/" and repeated letters or spaces vanished. Here each character is pressed
//   and released in turn; `press` takes a key name ("Tab", " ") or a chord ("Shift+Tab").
// - emulateMedia({ reducedMotion }): WebDriver classic has no media emulation. WebKitGTK reads
//   prefers-reduced-motion from GTK's gtk-enable-animations, which our XSETTINGS manager on the Xvfb
//   display changes live (test/server/xsettings.mjs); the command waits until the page sees it.
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { startWebKitDriver, webkitCapabilities } from '../../scripts/browsers.mjs';
import { setXSettings } from './xsettings.mjs';

/**
 * `npm test` starts Xvfb and the driver and passes TC_WEBKIT_DRIVER_PORT and TC_WEBKIT_DISPLAY; run
 * directly (`npx web-test-runner …`), the launcher starts and stops its own.
 */
export function webkitLauncher() {
  const givenPort = Number(process.env.TC_WEBKIT_DRIVER_PORT) || undefined;
  const options = {
    automationProtocol: 'webdriver',
    hostname: '127.0.0.1',
    port: givenPort ?? 0,
    capabilities: webkitCapabilities(),
    connectionRetryTimeout: 60_000,
  };
  const launcher = webdriverLauncher(options);
  let display = process.env.TC_WEBKIT_DISPLAY;
  let ownDriver;

  const initialize = launcher.initialize.bind(launcher);
  launcher.initialize = async (config, testFiles) => {
    if (!givenPort) {
      ownDriver = await startWebKitDriver();
      options.port = ownDriver.port;
      display = ownDriver.display;
    }
    wrapCommand(config.plugins ?? [], 'emulate-media-command', 'emulate-media', launcher, (payload) => emulateMedia(launcher, display, payload));
    wrapCommand(config.plugins ?? [], 'send-keys-command', 'send-keys', launcher, (payload) => sendKeys(launcher.driver, payload));
    await initialize(config, testFiles);
    launcher.name = 'WebKit';
  };

  const stop = launcher.stop.bind(launcher);
  launcher.stop = async () => {
    await stop();
    ownDriver?.stop();
  };

  return launcher;
}

/** Lets `handle` answer `command` for this launcher's sessions; other browsers keep the stock plugin. */
function wrapCommand(plugins, pluginName, command, launcher, handle) {
  const plugin = plugins.find((p) => p?.name === pluginName);
  if (!plugin) throw new Error(`WebKit: no ${pluginName} plugin to extend`);
  const original = plugin.executeCommand.bind(plugin);
  plugin.executeCommand = async (args) =>
    args.command === command && args.session.browser === launcher ? handle(args.payload ?? {}) : original(args);
}

/** WebDriver key codes for the key names puppeteer and playwright accept. */
const KEYS = {
  Backspace: '\uE003', Tab: '\uE004', Enter: '\uE007', Shift: '\uE008', Control: '\uE009', Alt: '\uE00A',
  Escape: '\uE00C', Space: '\uE00D', PageUp: '\uE00E', PageDown: '\uE00F', End: '\uE010', Home: '\uE011',
  ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015', Delete: '\uE017', Meta: '\uE03D',
};

function keyCode(name) {
  if (name === '\n') return KEYS.Enter;
  if ([...name].length === 1) return name;
  const code = KEYS[name];
  if (!code) throw new Error(`WebKit sendKeys: unknown key "${name}"`);
  return code;
}

async function sendKeys(driver, payload) {
  if (!driver) throw new Error('WebKit: not initialized');
  const actions = [];
  if (typeof payload.type === 'string') {
    for (const ch of payload.type) actions.push({ type: 'keyDown', value: keyCode(ch) }, { type: 'keyUp', value: keyCode(ch) });
  } else if (typeof payload.press === 'string') {
    // A key name, a character, or keys held together ("Shift+Tab").
    const keys = payload.press.length > 1 && payload.press.includes('+') ? payload.press.split('+').map(keyCode) : [keyCode(payload.press)];
    for (const key of keys) actions.push({ type: 'keyDown', value: key });
    for (const key of keys.reverse()) actions.push({ type: 'keyUp', value: key });
  } else if (typeof payload.down === 'string') {
    actions.push({ type: 'keyDown', value: keyCode(payload.down) });
  } else if (typeof payload.up === 'string') {
    actions.push({ type: 'keyUp', value: keyCode(payload.up) });
  } else {
    throw new Error('sendKeys needs one of type, press, down or up');
  }
  // No releaseActions: a key held with `down` stays down until its `up`.
  await driver.performActions([{ type: 'key', id: 'keyboard', actions }]);
  return true;
}

const REDUCED_MOTION = { reduce: 0, 'no-preference': 1 };

async function emulateMedia(launcher, display, payload) {
  const { reducedMotion, colorScheme, media, ...rest } = payload;
  const unsupported = [colorScheme != null && 'colorScheme', media != null && 'media', ...Object.keys(rest)].filter(Boolean);
  if (unsupported.length) throw new Error(`WebKit (WebDriver classic) cannot emulate ${unsupported.join(', ')}; only reducedMotion`);
  if (reducedMotion == null) return true;
  if (!(reducedMotion in REDUCED_MOTION)) throw new Error('reducedMotion must be "reduce" or "no-preference"');
  if (!display) throw new Error('WebKit: no Xvfb display known (TC_WEBKIT_DISPLAY)');
  await setXSettings(display, { 'Gtk/EnableAnimations': REDUCED_MOTION[reducedMotion] });
  const want = reducedMotion === 'reduce';
  for (let i = 0; i < 100; i++) {
    const matches = await launcher.driver.execute(() => matchMedia('(prefers-reduced-motion: reduce)').matches);
    if (matches === want) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`WebKit did not switch prefers-reduced-motion to ${reducedMotion} within 5 s`);
}
