import { expect } from '@open-wc/testing';
import { loadDisclosureElement } from '../src/index.js';
import { define } from '../src/registry.js';

describe('registration (src/registry.ts)', () => {
  it("lets <trust-center> load its form after the app registered the form's class under a tag of its own", async () => {
    // The README's trust-center/elements recipe: customElements.define('acme-report', await loadDisclosureElement()).
    const form = await loadDisclosureElement();
    customElements.define('acme-report', form);
    // What the #disclosure view's chunk does when <trust-center> first shows the form.
    await import('../src/views/disclosure.js');
    const element = document.createElement('trust-center-disclosure');
    expect(customElements.get('trust-center-disclosure')).to.not.equal(undefined);
    expect(element).to.be.instanceOf(form);
    expect(document.createElement('acme-report')).to.be.instanceOf(form);
  });

  it('leaves a tag that is already taken, and still reports other registry errors', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    define('tc-registry-taken', First);
    define('tc-registry-taken', Second);
    expect(customElements.get('tc-registry-taken')).to.equal(First);
    expect(() => define('NotAValidName', Second)).to.throw(DOMException);
  });
});
