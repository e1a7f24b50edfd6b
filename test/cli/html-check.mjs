// A strict tag-balance check of the HTML the build writes (no HTML parser dependency): every element
// is closed in order, attributes are quoted, and a "<" in text is never anything but a tag.

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
// Elements whose end tag HTML lets you leave out; the build always writes it anyway, so none are optional here.

/**
 * Returns { scripts: [{ attributes, content }], elements: [{ name, attributes, depth, parents }] } or throws
 * an Error naming the offset of the first problem.
 */
export function checkHtml(html) {
  const stack = [];
  const scripts = [];
  const elements = [];
  let i = 0;
  const fail = (message) => {
    const line = html.slice(0, i).split('\n').length;
    throw new Error(`line ${line}: ${message}`);
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    i = lt;
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end < 0) fail('unterminated comment');
      i = end + 3;
      continue;
    }
    if (/^<!doctype html>/i.test(html.slice(i, i + 15))) {
      i += 15;
      continue;
    }
    if (html.startsWith('<?', i)) {
      // Lit SSR's marker for an empty part: a bogus comment to an HTML parser, up to ">".
      i = html.indexOf('>', i) + 1;
      continue;
    }
    const close = /^<\/([a-z][a-z0-9-]*)\s*>/i.exec(html.slice(i));
    if (close) {
      const name = close[1].toLowerCase();
      const open = stack.pop();
      if (open !== name) fail(`</${name}> closes <${open ?? 'nothing'}>`);
      i += close[0].length;
      continue;
    }
    const open = /^<([a-z][a-z0-9-]*)/i.exec(html.slice(i));
    if (!open) fail(`"<" in text: ${JSON.stringify(html.slice(i, i + 20))}`);
    const name = open[1].toLowerCase();
    i += open[0].length;
    const attributes = {};
    while (true) {
      const attr = /^\s+([^\s"'<>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/.exec(html.slice(i));
      if (attr) {
        if (attr[1] in attributes) fail(`duplicate attribute ${attr[1]} on <${name}>`);
        attributes[attr[1]] = attr[2] ?? attr[3] ?? '';
        i += attr[0].length;
        continue;
      }
      const end = /^\s*(\/?)>/.exec(html.slice(i));
      if (!end) fail(`malformed tag <${name}>: ${JSON.stringify(html.slice(i, i + 30))}`);
      i += end[0].length;
      elements.push({ name, attributes, parents: [...stack] });
      if (name === 'script') {
        const endScript = html.indexOf('</script>', i);
        if (endScript < 0) fail('unterminated script');
        scripts.push({ attributes, content: html.slice(i, endScript) });
        i = endScript + '</script>'.length;
      } else if (!VOID.has(name) && end[1] !== '/') {
        stack.push(name);
      }
      break;
    }
  }
  if (stack.length > 0) fail(`unclosed: ${stack.join(' > ')}`);
  return { scripts, elements };
}
