import { html, fixture, expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { ReactiveElement } from '@lit/reactive-element';
import '../src/define.js';
import '../src/disclosure/define.js';
import type { TrustCenterElement } from '../src/elements/trust-center.js';
import type { TrustCenterBannerElement } from '../src/banner/trust-center-banner.js';
import type { TrustCenterDisclosureElement } from '../src/disclosure/trust-center-disclosure.js';
import { LANGUAGES, catalogueLanguage, en, messagesFor, type Messages } from '../src/i18n/messages.js';
import { loadCatalogue, loadedCatalogue } from '../src/i18n/catalogue.js';
import * as de from '../src/i18n/catalogues/de.js';
import * as fr from '../src/i18n/catalogues/fr.js';
import * as es from '../src/i18n/catalogues/es.js';
import * as ja from '../src/i18n/catalogues/ja.js';
import { baseLanguage, formatDate, languageName, lookupLanguage, resolveLang } from '../src/i18n/locale.js';
import { languageFallbackNote, pickLocalizedSource } from '../src/i18n/localized-source.js';
import { LangController } from '../src/i18n/lang-controller.js';
import * as banner from '../src/banner/messages.js';
import { parseManifest } from '../src/manifest/validate.js';
import * as disclosure from '../src/disclosure/messages.js';
import { $, $$, text, waitFor } from './helpers.js';

const ARTISSER = '/policies/manifest.json';
const DISCLOSURE = '/test/fixtures/disclosure/manifest.json';
const BANNER = '/test/fixtures/banner/single.json';
const TRANSLATED = ['de', 'fr', 'es', 'ja'] as const;
const POLYGLOT = '/test/fixtures/i18n/manifest.json';
/** The main bundle's catalogues: English built in, the others each in a chunk of its own. */
const catalogues: Record<string, Messages> = { en, de: de.messages, fr: fr.messages, es: es.messages, ja: ja.messages };


// --- Catalogue walking ---------------------------------------------------------------------------

/** Arguments that make every message function of every catalogue produce its sentence. */
const SAMPLE_ARGS: Record<string, unknown[]> = {
  readPolicy: ['Security'],
  unknownPolicy: ['privacy'],
  languageFallback: ['Deutsch', 'English'],
  staleCopy: ['5 June 2026, 10:00'],
  updatedOne: ['Security', 'June 5, 2026'],
  updatedMany: ['Security and Privacy', 'June 5, 2026'],
  listName: ['Privacy Policy'],
  change: ['Security', 'Added passkeys.'],
  intro: ['Artisser'],
  acknowledgeCommitment: [2],
  titleHint: [250],
  cvssScore: ['9.8', 'Critical'],
  summaryTitle: [3],
  tooLong: ['Title', 250, 300],
  cvss: [{ code: 'missing', metrics: ['AV', 'AC'] }],
  statusProblems: [3],
  toEndpoint: ['reports.artisser.example'],
  toEmail: ['security@artisser.example'],
  http: [503, 'Service Unavailable'],
  httpDetail: ['maintenance'],
  rateLimited: [30],
  timeout: [15],
  keyFetch: ['HTTP 404'],
  fingerprint: ['AAAA', 'BBBB'],
  encrypt: ['bad key'],
  keptEncryption: ['security@artisser.example'],
  emailInstead: ['security@artisser.example'],
  contact: ['security@artisser.example'],
  subject: ['TC-20261129-7F3K9Q', 'XSS in search'],
  subjectEncrypted: ['TC-20261129-7F3K9Q'],
  next: [2, 'Tuesday, December 1, 2026'],
  title: ['TC-20261129-7F3K9Q'],
  policy: ['security', '2026-06-05'],
};

/** Every leaf of a catalogue as [path, text], functions called with sample arguments. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const name = path.split('.').pop()!;
    const args = SAMPLE_ARGS[name];
    if (!args) throw new Error(`no sample arguments for ${path}`);
    return [[path, String((value as (...a: unknown[]) => unknown)(...args))]];
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  }
  throw new Error(`${path}: unexpected ${typeof value}`);
}

/**
 * Words that are the same in a language as in English (loan words, codes, abbreviations): everything
 * else must differ from the English text, or it was left untranslated.
 */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  de: ['complianceHeading', 'change'],
  fr: [],
  es: ['errors.prefix', 'change'],
  ja: [],
};

