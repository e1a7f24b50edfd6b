import { html, fixture, expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { TrustCenterElement } from '../src/elements/trust-center.js';
import * as views from '../src/views/messages.js';
import { loadCatalogue } from '../src/i18n/catalogue.js';
import * as de from '../src/i18n/catalogues/de.js';
import * as fr from '../src/i18n/catalogues/fr.js';
import * as es from '../src/i18n/catalogues/es.js';
import * as ja from '../src/i18n/catalogues/ja.js';
import * as sections from '../src/views/section-messages.js';
import { $, $$, resetHash, shadow, text, waitFor } from './helpers.js';

const FENNEL = '/test/fixtures/views/manifest.json';
const TRANSLATED = ['de', 'fr', 'es', 'ja'] as const;
type Translated = (typeof TRANSLATED)[number];
/** <trust-center>'s own strings other than English, each in its own chunk. */
const viewCatalogues: Record<string, views.ViewMessages> = { de: de.view, fr: fr.view, es: es.view, ja: ja.view };

// --- Catalogue walking ---------------------------------------------------------------------------

/** Arguments per function, by path (`summary` takes one count in errors, two in updates); several sets reach every branch. */
const SAMPLE_ARGS: Record<string, unknown[][]> = {
  'overview.subprocessors': [[1], [5]],
  'overview.faq': [[1], [4]],
  'overview.documents': [[1], [3]],
  'search.results': [[1, 'encryption'], [3, 'encryption']],
  'search.none': [['encryption']],
  'search.unavailable': [['Security, Privacy']],
  'subprocessors.intro': [['Fennel Labs']],
  'subprocessors.notice': [[0], [1], [30]],
  'subprocessors.showing': [[5, 5], [2, 5], [1, 1]],
  'faq.showing': [[4, 4], [1, 4], [2, 4]],
  'documents.form.heading': [['SOC 2 Type II report']],
  'documents.errors.summary': [[1], [3]],
  'documents.errors.tooLong': [['Company', 200, 250]],
  'documents.failure.http': [[503, 'Service Unavailable'], [500, '']],
  'documents.failure.rateLimited': [[undefined], [30]],
  'documents.failure.detail': [['maintenance']],
  'documents.failure.timeout': [[1], [15], [7.5]],
  'documents.failure.emailInstead': [['trust@fennel.example']],
  'documents.email.intro': [['trust@fennel.example']],
  'documents.email.subject': [['SOC 2 Type II report', 'DR-20260301-7F3K9Q']],
  'documents.receipt.next': [['ada@example.com']],
  'documents.copy.title': [['DR-20260301-7F3K9Q']],
  'updates.comparing': [['Security', 'September 1, 2025', 'March 10, 2026']],
  'updates.summary': [[1, 1], [0, 2], [12, 3]],
};

/** Every leaf of a catalogue in key order as [path, text]; a function gives one leaf per sample argument set. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const sets = SAMPLE_ARGS[path];
    if (!sets) throw new Error(`no sample arguments for ${path}`);
    return sets.map((args, i) => [`${path}#${i}`, String((value as (...a: unknown[]) => unknown)(...args))]);
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  }
  throw new Error(`${path}: unexpected ${typeof value}`);
}

const bundles = {
  views: {
    en: views.en,
    get: (lang: string) => viewCatalogues[lang],
    // Spelt the same in that language as in English (cognates), so not a missed translation.
    sameAsEnglish: { de: [], fr: ['nav.documents'], es: [], ja: [] } as Record<Translated, string[]>,
    mustTranslate: ['nav.subprocessors', 'nav.faq', 'nav.updates', 'search.label', 'search.button', 'overview.sectionsHeading'],
  },
  sections: {
    en: sections.en,
    get: (lang: string) => (sections as unknown as Record<string, sections.SectionMessages>)[lang],
    sameAsEnglish: {
      de: ['subprocessors.columns.name', 'documents.form.name', 'documents.copy.name'],
      fr: [
        'search.kinds.faq',
        'search.kinds.document',
        'documents.heading',
        'documents.access.public',
        'documents.receipt.document',
        'documents.copy.document',
      ],
      es: ['documents.errors.prefix'],
      ja: [],
    } as Record<Translated, string[]>,
    mustTranslate: [
      'search.heading',
      'subprocessors.heading',
      'subprocessors.columns.purpose',
      'subprocessors.columns.location',
      'subprocessors.columns.data',
      'faq.heading',
      'updates.heading',
      'documents.request',
      'documents.form.send',
    ],
  },
};

/** A view inside <trust-center>, once its chunk has loaded and it has rendered `ready`. */
async function view(el: Element, tag: string, ready: string): Promise<HTMLElement> {
  const inner = (await waitFor(el, tag, 8000)) as HTMLElement & { updateComplete?: Promise<unknown> };
  await waitUntil(() => inner.shadowRoot?.querySelector(ready), `${tag} never rendered ${ready}`, { timeout: 8000 });
  await inner.updateComplete;
  return inner;
}

/** A sort button's label without its arrow. */
const columnLabel = (button: Element) => text(button).replace(/[▲▼↕]$/, '').trim();

describe('views i18n', () => {
  describe('catalogues', () => {
    for (const [name, bundle] of Object.entries(bundles)) {
      for (const lang of TRANSLATED) {
        it(`${name}: ${lang} has every key of English in its order, each non-empty and translated`, () => {
          const catalogue = bundle.get(lang);
          expect(catalogue, `${name}.${lang} is exported`).to.be.an('object');
          const english = new Map(leaves(bundle.en));
          const translated = new Map(leaves(catalogue));
          expect([...translated.keys()]).to.deep.equal([...english.keys()]);
          const allowed = bundle.sameAsEnglish[lang];
          const untranslated: string[] = [];
          for (const [leaf, value] of translated) {
            expect(value.trim(), `${name}.${lang}.${leaf}`).not.to.equal('');
            expect(value, `${name}.${lang}.${leaf} keeps no placeholder`).not.to.match(/\$\{|undefined|NaN|\[object/);
            if (value === english.get(leaf) && !allowed.includes(leaf)) untranslated.push(leaf);
          }
          expect(untranslated, `${name}.${lang}: the same as English`).to.deep.equal([]);
        });
      }

      it(`${name}: translates every nav label and heading in every language`, () => {
        for (const lang of TRANSLATED) {
          const english = new Map(leaves(bundle.en));
          const translated = new Map(leaves(bundle.get(lang)));
          for (const key of bundle.mustTranslate) {
            expect(translated.get(key), `${name}.${lang}.${key}`).to.be.a('string').and.not.equal(english.get(key));
          }
        }
      });
    }

    it('puts every argument into the sentence', async () => {
      await Promise.all(TRANSLATED.map((lang) => loadCatalogue(lang)));
      for (const lang of ['en', ...TRANSLATED]) {
        const s = sections.sectionMessagesFor(lang);
        expect(s.search.results(3, 'ZETA'), lang).to.contain('3').and.contain('ZETA');
        expect(s.subprocessors.intro('Zeta Corp'), lang).to.contain('Zeta Corp');
        expect(s.subprocessors.showing(2, 5), lang).to.contain('2').and.contain('5');
        expect(s.documents.errors.tooLong('LABEL', 200, 250), lang).to.contain('LABEL').and.contain('200').and.contain('250');
        expect(s.documents.email.subject('TITLE', 'REF'), lang).to.contain('TITLE').and.contain('REF');
        expect(s.updates.comparing('TITLE', 'FROM', 'TO'), lang).to.contain('TITLE').and.contain('FROM').and.contain('TO');
        expect(s.subprocessors.notice(0), lang).not.to.match(/\b0\b/);
        expect(views.viewMessagesFor(lang).overview.faq(4), lang).to.contain('4');
      }
    });

    it('takes the closest shipped language, else English', async () => {
      await Promise.all(TRANSLATED.map((lang) => loadCatalogue(lang)));
      expect(views.viewMessagesFor('de-CH')).to.equal(viewCatalogues.de);
      expect(views.viewMessagesFor('FR-ca')).to.equal(viewCatalogues.fr);
      expect(views.viewMessagesFor('ja-JP')).to.equal(viewCatalogues.ja);
      expect(views.viewMessagesFor('pt-BR')).to.equal(views.en);
      expect(sections.sectionMessagesFor('es-419')).to.equal(sections.es);
      expect(sections.sectionMessagesFor('de_AT')).to.equal(sections.de);
      expect(sections.sectionMessagesFor('zh-Hant-TW')).to.equal(sections.en);
      expect(sections.sectionMessagesFor('')).to.equal(sections.en);
    });
  });

  describe('plurals', () => {
    it('German: one for 1, the plural for 2', () => {
      expect(sections.de.updates.summary(1, 2)).to.equal('1 Wort hinzugefügt, 2 Wörter entfernt.');
      expect(sections.de.search.results(1, 'TLS')).to.equal('1 Ergebnis für „TLS“');
      expect(sections.de.search.results(2, 'TLS')).to.equal('2 Ergebnisse für „TLS“');
      expect(sections.de.subprocessors.notice(1)).to.contain('1 Tag im Voraus');
      expect(sections.de.subprocessors.notice(2)).to.contain('2 Tage im Voraus');
      expect(sections.de.documents.failure.timeout(1)).to.contain('1 Sekunde geantwortet');
      expect(sections.de.documents.failure.timeout(2)).to.contain('2 Sekunden geantwortet');
      expect(de.view.overview.faq(1)).to.equal('Die Antwort auf eine häufige Frage.');
      expect(de.view.overview.faq(2)).to.equal('Antworten auf 2 häufige Fragen.');
    });

    it('French: one for 0, 1 and 1.5, the plural for 2', () => {
      expect(sections.fr.updates.summary(1, 2)).to.equal('1\u00a0mot ajouté, 2\u00a0mots supprimés.');
      expect(sections.fr.updates.summary(0, 0)).to.equal('0\u00a0mot ajouté, 0\u00a0mot supprimé.');
      expect(sections.fr.search.results(1, 'TLS')).to.equal('1\u00a0résultat pour «\u00a0TLS\u00a0»');
      expect(sections.fr.search.results(2, 'TLS')).to.equal('2\u00a0résultats pour «\u00a0TLS\u00a0»');
      expect(sections.fr.faq.showing(1, 4)).to.equal('1\u00a0question sur 4 correspond');
      expect(sections.fr.faq.showing(2, 4)).to.equal('2\u00a0questions sur 4 correspondent');
      expect(sections.fr.documents.failure.timeout(1.5)).to.contain('1,5\u00a0seconde.');
      expect(fr.view.overview.documents(1)).to.equal('Un rapport à télécharger ou à demander.');
      expect(fr.view.overview.documents(2)).to.equal('2\u00a0rapports et documents à télécharger ou à demander.');
    });
  });

  describe('rendered', () => {
    beforeEach(resetHash);
    afterEach(() => {
      fixtureCleanup();
      resetHash();
    });

    it('German: the navigation, the search box and the FAQ', async () => {
      history.replaceState(null, '', '#faq');
      const el = await fixture<TrustCenterElement>(html`<trust-center src=${FENNEL} lang="de"></trust-center>`);
      const v = await view(el, 'trust-center-faq', 'details');
      expect($$(el, '[part~="nav-link"]').map(text)).to.deep.equal([
        'Übersicht',
        'Security',
        'Privacy',
        'Unterauftragsverarbeiter',
        'Häufige Fragen',
        'Dokumente',
        'Änderungen',
        'Schwachstelle melden',
      ]);
      expect(text($(el, '[part~="search-button"]'))).to.equal('Suchen');
      expect($(el, '[part~="search-input"]')!.getAttribute('aria-label')).to.equal('Trust Center durchsuchen');
      expect(text(shadow(v).querySelector('.view-title'))).to.equal('Häufig gestellte Fragen');
      expect(text(shadow(v).querySelector('[part~="count"]'))).to.equal('4 Fragen');
    });

    it('German: the overview’s section cards and compliance dates', async () => {
      const el = await fixture<TrustCenterElement>(html`<trust-center src=${FENNEL} lang="de"></trust-center>`);
      await waitFor(el, '[part~="overview"]');
      expect(text($(el, '#tc-sections-title'))).to.equal('In diesem Trust Center');
      expect($$(el, '[part~="section-card"] p').map(text)).to.deep.equal([
        'Welche 5 Unternehmen in unserem Auftrag Daten verarbeiten, und wo.',
        'Antworten auf 4 häufige Fragen.',
        '3 Berichte und Dokumente zum Herunterladen oder Anfordern.',
        'Was sich an unseren Richtlinien geändert hat, und wann.',
      ]);
      const [iso] = $$(el, '[part~="compliance-item"]');
      expect(text(iso!.querySelector('[part~="badge"]'))).to.equal('Abgelaufen');
      expect([...iso!.querySelectorAll('[part~="compliance-dates"] > span')].map(text)).to.deep.equal([
        'Geprüft am 10. Januar 2024',
        'Abgelaufen am 9. Januar 2025',
      ]);
    });

    it('Japanese: the subprocessors heading, column headers and count', async () => {
      history.replaceState(null, '', '#subprocessors');
      const el = await fixture<TrustCenterElement>(html`<trust-center src=${FENNEL} lang="ja"></trust-center>`);
      const v = await view(el, 'trust-center-subprocessors', 'table');
      expect(text(shadow(v).querySelector('.view-title'))).to.equal('サブプロセッサー');
      expect([...shadow(v).querySelectorAll('thead [part~="sort"]')].map(columnLabel)).to.deep.equal([
        '名称',
        '目的',
        '所在地',
        '処理するデータ',
      ]);
      expect(text(shadow(v).querySelector('[part~="count"]'))).to.equal('全 5 件を表示');
      expect(text(shadow(v).querySelector('tbody td .cell-label'))).to.equal('目的');
      expect($$(el, '[part~="nav-link"]').map(text)).to.include('サブプロセッサー');
    });
  });
});
