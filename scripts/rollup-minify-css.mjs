// A Rollup plugin that minifies the CSS of Lit's css`…` literals with esbuild's CSS minifier. Terser
// leaves template literals as written, so every comment and indent of the elements' styles would ship.
import { transformSync } from 'esbuild';

/** css`…` (TypeScript emits css `…`) with no ${} and no backslash (escapes would need the template's cooked value). */
const CSS_LITERAL = /\bcss\s*`([^`\\$]*)`/g;

/** Minified CSS, padded with the literal's line breaks so the source map's lines still match. */
export function minifyCssText(text) {
  const minified = transformSync(text, { loader: 'css', minify: true, logLevel: 'silent' }).code.trim();
  return minified + '\n'.repeat(text.split('\n').length - 1);
}

export function minifyCssLiterals() {
  return {
    name: 'minify-css-literals',
    transform(code, id) {
      if (!/\.[cm]?[jt]s$/.test(id) || !/\bcss\s*`/.test(code)) return null;
      const out = code.replace(CSS_LITERAL, (_, text) => `css\`${minifyCssText(text)}\``);
      return out === code ? null : { code: out, map: null };
    },
  };
}
