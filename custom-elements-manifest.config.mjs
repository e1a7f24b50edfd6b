// `npm run analyze` (cem analyze --config custom-elements-manifest.config.mjs): writes custom-elements.json,
// the Custom Elements Manifest, from the elements' JSDoc — @attr, @event, @csspart, @cssproperty, @slot —
// and Lit's decorators, for editors (VS Code, JetBrains), Storybook, docs sites and framework wrappers.

/**
 * The tags. Registration goes through guards — `define('trust-center', TrustCenterElement)`,
 * `defineView('trust-center-faq', …)`, `defineDisclosure(tag = 'trust-center-disclosure')` — which the
 * analyzer alone reads as a tag named "tag". This plugin reads the literal tag names from those calls
 * (and from a helper's default `tag` parameter), names each class's tag and replaces the bogus definitions.
 */
function registrationHelpers() {
  /** class name → { tag, module path } */
  const tags = new Map();
  return {
    name: 'trust-center-registration-helpers',
    analyzePhase({ ts, node, moduleDoc }) {
      // define('trust-center', TrustCenterElement), defineView('trust-center-faq', TrustCenterFaqElement)
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && /^define/.test(node.expression.text)) {
        const [tag, constructor] = node.arguments;
        if (tag && constructor && ts.isStringLiteral(tag) && ts.isIdentifier(constructor)) {
          tags.set(constructor.text, { tag: tag.text, path: moduleDoc.path });
        }
      }
      // function defineDisclosure(tag = 'trust-center-disclosure') { … customElements.define(tag, Class) … }
      if (ts.isFunctionDeclaration(node) && node.body) {
        const param = node.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === 'tag');
        if (param?.initializer && ts.isStringLiteral(param.initializer)) {
          const visit = (child) => {
            if (
              ts.isCallExpression(child) &&
              ts.isPropertyAccessExpression(child.expression) &&
              child.expression.getText() === 'customElements.define'
            ) {
              const [tagArg, constructor] = child.arguments;
              if (tagArg && constructor && ts.isIdentifier(tagArg) && tagArg.text === 'tag' && ts.isIdentifier(constructor)) {
                tags.set(constructor.text, { tag: param.initializer.text, path: moduleDoc.path });
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
        // The guards' own `customElements.define(tag, constructor)`: not a definition of a tag called "tag".
        mod.exports = (mod.exports ?? []).filter((e) => !(e.kind === 'custom-element-definition' && !e.name.includes('-')));
        for (const declaration of mod.declarations ?? []) {
          const found = tags.get(declaration.name);
          if (found && declaration.kind === 'class') Object.assign(declaration, { customElement: true, tagName: found.tag });
        }
      }
      for (const [className, { tag, path }] of tags) {
        const home = customElementsManifest.modules.find((m) => (m.declarations ?? []).some((d) => d.name === className));
        const where = customElementsManifest.modules.find((m) => m.path === path);
        if (!home || !where) continue;
        if ((where.exports ?? []).some((e) => e.kind === 'custom-element-definition' && e.name === tag)) continue;
        where.exports = [...(where.exports ?? []), { kind: 'custom-element-definition', name: tag, declaration: { name: className, module: home.path } }];
      }
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
  plugins: [registrationHelpers()],
};
