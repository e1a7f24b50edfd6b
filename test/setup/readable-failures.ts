// Loaded before the test framework (web-test-runner.config.mjs, testRunnerHtml). The runner sends a failed
// test's error to Node with its `actual` and `expected` values, and a DOM node there made the browser
// disconnect: the run ended after minutes as "browser disconnected", with no test name and no message.
// A node in a failed assertion is sent as its markup instead; chai's message already names it.
import { chai } from '@open-wc/testing';

const MAX_MARKUP = 300;

function describeNode(node: Node): string {
  const markup = node instanceof Element ? node.outerHTML : `${node.nodeName} ${JSON.stringify(node.textContent ?? '')}`;
  return markup.length > MAX_MARKUP ? `${markup.slice(0, MAX_MARKUP)}…` : markup;
}

/** The value with its nodes (itself, or the items of an array or a NodeList) as text. */
export function serializable(value: unknown): unknown {
  if (value instanceof Node) return describeNode(value);
  if (value instanceof NodeList || (Array.isArray(value) && value.some((item) => item instanceof Node))) return [...value].map(serializable);
  return value;
}

chai.use((api) => {
  const assert = api.Assertion.prototype.assert;
  api.Assertion.prototype.assert = function (this: unknown, ...args: unknown[]) {
    try {
      return (assert as (...a: unknown[]) => unknown).apply(this, args);
    } catch (error) {
      if (error instanceof api.AssertionError) {
        const failed = error as unknown as { actual?: unknown; expected?: unknown };
        failed.actual = serializable(failed.actual);
        failed.expected = serializable(failed.expected);
      }
      throw error;
    }
  };
});