const bundles = {
  messages: { en, get: (lang: string) => catalogues[lang] },
  banner: { en: banner.en, get: (lang: string) => (banner as unknown as Record<string, banner.BannerMessages>)[lang] },
  disclosure: {
    en: disclosure.en,
    get: (lang: string) => (disclosure as unknown as Record<string, disclosure.DisclosureMessages>)[lang],
  },
};

const navLabels = (el: Element) => $$(el, '[part~="nav-link"]').map(text);

describe('i18n', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => fixtureCleanup());

  describe('catalogues', () => {
    for (const [name, bundle] of Object.entries(bundles)) {
      for (const lang of TRANSLATED) {
        it(`${name}: ${lang} has every key of English, each non-empty and translated`, () => {
          const catalogue = bundle.get(lang);
          expect(catalogue, `${name}.${lang} is exported`).to.be.an('object');
          const english = new Map(leaves(bundle.en));
          const translated = new Map(leaves(catalogue));
          expect([...translated.keys()].sort()).to.deep.equal([...english.keys()].sort());
          const allowed = SAME_AS_ENGLISH[lang] ?? [];
          const untranslated: string[] = [];
          for (const [path, value] of translated) {
            expect(value.trim(), `${name}.${lang}.${path}`).not.to.equal('');
            expect(value, `${name}.${lang}.${path} keeps no placeholder`).not.to.match(/\$\{|undefined|NaN|\[object/);
            if (path === 'lang') continue;
            if (value === english.get(path) && !allowed.includes(path)) untranslated.push(path);
          }
          expect(untranslated, `${name}.${lang}: the same as English`).to.deep.equal([]);
        });
      }
    }

    it('puts every argument into the sentence', async () => {
      await Promise.all(TRANSLATED.map((lang) => loadCatalogue(lang)));
      for (const lang of LANGUAGES) {
        const m = messagesFor(lang);
        expect(m.readPolicy('Zeta'), lang).to.contain('Zeta');
        expect(m.unknownPolicy('zeta'), lang).to.contain('zeta');
        const b = banner.bannerMessagesFor(lang);
        expect(b.updatedOne('Zeta', 'DATE'), lang).to.contain('Zeta').and.contain('DATE');
        expect(b.updatedMany('NAMES', 'DATE'), lang).to.contain('NAMES').and.contain('DATE');
        const d = disclosure.disclosureMessagesFor(lang);
        expect(d.intro('Zeta Corp'), lang).to.contain('Zeta Corp');
        expect(d.receipt.next(2, 'DATE'), lang).to.contain('DATE').and.contain('2');
        expect(d.failure.fingerprint('AAAA', 'BBBB'), lang).to.contain('AAAA').and.contain('BBBB');
        expect(d.errors.tooLong('LABEL', 250, 300), lang).to.contain('LABEL').and.contain('250').and.contain('300');
        for (const problem of [
          { code: 'prefix' },
          { code: 'syntax', part: '' },
          { code: 'syntax', part: 'XX' },
          { code: 'unknown-metric', metric: 'ZZ' },
          { code: 'duplicate', metric: 'AV' },
          { code: 'value', metric: 'AV', value: 'Q', allowed: ['N', 'A', 'L', 'P'] },
          { code: 'missing', metrics: ['AV'] },
          { code: 'missing', metrics: ['AV', 'AC'] },
        ] as const) {
          expect(d.errors.cvss(problem).length, `${lang} ${problem.code}`).to.be.greaterThan(10);
        }
      }
    });

    it('counts business days with the right plural', () => {
      expect(disclosure.de.acknowledgeCommitment(1)).to.contain('1 Arbeitstag.');
      expect(disclosure.de.acknowledgeCommitment(2)).to.contain('2 Arbeitstagen');
      expect(disclosure.fr.acknowledgeCommitment(1)).to.contain('1\u00a0jour ouvré.');
      expect(disclosure.fr.acknowledgeCommitment(3)).to.contain('3\u00a0jours ouvrés');
      expect(disclosure.es.acknowledgeCommitment(1)).to.contain('1 día hábil.');
      expect(disclosure.es.acknowledgeCommitment(5)).to.contain('5 días hábiles');
      expect(disclosure.ja.acknowledgeCommitment(2)).to.contain('2 営業日以内');
      for (const lang of LANGUAGES) {
        expect(disclosure.disclosureMessagesFor(lang).acknowledgeCommitment(0), lang).not.to.match(/\b0\b/);
      }
    });

    it('writes banner sentences that quote the policy title', () => {
      expect(banner.de.updatedOne('Security', '5. Juni 2026')).to.equal(
        'Wir haben unsere Richtlinie „Security“ am 5. Juni 2026 aktualisiert.',
      );
      expect(banner.de.updatedOne('Datenschutzrichtlinie', '5. Juni 2026')).to.equal(
        'Wir haben unsere Datenschutzrichtlinie am 5. Juni 2026 aktualisiert.',
      );
      expect(banner.fr.updatedOne('Politique de confidentialité', '5 juin 2026')).to.equal(
        'Nous avons mis à jour notre politique de confidentialité le 5 juin 2026.',
      );
      expect(banner.es.updatedOne('Security', '5 de junio de 2026')).to.equal(
        'Hemos actualizado nuestra política «Security» el 5 de junio de 2026.',
      );
      expect(banner.ja.updatedOne('Security', '2026年6月5日')).to.equal('2026年6月5日に「Security」ポリシーを更新しました。');
      const names = ['Security', 'Privacy Policy'];
      expect(banner.formatList(names.map(banner.de.listName), banner.de)).to.equal('„Security“ und „Privacy“');
      expect(banner.formatList(names.map(banner.fr.listName), banner.fr)).to.equal('«\u00a0Security\u00a0» et «\u00a0Privacy\u00a0»');
      expect(banner.formatList(names.map(banner.es.listName), banner.es)).to.equal('«Security» y «Privacy»');
      expect(banner.formatList(names.map(banner.ja.listName), banner.ja)).to.equal('「Security」、「Privacy」');
    });
  });

  describe('choosing a catalogue', () => {
    it('loads a language once, and is English until it has', async () => {
      const loading = loadCatalogue('fr');
      if (loading) {
        expect(messagesFor('fr')).to.equal(en);
        expect(loadCatalogue('fr'), 'one load per language').to.equal(loading);
        await loading;
      }
      expect(loadedCatalogue('fr')?.messages).to.equal(catalogues.fr);
      expect(loadCatalogue('fr'), 'nothing to wait for once loaded').to.equal(undefined);
      expect(loadCatalogue('en'), 'English is built in').to.equal(undefined);
    });

    it('takes the exact language, then its base, then English', async () => {
      await Promise.all(TRANSLATED.map((lang) => loadCatalogue(lang)));
      expect(messagesFor('de')).to.equal(catalogues.de);
      expect(messagesFor('de-CH')).to.equal(catalogues.de);
      expect(messagesFor('DE-at')).to.equal(catalogues.de);
      expect(messagesFor('fr-CA')).to.equal(catalogues.fr);
      expect(messagesFor('es-419')).to.equal(catalogues.es);
      expect(messagesFor('ja-JP')).to.equal(catalogues.ja);
      expect(messagesFor('pt')).to.equal(en);
      expect(messagesFor('pt-BR')).to.equal(en);
      expect(messagesFor('')).to.equal(en);
      expect(messagesFor('not a tag')).to.equal(en);
      expect(catalogueLanguage('en-GB')).to.equal('en');
      expect(banner.bannerMessagesFor('de-CH')).to.equal(banner.de);
      expect(banner.bannerMessagesFor('pt')).to.equal(banner.en);
      expect(disclosure.disclosureMessagesFor('ja-JP')).to.equal(disclosure.ja);
      expect(disclosure.disclosureMessagesFor('zh-Hant-TW')).to.equal(disclosure.en);
    });

    it('looks tags up by RFC 4647 (longest prefix, singletons dropped, any case)', () => {
      expect(lookupLanguage(['en', 'zh-Hant'], 'zh-Hant-TW')).to.equal('zh-Hant');
      expect(lookupLanguage(['en', 'zh-hant'], 'ZH-HANT')).to.equal('zh-hant');
      expect(lookupLanguage(['de'], 'de-CH-x-phonebk')).to.equal('de');
      expect(lookupLanguage(['de-CH'], 'de')).to.equal(undefined);
      expect(lookupLanguage(['de'], 'de_AT')).to.equal('de');
      expect(lookupLanguage(['en'], '')).to.equal(undefined);
      expect(baseLanguage('PT-br')).to.equal('pt');
    });

    it('names languages with Intl', () => {
      expect(languageName('de', 'de')).to.equal('Deutsch');
      expect(languageName('en', 'de')).to.equal('Englisch');
      expect(languageName('en', 'fr')).to.equal('anglais');
      expect(languageName('en', 'ja')).to.equal('英語');
      expect(languageName('qq', 'en')).to.equal('qq');
      expect(languageName('de', 'not a tag')).to.equal('German');
    });

    it('formats dates in each language', () => {
      expect(formatDate('2026-06-05', 'en')).to.equal('June 5, 2026');
      expect(formatDate('2026-06-05', 'de')).to.equal('5. Juni 2026');
      expect(formatDate('2026-06-05', 'fr')).to.equal('5 juin 2026');
      expect(formatDate('2026-06-05', 'es')).to.equal('5 de junio de 2026');
      expect(formatDate('2026-06-05', 'ja')).to.equal('2026年6月5日');
      expect(formatDate('2026-06-05', 'not a tag')).to.equal('June 5, 2026');
    });

    it('writes every English day as this engine’s Intl does, without Intl', () => {
      const days: string[] = [];
      for (const year of [1999, 2024, 2026]) {
        for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
      }
      const tags = ['en', 'en-US', 'EN_us'];
      const mismatches = tags.flatMap((tag) => {
        const intl = new Intl.DateTimeFormat(tag.replace('_', '-'), { dateStyle: 'long', timeZone: 'UTC' });
        return days.filter((day) => formatDate(day, tag) !== intl.format(new Date(`${day}T00:00:00Z`))).map((day) => `${tag} ${day}: ${formatDate(day, tag)}`);
      });
      expect(mismatches).to.deep.equal([]);
      // Regional formats differ from the base language's: they, and the other languages, are Intl's.
      expect(formatDate('2026-01-05', 'en-GB')).to.equal('5 January 2026');
      expect(formatDate('2026-01-05', 'de-AT')).to.equal(new Intl.DateTimeFormat('de-AT', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2026-01-05T00:00:00Z')));
    });
  });

  describe('resolving the language', () => {
    it('takes the element’s own lang first', async () => {
      const el = await fixture(html`<div lang="fr"><span lang="ja-JP"></span></div>`);
      expect(resolveLang(el.querySelector('span')!)).to.equal('ja-JP');
    });

    it('else the nearest ancestor’s, across shadow roots', async () => {
      const outer = await fixture<HTMLElement>(html`<section lang="es"><div><p></p></div></section>`);
      expect(resolveLang(outer.querySelector('p')!)).to.equal('es');
      const host = outer.querySelector('div')!;
      const inner = host.attachShadow({ mode: 'open' });
      inner.innerHTML = '<div><em></em></div>';
      expect(resolveLang(inner.querySelector('em')!)).to.equal('es');
      inner.querySelector('div')!.setAttribute('lang', 'de');
      expect(resolveLang(inner.querySelector('em')!)).to.equal('de');
    });

    it('else the browser’s language', () => {
      const detached = document.createElement('div');
      expect(resolveLang(detached)).to.equal(navigator.language);
    });
  });

  describe('the elements', () => {

    it('render every label in the element’s language', async () => {
      const expected: Record<string, [overview: string, report: string, date: string]> = {
        en: ['Overview', 'Report a vulnerability', 'Last updated June 5, 2026'],
        de: ['Übersicht', 'Schwachstelle melden', 'Zuletzt aktualisiert am 5. Juni 2026'],
        fr: ['Vue d’ensemble', 'Signaler une vulnérabilité', 'Dernière mise à jour le 5 juin 2026'],
        es: ['Resumen', 'Notificar una vulnerabilidad', 'Última actualización: 5 de junio de 2026'],
        ja: ['概要', '脆弱性を報告', '最終更新日 2026年6月5日'],
      };
      for (const [lang, [overview, report, date]] of Object.entries(expected)) {
        const el = await fixture<TrustCenterElement>(html`<trust-center src=${ARTISSER} lang=${lang}></trust-center>`);
        await waitFor(el, '[part~="overview"]');
        const labels = navLabels(el);
        expect(labels[0], lang).to.equal(overview);
        expect(labels[labels.length - 1], lang).to.equal(report);
        expect(text($(el, '[part~="policy-card"] .updated')), lang).to.equal(date);
        expect(text($(el, '#tc-policies-title')), lang).to.equal(catalogues[lang]!.policiesHeading);
        expect(text($(el, '[part~="badge"]')), lang).to.equal(catalogues[lang]!.complianceStatus.certified);
        fixtureCleanup();
      }
    });

    it('take an ancestor’s lang, and a region falls back to its language', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div lang="de-CH"><trust-center src=${ARTISSER}></trust-center></div>`,
      );
      const el = wrapper.querySelector('trust-center')!;
      await waitFor(el, '[part~="overview"]');
      expect(navLabels(el)[0]).to.equal('Übersicht');
    });

    it('fall back to English for a language without a catalogue, with dates still in that language', async () => {
      const el = await fixture<TrustCenterElement>(html`<trust-center src=${ARTISSER} lang="pt-BR"></trust-center>`);
      await waitFor(el, '[part~="overview"]');
      expect(navLabels(el)[0]).to.equal('Overview');
      expect(text($(el, '[part~="policy-card"] time'))).to.equal('5 de junho de 2026');
    });

    it('translate the error state', async () => {
      const el = await fixture<TrustCenterElement>(
        html`<trust-center src="/test/fixtures/broken/wrong-shape.json" lang="fr"></trust-center>`,
      );
      const error = await waitFor(el, '[part~="error"]');
      expect(text(error)).to.contain('Impossible de charger le centre de confiance.');
      expect(text($(el, '[part~="retry"]'))).to.equal('Réessayer');
    });

    it('translate the disclosure form', async () => {
      const el = await fixture<TrustCenterDisclosureElement>(
        html`<trust-center-disclosure src=${DISCLOSURE} lang="ja"></trust-center-disclosure>`,
      );
      await waitFor(el, 'form');
      expect(text($(el, '[part~="heading"]'))).to.equal('脆弱性を報告');
      expect(text($(el, '[part~="intro"]'))).to.contain('2 営業日以内');
      expect(text($(el, '[part~="submit"]'))).to.equal('報告内容を確認');
      const labels = $$(el, 'label').map(text);
      expect(labels).to.include('タイトル （必須）');
    });

    it('translate the banner', async () => {
      const el = await fixture<TrustCenterBannerElement>(
        html`<trust-center-banner src=${BANNER} lang="es" .now=${new Date(2026, 5, 10, 12)}></trust-center-banner>`,
      );
      await waitFor(el, '[part~="banner"]');
      expect(text($(el, '[part~="message"]'))).to.contain('Hemos actualizado nuestra política «Security» el 5 de junio de 2026.');
      expect(text($(el, '[part~="link"]'))).to.equal('Ver los cambios');
      expect($(el, '[part~="dismiss"]')!.getAttribute('aria-label')).to.equal('Cerrar');
      expect($(el, '[part~="banner"]')!.getAttribute('aria-label')).to.equal('Actualización de una política');
    });
  });

  describe('policies given per language (the elements)', () => {
    it('the fixture is a valid manifest with a theme and a source per language', async () => {
      const result = parseManifest(await (await fetch(POLYGLOT)).json());
      expect(result.ok && result.warnings).to.deep.equal([]);
    });

    const policyIn = async (lang: string) => {
      const el = await fixture<TrustCenterElement>(
        html`<trust-center src=${POLYGLOT} lang=${lang} policy="security"></trust-center>`,
      );
      await waitFor(el, '[part~="content"] h2');
      return el;
    };

    it('shows the reader’s language, marked with its lang', async () => {
      const el = await policyIn('de-AT');
      expect(text($(el, '[part~="content"] h2'))).to.equal('1. Unser Sicherheitsansatz');
      expect($(el, '[part~="content"]')!.getAttribute('lang')).to.equal('de');
      expect($(el, '[part~="language-note"]')).to.equal(null);
      expect(text($(el, '[part~="toc"] .toc-title'))).to.equal('Auf dieser Seite');
    });

    it('falls back to English with a note in the reader’s language', async () => {
      const el = await policyIn('ja');
      expect(text($(el, '[part~="content"] h2'))).to.equal('1. Our Approach to Security');
      expect($(el, '[part~="content"]')!.getAttribute('lang')).to.equal('en');
      expect(text($(el, '[part~="language-note"]'))).to.equal(
        'このポリシーは日本語では提供されていないため、英語で表示しています。',
      );
      expect(navLabels(el)[0]).to.equal('概要');
    });

    it('follows a change of lang: labels, dates, text and note', async () => {
      const el = await policyIn('de');
      el.setAttribute('lang', 'fr');
      await waitUntil(() => navLabels(el)[0] === 'Vue d’ensemble', 'the labels follow');
      await waitUntil(() => text($(el, '[part~="content"] h2')) === '1. Our Approach to Security', 'the text follows');
      expect(text($(el, '[part~="updated"]'))).to.equal('Dernière mise à jour le 5 juin 2026');
      // (text() folds the no-break space French puts before ";" into a space.)
      expect(text($(el, '[part~="language-note"]'))).to.equal(
        'Cette politique n’est pas disponible en français ; elle est affichée en anglais.',
      );
    });

    it('follows a change of an ancestor’s lang in <trust-center-policy>', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<article lang="en"><trust-center-policy src=${POLYGLOT} policy="security"></trust-center-policy></article>`,
      );
      const el = wrapper.querySelector('trust-center-policy')!;
      await waitFor(el, '[part~="content"] h2');
      expect(text($(el, '[part~="content"] h2'))).to.equal('1. Our Approach to Security');
      wrapper.setAttribute('lang', 'de');
      await waitUntil(() => text($(el, '[part~="content"] h2')) === '1. Unser Sicherheitsansatz', 'the German text');
      expect(text($(el, '[part~="updated"]'))).to.equal('Zuletzt aktualisiert am 5. Juni 2026');
    });

    it('applies the manifest theme, under the host page’s tokens', async () => {
      const el = await policyIn('en');
      const link = $(el, '[part~="content"] a[href^="mailto:"]')!;
      expect(getComputedStyle(link).color).to.equal('rgb(109, 40, 217)');
      el.setAttribute('theme', 'dark');
      await el.updateComplete;
      expect(getComputedStyle(link).color).to.equal('rgb(196, 181, 253)');
      el.style.setProperty('--tc-accent', '#ff0000');
      expect(getComputedStyle(link).color).to.equal('rgb(255, 0, 0)');
    });
  });

  describe('LangController', () => {
    class LangProbe extends ReactiveElement {
      readonly language = new LangController(this);
      renders = 0;
      shown = '';
      protected override update(changed: Map<PropertyKey, unknown>): void {
        super.update(changed);
        this.renders++;
        this.shown = this.language.value;
      }
    }
    if (!customElements.get('tc-lang-probe')) customElements.define('tc-lang-probe', LangProbe);

    it('re-renders when the element’s, an ancestor’s or a shadow host’s lang changes', async () => {
      const outer = await fixture<HTMLElement>(html`<div lang="en"><div class="host"></div></div>`);
      const shadowRoot = outer.querySelector('.host')!.attachShadow({ mode: 'open' });
      shadowRoot.innerHTML = '<section><tc-lang-probe></tc-lang-probe></section>';
      const probe = shadowRoot.querySelector('tc-lang-probe') as LangProbe;
      await probe.updateComplete;
      expect(probe.shown).to.equal('en');

      outer.setAttribute('lang', 'de');
      await waitUntil(() => probe.shown === 'de', 'an ancestor outside the shadow root');
      shadowRoot.querySelector('section')!.setAttribute('lang', 'fr');
      await waitUntil(() => probe.shown === 'fr', 'an ancestor inside the shadow root');
      probe.setAttribute('lang', 'ja');
      await waitUntil(() => probe.shown === 'ja', 'its own lang');

      const before = probe.renders;
      outer.setAttribute('lang', 'es');
      document.body.setAttribute('data-unrelated', 'x');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(probe.renders, 'a change that does not change its language').to.equal(before);
      document.body.removeAttribute('data-unrelated');
    });

    it('stops watching when disconnected', async () => {
      const outer = await fixture<HTMLElement>(html`<div lang="en"><tc-lang-probe></tc-lang-probe></div>`);
      const probe = outer.querySelector('tc-lang-probe') as LangProbe;
      await probe.updateComplete;
      probe.remove();
      const before = probe.renders;
      outer.setAttribute('lang', 'de');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(probe.renders).to.equal(before);
    });
  });

  describe('pickLocalizedSource', () => {
    const sources = { en: 'security.md', de: 'security.de.md', 'pt-BR': 'security.pt-br.md' };

    it('serves every language from a single file', () => {
      expect(pickLocalizedSource('security.md', 'de')).to.deep.equal({ source: 'security.md', lang: 'de', fallback: false });
    });

    it('takes the language, its base, or another region of it', () => {
      expect(pickLocalizedSource(sources, 'de')).to.deep.equal({ source: 'security.de.md', lang: 'de', fallback: false });
      expect(pickLocalizedSource(sources, 'de-CH')).to.deep.equal({ source: 'security.de.md', lang: 'de', fallback: false });
      expect(pickLocalizedSource(sources, 'DE')).to.deep.equal({ source: 'security.de.md', lang: 'de', fallback: false });
      expect(pickLocalizedSource(sources, 'en-GB')).to.deep.equal({ source: 'security.md', lang: 'en', fallback: false });
      expect(pickLocalizedSource(sources, 'pt-PT')).to.deep.equal({
        source: 'security.pt-br.md',
        lang: 'pt-BR',
        fallback: false,
      });
      expect(pickLocalizedSource(sources, 'pt-br')).to.deep.equal({
        source: 'security.pt-br.md',
        lang: 'pt-BR',
        fallback: false,
      });
    });

    it('falls back to English, else the first language, and says so', () => {
      expect(pickLocalizedSource(sources, 'ja')).to.deep.equal({ source: 'security.md', lang: 'en', fallback: true });
      expect(pickLocalizedSource({ de: 'sicherheit.md', fr: 'securite.md' }, 'ja')).to.deep.equal({
        source: 'sicherheit.md',
        lang: 'de',
        fallback: true,
      });
      expect(pickLocalizedSource({ fr: 'securite.md', 'en-US': 'security.md' }, 'es')).to.deep.equal({
        source: 'security.md',
        lang: 'en-US',
        fallback: true,
      });
    });

    it('is no fallback when no language was asked for', () => {
      expect(pickLocalizedSource(sources, '')).to.deep.equal({ source: 'security.md', lang: 'en', fallback: false });
    });

    it('refuses an empty map', () => {
      expect(() => pickLocalizedSource({}, 'en')).to.throw(RangeError);
    });

    it('words the fallback note in the reader’s language', () => {
      expect(languageFallbackNote('de', 'en')).to.equal(
        'Diese Richtlinie ist nicht auf Deutsch verfügbar; sie wird auf Englisch angezeigt.',
      );
      expect(languageFallbackNote('de-CH', 'en')).to.contain('nicht auf Deutsch verfügbar');
      expect(languageFallbackNote('fr', 'en')).to.equal(
        'Cette politique n’est pas disponible en français\u00a0; elle est affichée en anglais.',
      );
      expect(languageFallbackNote('es', 'en')).to.equal('Esta política no está disponible en español; se muestra en inglés.');
      expect(languageFallbackNote('ja', 'en')).to.equal('このポリシーは日本語では提供されていないため、英語で表示しています。');
      // A language without a UI catalogue: the note is English, naming the reader's language in itself.
      // (Engines differ in capitalising an autonym on its own: "português", "Português".)
      expect(languageFallbackNote('pt-BR', 'en')).to.match(/^This policy is not available in [Pp]ortuguês; showing English\.$/);
      expect(languageFallbackNote('ja', 'de')).to.contain('ドイツ語');
    });
  });
});
