// A strict JSON (RFC 8259) scanner that remembers where every value sits in the source text, so a
// problem found in the parsed data ("policies[0].updated") can be reported at a line and column.
// It also reports the position of a syntax error, which JSON.parse only hints at.

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * `policies[1].updated`; odd keys bracket-quoted. The same rules as the manifest validator's
 * formatPath (src/manifest/hints.ts), so its issue paths can be looked up here verbatim.
 */
export function formatPath(path) {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (IDENTIFIER.test(key)) text += text === '' ? key : `.${key}`;
    else text += `[${JSON.stringify(key)}]`;
  }
  return text;
}

/** Reads a formatted path back into its keys: `a.b[0]["odd key"]` → ['a', 'b', 0, 'odd key']. */
export function parsePath(text) {
  const keys = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '.') i++;
    if (text[i] === '[') {
      if (text[i + 1] === '"') {
        // A JSON string literal, then "]".
        let j = i + 2;
        while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
        keys.push(JSON.parse(text.slice(i + 1, j + 1)));
        i = j + 2;
      } else {
        const end = text.indexOf(']', i);
        keys.push(Number(text.slice(i + 1, end)));
        i = end + 1;
      }
    } else {
      let j = i;
      while (j < text.length && text[j] !== '.' && text[j] !== '[') j++;
      keys.push(text.slice(i, j));
      i = j;
    }
  }
  return keys;
}

