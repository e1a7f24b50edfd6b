// `npm run analyze` (cem analyze --config custom-elements-manifest.config.mjs): writes custom-elements.json,
// the Custom Elements Manifest, from the elements' JSDoc — @attr, @event, @csspart, @cssproperty, @slot —
// and Lit's decorators, for editors (VS Code, JetBrains), Storybook, docs sites and framework wrappers; then,
// from it, VS Code's custom data (vscode.html-custom-data.json, vscode.css-custom-data.json) and JetBrains'
// web-types.json. The manifest describes the shipped files and the public API only (see publicApi below);
// test/package/custom-elements.test.mjs checks it against the schema and against what dist/ really exports.
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';

/** The schema version of the custom-elements-manifest package this manifest follows. */
const SCHEMA_VERSION = '2.1.0';

/** The public elements, and the shipped module that declares each. */
const ELEMENTS = {
  TrustCenterElement: 'dist/trust-center.js',
  TrustCenterPolicyElement: 'dist/trust-center.js',
  TrustCenterBannerElement: 'dist/trust-center-banner.js',
  TrustCenterDisclosureElement: 'dist/trust-center-disclosure.js',
};

/** Each shipped module: the element classes it exports and the tags it registers when imported. */
const MODULES = {
  'dist/trust-center.js': {
    exports: ['TrustCenterElement', 'TrustCenterPolicyElement', 'TrustCenterBannerElement'],
    defines: ['trust-center', 'trust-center-policy', 'trust-center-banner'],
  },
  'dist/trust-center-banner.js': { exports: ['TrustCenterBannerElement'], defines: ['trust-center-banner'] },
  'dist/trust-center-disclosure.js': { exports: ['TrustCenterDisclosureElement'], defines: ['trust-center-disclosure'] },
  'dist/lib/index.js': { exports: ['TrustCenterElement', 'TrustCenterPolicyElement', 'TrustCenterBannerElement'], defines: [] },
  'dist/lib/disclosure.js': { exports: ['TrustCenterDisclosureElement'], defines: [] },
};

/** Elements whose parts <trust-center> forwards (exportparts) from the views it loads. */
const FORWARDED_VIEWS = {
  TrustCenterSubprocessorsElement: 'subprocessors',
  TrustCenterFaqElement: 'FAQ',
  TrustCenterDocumentsElement: 'documents',
  TrustCenterUpdatesElement: 'updates',
  TrustCenterSearchElement: 'search',
  TrustCenterDisclosureElement: 'disclosure',
};

/**
 * The tags. Registration goes through guards — `define('trust-center', TrustCenterElement)`,
 * `defineView('trust-center-faq', …)`, `defineDisclosure(tag = 'trust-center-disclosure')` — which the
 * analyzer alone reads as a tag named "tag". This plugin reads the literal tag names from those calls
 * (and from a helper's default `tag` parameter) and names each class's tag.
 */
function registrationHelpers() {
  /** class name → tag */
  const tags = new Map();
  const isDefineCall = (ts, node) =>
    ts.isCallExpression(node) &&
    (ts.isIdentifier(node.expression) ? /^define/.test(node.expression.text) : node.expression.getText() === 'customElements.define');
  return {
    name: 'trust-center-registration-helpers',
    analyzePhase({ ts, node }) {
      // define('trust-center', TrustCenterElement), defineView('trust-center-faq', TrustCenterFaqElement)
      if (isDefineCall(ts, node)) {
        const [tag, constructor] = node.arguments;
        if (tag && constructor && ts.isStringLiteral(tag) && ts.isIdentifier(constructor)) tags.set(constructor.text, tag.text);
      }
      // function defineDisclosure(tag = 'trust-center-disclosure') { define(tag, TrustCenterDisclosureElement) }
      if (ts.isFunctionDeclaration(node) && node.body) {
        const param = node.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === 'tag');
        if (param?.initializer && ts.isStringLiteral(param.initializer)) {
          const visit = (child) => {
            if (isDefineCall(ts, child)) {
              const [tagArg, constructor] = child.arguments;
              if (tagArg && ts.isIdentifier(tagArg) && tagArg.text === 'tag' && constructor && ts.isIdentifier(constructor)) {
                tags.set(constructor.text, param.initializer.text);
              }
            }
            ts.forEachChild(child, visit);
          };
          visit(node.body);
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          const tag = tags.get(declaration.name);
          if (tag && declaration.kind === 'class') Object.assign(declaration, { customElement: true, tagName: tag });
        }
      }
    },
  };
}

