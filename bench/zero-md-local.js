// zero-md 3.1.8 as its CDN build would run, from local files, because the benchmark runs offline: its
// minified build, and marked 18 (the CDN's marked@18, minified by scripts/bench/timings.mjs from
// node_modules). Its four marked plugins (base-url, gfm-heading-id, alert, highlight) are not installed
// and are no-ops, and its CDN stylesheets (github-markdown-css, highlight.js, KaTeX) are left out, keeping
// zero-md's own :host style: zero-md does a little less work here than in production.
import ZeroMd, { STYLES } from '/node_modules/zero-md/dist/index.min.js';

const noPlugin = async () => () => ({});
const local = {
  marked: async () => new (await import('/bench/.probe/marked.js')).Marked({ async: true }),
  markedBaseUrl: noPlugin,
  markedGfmHeadingId: noPlugin,
  markedAlert: noPlugin,
  markedHighlight: noPlugin,
};

class LocalZeroMd extends ZeroMd {
  async load() {
    await super.load(local);
    this.template = STYLES.HOST;
  }
}
customElements.define('zero-md', LocalZeroMd);
