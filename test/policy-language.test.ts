// A policy's own words come from its author, but what the element adds inside the text (the note on an image
// it does not show) is in the reader's language, even when the policy is ready before that language's strings.
// Its own file: a page where no other test has loaded the French strings yet.
import { html, fixture, expect } from '@open-wc/testing';
import '../src/define.js';
import { waitFor } from './helpers.js';

describe('the policy text in the reader\'s language', () => {
  // The French strings arrive a second late, after the policy is ready to render.
  before(() => (document.cookie = `tc-slow-module=${encodeURIComponent('/src/i18n/catalogues/fr.ts')}; path=/`));
  after(() => (document.cookie = 'tc-slow-module=; path=/; max-age=0'));

  it('notes a refused image in French on a French page, though the French strings came last', async () => {
    const manifest = {
      version: 1,
      organization: { name: 'Société Exemple', url: 'https://exemple.example' },
      policies: [{ id: 'securite', title: 'Sécurité', updated: '2026-06-05', content: '## Schéma\n\n![Schéma du réseau](https://ailleurs.example/schema.png)\n' }],
    };
    const src = URL.createObjectURL(new Blob([JSON.stringify(manifest)], { type: 'application/json' }));
    const el = await fixture(html`<trust-center-policy src=${src} lang="fr"></trust-center-policy>`);
    const note = await waitFor(el, '[part~="content"] .image-note', 8000);
    expect(note.textContent).to.equal('(image non affichée)');
    URL.revokeObjectURL(src);
  });
});
