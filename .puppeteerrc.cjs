// The tests drive the system's Chromium, Firefox and WebKit (scripts/browsers.mjs): puppeteer downloads none,
// so `npm install` works offline and without PUPPETEER_SKIP_DOWNLOAD.
module.exports = { skipDownload: true };
