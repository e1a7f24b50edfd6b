// Work-arounds for JavaScriptCore (Safari): marked slices the remaining source after every token, which
// JSC copies, so lexing grows with the square of the text (an 80 KB policy took seconds in WebKit, a
// 1 MB one minutes). Lexing section by section keeps each slice short; the result is the same, because
// an ATX heading ends every open block (paragraph, list, quote, table) anyway.

// At the margin: an indented one may belong to a list item, which a cut would end.
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
/** HTML blocks of CommonMark types 1–5 run to their end marker, whatever lines come between. */
const HTML_UNTIL: readonly [RegExp, RegExp][] = [
  [/^ {0,3}<(?:pre|script|style|textarea)(?:[\s>]|$)/i, /<\/(?:pre|script|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
/** Other HTML blocks (types 6 and 7) run to a blank line. */
const HTML_TO_BLANK = /^ {0,3}<\/?[A-Za-z]/;
/** A run of brackets this long has no markdown meaning, and each bracket would start a scan to the end. */
const BRACKET_RUN = /[[<]{33,}/g;
/** Block quotes and lists nest no deeper than this: marked recurses, copying the rest of the line, per level. */
const MAX_NESTING = 32;
/** A block quote or list marker, at `lastIndex`. */
const CONTAINER_MARKER = />|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/y;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * The document cut before each ATX heading that starts a block (never inside a fenced code block or an
 * HTML block), with long runs of `[` or `<` outside code escaped so they read as the literal text they are,
 * and quotes and lists nested deeper than MAX_NESTING flattened (see capNesting).
 * A generator, so a caller that yields to the page between sections also spreads this scan.
 */
export function* markdownSections(markdown: string): Generator<string, void> {
  const lines = markdown.split('\n');
  let current: string[] = [];
  let fence: string | undefined;
  let htmlEnd: RegExp | 'blank' | undefined;
  for (const line of lines) {
    if (fence !== undefined) {
      if (new RegExp(`^ {0,3}${fence[0]}{${fence.length},}[ \\t]*$`).test(line)) fence = undefined;
      current.push(line);
      continue;
    }
    if (htmlEnd !== undefined) {
      if (htmlEnd === 'blank' ? line.trim() === '' : htmlEnd.test(line)) htmlEnd = undefined;
      current.push(line);
      continue;
    }
    if (ATX_HEADING.test(line) && current.length > 0) {
      yield current.join('\n') + '\n';
      current = [];
    }
    const opened = FENCE_OPEN.exec(line);
    if (opened) fence = opened[1];
    else {
      const html = HTML_UNTIL.find(([start]) => start.test(line));
      if (html) htmlEnd = html[1].test(line.replace(html[0], '')) ? undefined : html[1];
      else if (HTML_TO_BLANK.test(line)) htmlEnd = 'blank';
    }
    current.push(fence === undefined && htmlEnd === undefined ? capNesting(line).replace(BRACKET_RUN, escapeRun) : line);
  }
  yield current.join('\n');
}

/**
 * The line without the quote and list markers that would open levels beyond MAX_NESTING, counting two
 * columns of indentation as a level (that is all a nested list needs); the content stays, at that level.
 */
function capNesting(line: string): string {
  if (THEMATIC_BREAK.test(line)) return line;
  let depth = 0;
  let columns = 0;
  let at = 0;
  let cut = -1;
  for (;;) {
    const start = at;
    while (line[at] === ' ' || line[at] === '\t') at++;
    columns += at - start;
    CONTAINER_MARKER.lastIndex = at;
    if (!CONTAINER_MARKER.test(line)) break;
    if (cut < 0 && ++depth + columns / 2 > MAX_NESTING) cut = at;
    at = CONTAINER_MARKER.lastIndex;
  }
  return cut < 0 ? line : line.slice(0, cut) + line.slice(at);
}

function escapeRun(run: string): string {
  return run.replace(/[[<]/g, '\\$&');
}
