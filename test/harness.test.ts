// The test harness itself: a failing assertion about a DOM node must be reported as a failed test with a
// readable message, not end the run as a disconnected browser (test/setup/readable-failures.ts).
import { expect, fixture, html } from '@open-wc/testing';

function failure(assertion: () => void): { message: string; actual?: unknown; expected?: unknown } {
  try {
    assertion();
  } catch (error) {
    return error as { message: string; actual?: unknown; expected?: unknown };
  }
  throw new Error('the assertion passed');
}

describe('test harness', () => {
  it('reports a failed assertion on an element with its markup as the actual value', async () => {
    const el = await fixture<HTMLElement>(html`<div><p part="content">Policy text</p></div>`);
    const error = failure(() => expect(el.querySelector('p')).to.equal(null));
    expect(error.message).to.equal('expected <p part="content">Policy text</p> to equal null');
    expect(error.actual).to.equal('<p part="content">Policy text</p>');
    expect(error.expected).to.equal(null);
  });

  it('reports lists of nodes and long markup as text too', async () => {
    const el = await fixture<HTMLElement>(html`<ul><li>one</li><li>${'x'.repeat(400)}</li></ul>`);
    const error = failure(() => expect([...el.querySelectorAll('li')]).to.deep.equal([]));
    const actual = error.actual as string[];
    expect(actual).to.have.length(2);
    expect(actual[0]).to.equal('<li>one</li>');
    expect(actual[1]!.length).to.equal(301);
    expect(actual[1]!.endsWith('…')).to.equal(true);
  });
});
