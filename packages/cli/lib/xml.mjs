// Just enough XML: escaping for what we write, and a strict well-formedness check (a tokenizer that
// builds a small element tree) so tests and the build can read back what was written, with no parser dependency.

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text or attribute value, escaped; characters XML cannot hold at all become U+FFFD. */
export function escapeXml(value) {
  return String(value)
    .replace(NOT_XML_CHAR, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const NAME_START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NAME = new RegExp(`[${NAME_START}:][${NAME_CHAR}:]*`, 'y');
const PREDEFINED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export class XmlError extends Error {
  constructor(message, offset, text) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    super(`${line}:${column}: ${message}`);
    this.name = 'XmlError';
    this.line = line;
    this.column = column;
  }
}

function isXmlChar(code) {
  return (
    code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
  );
}

/**
 * Parses `text` as a standalone XML 1.0 document without a DTD and returns its root element as
 * { name, attributes: {name: value}, children: [element | string] }. Throws XmlError (with line:column)
 * at the first well-formedness error: unbalanced or mismatched tags, a duplicate attribute, an unquoted
 * attribute, "<" or an undeclared entity in text, text or a second element outside the root, a character
 * XML does not allow, "]]>" in text, "--" in a comment.
 */
export function parseXml(text) {
  let i = 0;
  const fail = (message, at = i) => {
    throw new XmlError(message, at, text);
  };
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (!isXmlChar(code)) fail(`character U+${code.toString(16).toUpperCase()} is not allowed in XML`, text.indexOf(ch));
  }
  const name = () => {
    NAME.lastIndex = i;
    const m = NAME.exec(text);
    if (!m) fail('expected a name');
    i += m[0].length;
    return m[0];
  };
  const space = (required = false) => {
    const start = i;
    while (/[ \t\r\n]/.test(text[i] ?? '')) i++;
    if (required && i === start) fail('expected whitespace');
  };
  const decode = (raw, at) =>
    raw.replace(/&([^;&<]*);?/g, (whole, ref, offset) => {
      if (!whole.endsWith(';')) fail('"&" must start an entity reference like &amp;', at + offset);
      if (ref.startsWith('#')) {
        const code = /^#x[0-9A-Fa-f]+$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#\d+$/.test(ref) ? Number(ref.slice(1)) : NaN;
        if (!isXmlChar(code)) fail(`invalid character reference &${ref};`, at + offset);
        return String.fromCodePoint(code);
      }
      if (!(ref in PREDEFINED)) fail(`undeclared entity &${ref};`, at + offset);
      return PREDEFINED[ref];
    });
  const misc = () => {
    // Comments, processing instructions and whitespace outside the root element.
    while (true) {
      space();
      if (text.startsWith('<!--', i)) comment();
      else if (text.startsWith('<?', i)) pi();
      else return;
    }
  };
  const comment = () => {
    const end = text.indexOf('-->', i + 4);
    if (end < 0) fail('unterminated comment');
    const body = text.slice(i + 4, end);
    if (body.includes('--') || body.endsWith('-')) fail('"--" inside a comment', i);
    i = end + 3;
  };
  const pi = () => {
    if (/^<\?xml(?:[ \t\r\n?]|$)/i.test(text.slice(i, i + 6))) fail('an XML declaration is only allowed at the very start');
    const end = text.indexOf('?>', i + 2);
    if (end < 0) fail('unterminated processing instruction');
    i = end + 2;
  };

  // XML declaration: only at the very start.
  if (text.startsWith('<?xml', 0) && /[ \t\r\n?]/.test(text[5] ?? '')) {
    const end = text.indexOf('?>');
    if (end < 0) fail('unterminated XML declaration');
    const decl = text.slice(0, end + 2);
    if (!/^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.\d+\1([ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?([ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(yes|no)\5)?[ \t\r\n]*\?>$/.test(decl)) {
      fail('malformed XML declaration', 0);
    }
    i = end + 2;
  }
  misc();
  if (text.startsWith('<!DOCTYPE', i)) fail('a DOCTYPE is not expected here');
  if (text[i] !== '<') fail(i >= text.length ? 'no root element' : 'text before the root element');

  const element = () => {
    const start = i;
    i++; // <
    const tag = name();
    const attributes = {};
    while (true) {
      const before = i;
      space();
      if (text.startsWith('/>', i)) {
        i += 2;
        return { name: tag, attributes, children: [], offset: start };
      }
      if (text[i] === '>') {
        i++;
        break;
      }
      if (i === before) fail('expected whitespace, ">" or "/>"');
      const attrAt = i;
      const attr = name();
      space();
      if (text[i] !== '=') fail(`expected "=" after attribute ${attr}`);
      i++;
      space();
      const quote = text[i];
      if (quote !== '"' && quote !== "'") fail(`attribute ${attr} must be quoted`);
      const end = text.indexOf(quote, i + 1);
      if (end < 0) fail('unterminated attribute value');
      const raw = text.slice(i + 1, end);
      if (raw.includes('<')) fail(`"<" in the value of attribute ${attr}`, i + 1 + raw.indexOf('<'));
      if (attr in attributes) fail(`duplicate attribute ${attr}`, attrAt);
      attributes[attr] = decode(raw, i + 1);
      i = end + 1;
    }
    const children = [];
    while (true) {
      if (i >= text.length) fail(`<${tag}> is never closed`, start);
      if (text.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== tag) fail(`</${closing}> closes <${tag}>`, i - closing.length - 2);
        space();
        if (text[i] !== '>') fail('expected ">"');
        i++;
        return { name: tag, attributes, children, offset: start };
      }
      if (text.startsWith('<!--', i)) comment();
      else if (text.startsWith('<![CDATA[', i)) {
        const end = text.indexOf(']]>', i);
        if (end < 0) fail('unterminated CDATA section');
        children.push(text.slice(i + 9, end));
        i = end + 3;
      } else if (text.startsWith('<?', i)) pi();
      else if (text[i] === '<') children.push(element());
      else {
        const end = text.indexOf('<', i);
        const raw = text.slice(i, end < 0 ? text.length : end);
        if (raw.includes(']]>')) fail('"]]>" in text', i + raw.indexOf(']]>'));
        children.push(decode(raw, i));
        i += raw.length;
      }
    }
  };
  const root = element();
  misc();
  if (i < text.length) fail(text[i] === '<' ? 'a second root element' : 'text after the root element');
  return root;
}

/** Child elements of `element` named `name` (one level). */
export function childElements(element, name) {
  return element.children.filter((c) => typeof c !== 'string' && (name === undefined || c.name === name));
}

/** The text content of an element. */
export function textOf(element) {
  return element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
