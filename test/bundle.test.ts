import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { $, waitFor } from './helpers.js';

// The built bundles, as a host page loads them (npm test builds dist/ first).
function addScript(src: string, module: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    if (module) script.type = 'module';
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

describe('bundles', () => {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  before(() => window.addEventListener('error', onError));
  after(() => window.removeEventListener('error', onError));
  afterEach(fixtureCleanup);

  it('registers the elements, and a second copy of either bundle on the page does not throw', async () => {
    await addScript('/dist/trust-center.js', true);
    await addScript('/dist/trust-center.js?copy=2', true);
    await addScript('/dist/trust-center.iife.js', false);
    await addScript('/dist/trust-center.iife.js?copy=2', false);
    expect(errors).to.deep.equal([]);
    expect(customElements.get('trust-center')).to.be.a('function');
    expect(customElements.get('trust-center-policy')).to.be.a('function');
  });

  it('renders the sample manifest from the built bundle', async () => {
    const el = document.createElement('trust-center');
    el.setAttribute('src', '/policies/manifest.json');
    el.setAttribute('policy', 'security');
    el.setAttribute('lang', 'en');
    document.body.append(el);
    await waitFor(el, '[part~="content"] h2');
    expect($(el, '[part~="updated"]')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Last updated June 5, 2026');
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="content"] h2').length === 8);
    el.remove();
  });
});
