import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  JsonSyntaxError,
  formatPath,
  lineColumn,
  locatePath,
  offsetInString,
  parsePath,
  scanJson,
} from '../../packages/cli/lib/json-positions.mjs';

const where = (text, path, options) => lineColumn(text, locatePath(scanJson(text).nodes, path, options).offset);

test('scanJson returns the same value as JSON.parse', () => {
  const samples = [
    '{"a":[1,2.5e3,-0.1,true,false,null,"x\\u00e9\\n\\"q\\""],"b":{"c":{}},"d":[]}',
    '  [ ]  ',
    '"just a string"',
    '{"__proto__": {"polluted": 1}, "a": 1, "a": 2}',
  ];
  for (const text of samples) assert.deepEqual(scanJson(text).value, JSON.parse(text));
  // "__proto__" is an own key, as with JSON.parse, and pollutes nothing.
  assert.equal(Object.getPrototypeOf(scanJson('{"__proto__": {"x": 1}}').value), Object.prototype);
  assert.equal({}.x, undefined);
});

test('each path maps to its value; a missing key to the brace of its object', () => {
  const text = '{\n  "version": 1,\n  "policies": [\n    { "id": "a",\n      "updated": "June 5" }\n  ]\n}\n';
  assert.deepEqual(where(text, 'policies[0].updated'), { line: 5, column: 18 });
  assert.deepEqual(where(text, 'policies[0]'), { line: 4, column: 5 });
  assert.deepEqual(where(text, 'policies[0].title'), { line: 4, column: 5 });
  assert.deepEqual(where(text, 'version'), { line: 2, column: 14 });
  assert.deepEqual(where(text, 'version', { preferKey: true }), { line: 2, column: 3 });
  assert.deepEqual(where(text, ''), { line: 1, column: 1 });
  assert.deepEqual(where(text, 'organization.name'), { line: 1, column: 1 });
});

test('odd keys use the validator\'s bracket-quoted paths', () => {
  const text = '{"odd key": {"x.y": [0, {"\\"q\\"": 1}]}}';
  const path = formatPath(['odd key', 'x.y', 1, '"q"']);
  assert.equal(path, '["odd key"]["x.y"][1]["\\"q\\""]');
  assert.deepEqual(parsePath(path), ['odd key', 'x.y', 1, '"q"']);
  assert.deepEqual(where(text, path), { line: 1, column: 35 });
  assert.deepEqual(parsePath('policies[12].changes[0].date'), ['policies', 12, 'changes', 0, 'date']);
  assert.deepEqual(parsePath('$schema'), ['$schema']);
});

test('CRLF and lone CR line breaks count as one line each', () => {
  assert.deepEqual(where('{\r\n  "a":\r\n 1}', 'a'), { line: 3, column: 2 });
  assert.deepEqual(where('{\r"a": 1}', 'a'), { line: 2, column: 6 });
});

test('duplicate keys are reported; the last one wins, as in JSON.parse', () => {
  const text = '{"a": 1,\n "a": 2}';
  const scanned = scanJson(text);
  assert.equal(scanned.value.a, 2);
  assert.deepEqual(scanned.duplicateKeys, [{ path: 'a', keyStart: 10 }]);
  assert.deepEqual(where(text, 'a'), { line: 2, column: 7 });
});

test('syntax errors carry the offset of the mistake', () => {
  const cases = [
    ['', 1, 1, 'the file is empty; expected a JSON object'],
    ['{"a": 1,}', 1, 8, 'trailing comma before "}"'],
    ['[1,\n 2,\n]', 2, 3, 'trailing comma before "]"'],
    ['{a: 1}', 1, 2, 'expected a double-quoted property name, got "a"'],
    ["{'a': 1}", 1, 2, 'expected a double-quoted property name, got "\'"'],
    ['{"a" 1}', 1, 6, 'expected ":" after the property name, got "1"'],
    ['{"a": 1 "b": 2}', 1, 9, 'expected "," or "}" after a property value, got "\\""'],
    ['{"a": [1 2]}', 1, 10, 'expected "," or "]" after an array item, got "2"'],
    ['{"a": 01}', 1, 7, 'invalid number'],
    ['{"a": .5}', 1, 7, 'expected a value, got "."'],
    ['{"a": "x\ny"}', 1, 9, 'a line break inside a string (escape it)'],
    ['{"a": "\\x"}', 1, 8, 'invalid escape \\x in a string'],
    ['{"a": "abc', 1, 7, 'unterminated string'],
    ['{"a": tru}', 1, 7, 'expected a value, got "t"'],
    ['{"a": 1}}', 1, 9, 'unexpected "}" after the end of the JSON value'],
    ['{"a": 1', 1, 8, 'expected "," or "}" after a property value, got the end of the file'],
    ["{\"a\": 'x'}", 1, 7, 'strings must use double quotes, not single quotes'],
  ];
  for (const [text, line, column, message] of cases) {
    assert.throws(
      () => scanJson(text),
      (error) => {
        assert.ok(error instanceof JsonSyntaxError, text);
        assert.equal(error.message, message, text);
        assert.deepEqual(lineColumn(text, error.offset), { line, column }, text);
        return true;
      },
    );
    assert.throws(() => JSON.parse(text), SyntaxError, `JSON.parse also rejects ${text}`);
  }
});

test('offsetInString maps a decoded index to its column, escapes included', () => {
  const text = '{"a": "x\\n\\u00e9 TODO"}';
  const { nodes } = scanJson(text);
  const node = nodes.get('a');
  const value = JSON.parse(text.slice(node.start, node.end));
  const index = value.indexOf('TODO');
  assert.equal(text.slice(offsetInString(text, node.start, index)).slice(0, 4), 'TODO');
});