/**
 * Rewrites the analyzer's view of src/ into the package's public API: one module per shipped entry file
 * (dist/…js), the four public elements and nothing else (no internal views, message catalogues, helpers or
 * private members), type aliases such as `Theme` spelt out as their unions, the parts <trust-center> forwards
 * from its views listed on it, and the current schema version.
 */
function publicApi() {
  /** alias name → union of literals, e.g. Theme → 'light' | 'dark' | 'auto' */
  const unions = new Map();
  return {
    name: 'trust-center-public-api',
    analyzePhase({ ts, node }) {
      if (!ts.isTypeAliasDeclaration(node) || !ts.isUnionTypeNode(node.type)) return;
      if (!node.type.types.every((t) => ts.isLiteralTypeNode(t))) return;
      const text = node.type.types.map((t) => t.getText().replace(/^"(.*)"$/, "'$1'")).join(' | ');
      const known = unions.get(node.name.text);
      if (known && known !== text) throw new Error(`two union types named ${node.name.text}: ${known} and ${text}`);
      unions.set(node.name.text, text);
    },
    packageLinkPhase({ customElementsManifest: manifest }) {
      const classes = new Map();
      for (const mod of manifest.modules) for (const d of mod.declarations ?? []) if (d.kind === 'class') classes.set(d.name, d);
      const spell = (type) => {
        if (!type?.text) return type;
        const text = type.text
          .split('|')
          .map((part) => unions.get(part.trim()) ?? part.trim())
          .join(' | ');
        return { ...type, text };
      };
      const element = (name) => {
        const d = classes.get(name);
        if (!d?.customElement || !d.tagName) throw new Error(`custom-elements.json: ${name} is not a custom element with a tag`);
        const publicMember = (m) => !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('_');
        const attributes = (d.attributes ?? []).map((a) => ({ ...a, type: spell(a.type) }));
        // A field initialised from an imported constant has no type the analyzer can see; its attribute's JSDoc has.
        const typeOf = (m) => spell(m.type) ?? attributes.find((a) => a.fieldName === m.name)?.type;
        return { ...d, members: (d.members ?? []).filter(publicMember).map((m) => ({ ...m, type: typeOf(m) })), attributes };
      };
      const declarations = Object.fromEntries(Object.keys(ELEMENTS).map((name) => [name, element(name)]));

      // <trust-center> forwards its views' parts (exportparts): list them on it, once each.
      const own = declarations.TrustCenterElement;
      const parts = new Map((own.cssParts ?? []).map((p) => [p.name, { ...p, views: [] }]));
      for (const [className, view] of Object.entries(FORWARDED_VIEWS)) {
        for (const part of classes.get(className)?.cssParts ?? []) {
          const known = parts.get(part.name);
          if (known) known.views.push(view);
          else parts.set(part.name, { ...part, views: [view] });
        }
      }
      own.cssParts = [...parts.values()].map(({ views, ...part }) => {
        if (views.length === 0) return part;
        const where = views.length === 1 ? `the ${views[0]} view` : `the ${views.slice(0, -1).join(', ')} and ${views.at(-1)} views`;
        return { ...part, description: `${part.description ?? ''} (Also in ${where}.)`.trim() };
      });

      manifest.schemaVersion = SCHEMA_VERSION;
      manifest.modules = Object.entries(MODULES).map(([path, { exports, defines }]) => ({
        kind: 'javascript-module',
        path,
        declarations: Object.entries(ELEMENTS)
          .filter(([, home]) => home === path)
          .map(([name]) => declarations[name]),
        exports: [
          ...exports.map((name) => ({ kind: 'js', name, declaration: { name, module: ELEMENTS[name] } })),
          ...defines.map((tag) => {
            const name = Object.keys(ELEMENTS).find((n) => declarations[n].tagName === tag);
            return { kind: 'custom-element-definition', name: tag, declaration: { name, module: ELEMENTS[name] } };
          }),
        ],
      }));
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  // package.json names custom-elements.json itself; the analyzer would otherwise rewrite it to its --outdir.
  packagejson: false,
  plugins: [
    registrationHelpers(),
    publicApi(),
    customElementVsCodePlugin({ outdir: '.', htmlFileName: 'vscode.html-custom-data.json', cssFileName: 'vscode.css-custom-data.json', hideLogs: true }),
    customElementJetBrainsPlugin({ outdir: '.', webTypesFileName: 'web-types.json', packageJson: false, hideLogs: true }),
  ],
};