/** 1-based line and column of a character offset; CRLF, LF and a lone CR each end a line. */
export function lineColumn(text, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export class JsonSyntaxError extends Error {
  constructor(message, offset) {
    super(message);
    this.name = 'JsonSyntaxError';
    this.offset = offset;
  }
}

function describeChar(text, offset) {
  if (offset >= text.length) return 'the end of the file';
  const c = text[offset];
  if (c === '\n' || c === '\r') return 'a line break';
  if (c === '\t') return 'a tab';
  const code = c.codePointAt(0);
  if (code < 0x20) return `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return JSON.stringify(String.fromCodePoint(code));
}

/**
 * Scans `text` as JSON. Returns `{ value, nodes, duplicateKeys }`:
 * - nodes: Map from formatted path ("" for the root) to { start, end, keyStart?, kind, raw? } (offsets
 *   into text: the value's first and one-past-last character; keyStart: the opening quote of its key);
 * - duplicateKeys: [{ path, keyStart }] for keys given twice in one object (JSON.parse keeps the last,
 *   and so do `nodes`).
 * Throws JsonSyntaxError with the offset of the first error.
 */
export function scanJson(text) {
  let i = 0;
  const nodes = new Map();
  const duplicateKeys = [];

  const fail = (message, at = i) => {
    throw new JsonSyntaxError(message, at);
  };
  const skipWhitespace = () => {
    while (i < text.length) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else break;
    }
  };

  const scanString = () => {
    const start = i;
    i++; // opening quote
    let out = '';
    while (true) {
      if (i >= text.length) fail('unterminated string', start);
      const c = text[i];
      const code = text.charCodeAt(i);
      if (c === '"') {
        i++;
        return out;
      }
      if (code < 0x20) fail(`${describeChar(text, i)} inside a string (escape it)`);
      if (c !== '\\') {
        out += c;
        i++;
        continue;
      }
      const e = text[i + 1];
      const simple = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }[e];
      if (simple !== undefined) {
        out += simple;
        i += 2;
      } else if (e === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9A-Fa-f]{4}$/.test(hex)) fail('invalid \\u escape: expected 4 hex digits');
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else {
        fail(`invalid escape \\${e ?? ''} in a string`);
      }
    }
  };

  const scanNumber = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === '-') fail(`expected a value, got ${describeChar(text, i)}`);
    const after = text[i + match[0].length];
    if (after !== undefined && /[\w.+-]/.test(after)) fail(`invalid number`, i);
    i += match[0].length;
    return Number(match[0]);
  };

  const scanValue = (path, depth, keyStart) => {
    if (depth > 512) fail('nesting too deep');
    skipWhitespace();
    const start = i;
    const c = text[i];
    let value;
    let kind;
    if (c === '{') {
      kind = 'object';
      value = {};
      i++;
      skipWhitespace();
      const seen = new Set();
      let comma = -1;
      if (text[i] === '}') i++;
      else {
        while (true) {
          skipWhitespace();
          if (text[i] === '}' && comma >= 0) fail('trailing comma before "}"', comma);
          if (text[i] !== '"') fail(`expected a double-quoted property name, got ${describeChar(text, i)}`);
          const keyAt = i;
          const key = scanString();
          skipWhitespace();
          if (text[i] !== ':') fail(`expected ":" after the property name, got ${describeChar(text, i)}`);
          i++;
          const childPath = [...path, key];
          if (seen.has(key)) duplicateKeys.push({ path: formatPath(childPath), keyStart: keyAt });
          seen.add(key);
          // Own property even for "__proto__", like JSON.parse.
          Object.defineProperty(value, key, {
            value: scanValue(childPath, depth + 1, keyAt),
            enumerable: true,
            writable: true,
            configurable: true,
          });
          skipWhitespace();
          if (text[i] === ',') {
            comma = i++;
            continue;
          }
          if (text[i] === '}') {
            i++;
            break;
          }
          fail(`expected "," or "}" after a property value, got ${describeChar(text, i)}`);
        }
      }
    } else if (c === '[') {
      kind = 'array';
      value = [];
      i++;
      skipWhitespace();
      let comma = -1;
      if (text[i] === ']') i++;
      else {
        while (true) {
          skipWhitespace();
          if (text[i] === ']') fail('trailing comma before "]"', comma);
          value.push(scanValue([...path, value.length], depth + 1));
          skipWhitespace();
          if (text[i] === ',') {
            comma = i++;
            continue;
          }
          if (text[i] === ']') {
            i++;
            break;
          }
          fail(`expected "," or "]" after an array item, got ${describeChar(text, i)}`);
        }
      }
    } else if (c === '"') {
      kind = 'string';
      value = scanString();
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      kind = 'number';
      value = scanNumber();
    } else if (text.startsWith('true', i)) {
      kind = 'boolean';
      value = true;
      i += 4;
    } else if (text.startsWith('false', i)) {
      kind = 'boolean';
      value = false;
      i += 5;
    } else if (text.startsWith('null', i)) {
      kind = 'null';
      value = null;
      i += 4;
    } else if (c === "'") {
      fail('strings must use double quotes, not single quotes');
    } else {
      fail(`expected a value, got ${describeChar(text, i)}`);
    }
    nodes.set(formatPath(path), { start, end: i, keyStart, kind });
    return value;
  };

  skipWhitespace();
  if (i >= text.length) fail('the file is empty; expected a JSON object');
  const value = scanValue([], 0, undefined);
  skipWhitespace();
  if (i < text.length) fail(`unexpected ${describeChar(text, i)} after the end of the JSON value`);
  return { value, nodes, duplicateKeys };
}

/**
 * Where a path's value starts. A path that is not in the document (a missing key) points at the nearest
 * ancestor that is: the opening brace of the object the key is missing from.
 */
export function locatePath(nodes, pathText, { preferKey = false } = {}) {
  let keys;
  try {
    keys = parsePath(pathText);
  } catch {
    keys = [];
  }
  for (let n = keys.length; n >= 0; n--) {
    const node = nodes.get(formatPath(keys.slice(0, n)));
    if (node) {
      const exact = n === keys.length;
      return { offset: exact && preferKey && node.keyStart !== undefined ? node.keyStart : node.start, exact };
    }
  }
  return { offset: 0, exact: false };
}

/**
 * The source offset of character `index` of the decoded JSON string that starts (at its opening quote)
 * at `start`: lets a finding inside a string value point at the exact column.
 */
export function offsetInString(text, start, index) {
  let i = start + 1;
  let decoded = 0;
  while (i < text.length && decoded < index) {
    if (text[i] === '"') break;
    if (text[i] === '\\') i += text[i + 1] === 'u' ? 6 : 2;
    else i++;
    decoded++;
  }
  return i;
}
