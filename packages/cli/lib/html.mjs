// HTML written by hand: a tagged template that escapes every interpolation unless it is marked as
// already-safe markup, so no manifest string can reach the page unescaped by accident.

class SafeHtml {
  constructor(html) {
    this.html = html;
  }
  toString() {
    return this.html;
  }
}

/** Markup that is already safe (Lit SSR output, or built with `html`). */
export function raw(markup) {
  return new SafeHtml(String(markup));
}

/**
 * Text or attribute value: & < > " ' escaped. Safe in element content and quoted attributes.
 * Control characters (which HTML forbids) and lone surrogates become U+FFFD.
 */
export function escapeHtml(value) {
  return String(value)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function render(value) {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.html;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(value);
}

/** html`<p title="${title}">${text}</p>`: every value escaped; arrays joined; raw() passes through. */
export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new SafeHtml(out);
}

/**
 * JSON for a <script type="application/ld+json"> block: `<`, `>` and `&` as \u escapes so no string
 * can close the script element ("</script>") or open a comment ("<!--"); U+2028/9 escaped too.
 */
export function jsonForScript(value) {
  return JSON.stringify(value, null, 2)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
