import { catalogueLanguage, type Language } from '../i18n/messages.js';

/**
 * The UI strings <trust-center> itself adds for the whole trust center: navigation, the search box, the
 * overview's compliance dates, recent updates and section links, and the lazy views' loading and error
 * states. The views' own strings are in ./section-messages.ts, which loads with them (keeping the main
 * bundle small). Ships English, German, French, Spanish and Japanese, each a catalogue of this shape.
 */
export interface ViewMessages {
  nav: { subprocessors: string; faq: string; documents: string; updates: string };
  search: { label: string; button: string };
  overview: {
    sectionsHeading: string;
    subprocessors: (count: number) => string;
    faq: (count: number) => string;
    documents: (count: number) => string;
    updates: string;
    recentUpdates: string;
    allUpdates: string;
    /** The header band's actions, beside "Report a vulnerability". */
    requestDocuments: string;
    subscribe: string;
    /** The security contact card: its heading, the OpenPGP key's link and its fingerprint's label. */
    contact: string;
    key: string;
    fingerprint: string;
  };
  compliance: {
    expired: string;
    scope: string;
    audited: string;
    validUntil: string;
    expiredOn: string;
    requestReport: string;
    downloadReport: string;
  };
  loadingView: string;
  viewLoadFailed: string;
  compareWithPrevious: string;
  /** After the alt text of an image from an origin the manifest does not allow. */
  imageNotShown: string;
}

/** CLDR plural rules rather than `n === 1`: French counts 0 as singular. */
const one = (lang: string, n: number) => new Intl.PluralRules(lang).select(n) === 'one';

export const en: ViewMessages = {
  nav: { subprocessors: 'Subprocessors', faq: 'FAQ', documents: 'Documents', updates: 'Updates' },
  search: { label: 'Search the trust center', button: 'Search' },
  overview: {
    sectionsHeading: 'In this trust center',
    subprocessors: (count) => `${count === 1 ? 'The company' : `The ${count} companies`} that process data for us, and where.`,
    faq: (count) => `Answers to ${count === 1 ? 'a common question' : `${count} common questions`}.`,
    documents: (count) => `${count === 1 ? 'A report' : `${count} reports and papers`} to download or request.`,
    updates: 'What changed in our policies, and when.',
    recentUpdates: 'Recent updates',
    allUpdates: 'All updates',
    requestDocuments: 'Request documents',
    subscribe: 'Subscribe to updates',
    contact: 'Security contact',
    key: 'OpenPGP key',
    fingerprint: 'Fingerprint',
  },
  compliance: {
    expired: 'Expired',
    scope: 'Scope:',
    audited: 'Audited',
    validUntil: 'Valid until',
    expiredOn: 'Expired on',
    requestReport: 'Request the report',
    downloadReport: 'Download the report',
  },
  loadingView: 'Loading this section…',
  viewLoadFailed: 'This section could not be loaded.',
  compareWithPrevious: 'Compare with the previous version',
  imageNotShown: 'image not shown',
};

// Kept short: this module is in the main bundle.

export const de: ViewMessages = {
  nav: { subprocessors: 'Unterauftragsverarbeiter', faq: 'Häufige Fragen', documents: 'Dokumente', updates: 'Änderungen' },
  search: { label: 'Trust Center durchsuchen', button: 'Suchen' },
  overview: {
    sectionsHeading: 'In diesem Trust Center',
    subprocessors: (count) =>
      one('de', count)
        ? 'Welches Unternehmen in unserem Auftrag Daten verarbeitet, und wo.'
        : `Welche ${count} Unternehmen in unserem Auftrag Daten verarbeiten, und wo.`,
    faq: (count) => (one('de', count) ? 'Die Antwort auf eine häufige Frage.' : `Antworten auf ${count} häufige Fragen.`),
    documents: (count) =>
      `${one('de', count) ? 'Ein Bericht' : `${count} Berichte und Dokumente`} zum Herunterladen oder Anfordern.`,
    updates: 'Was sich an unseren Richtlinien geändert hat, und wann.',
    recentUpdates: 'Letzte Änderungen',
    allUpdates: 'Alle Änderungen',
    requestDocuments: 'Dokumente anfordern',
    subscribe: 'Änderungen abonnieren',
    contact: 'Sicherheitskontakt',
    key: 'OpenPGP-Schlüssel',
    fingerprint: 'Fingerabdruck',
  },
  compliance: {
    expired: 'Abgelaufen',
    scope: 'Geltungsbereich:',
    audited: 'Geprüft am',
    validUntil: 'Gültig bis',
    expiredOn: 'Abgelaufen am',
    requestReport: 'Bericht anfordern',
    downloadReport: 'Bericht herunterladen',
  },
  loadingView: 'Dieser Bereich wird geladen …',
  viewLoadFailed: 'Dieser Bereich konnte nicht geladen werden.',
  compareWithPrevious: 'Mit der vorherigen Version vergleichen',
  imageNotShown: 'Bild nicht angezeigt',
};

export const fr: ViewMessages = {
  nav: { subprocessors: 'Sous-traitants', faq: 'Questions fréquentes', documents: 'Documents', updates: 'Mises à jour' },
  search: { label: 'Rechercher dans le centre de confiance', button: 'Rechercher' },
  overview: {
    sectionsHeading: 'Dans ce centre de confiance',
    subprocessors: (count) =>
      one('fr', count)
        ? 'L’entreprise qui traite des données pour notre compte, et où.'
        : `Les ${count}\u00a0entreprises qui traitent des données pour notre compte, et où.`,
    faq: (count) =>
      one('fr', count) ? 'La réponse à une question fréquente.' : `Les réponses à ${count}\u00a0questions fréquentes.`,
    documents: (count) =>
      `${one('fr', count) ? 'Un rapport' : `${count}\u00a0rapports et documents`} à télécharger ou à demander.`,
    updates: 'Ce qui a changé dans nos politiques, et quand.',
    recentUpdates: 'Mises à jour récentes',
    allUpdates: 'Toutes les mises à jour',
    requestDocuments: 'Demander des documents',
    subscribe: 'S’abonner aux mises à jour',
    contact: 'Contact sécurité',
    key: 'Clé OpenPGP',
    fingerprint: 'Empreinte',
  },
  compliance: {
    expired: 'Expiré',
    scope: 'Périmètre\u00a0:',
    audited: 'Audité le',
    validUntil: 'Valable jusqu’au',
    expiredOn: 'Expiré le',
    requestReport: 'Demander le rapport',
    downloadReport: 'Télécharger le rapport',
  },
  loadingView: 'Chargement de cette section…',
  viewLoadFailed: 'Impossible de charger cette section.',
  compareWithPrevious: 'Comparer avec la version précédente',
  imageNotShown: 'image non affichée',
};

export const es: ViewMessages = {
  nav: { subprocessors: 'Subencargados', faq: 'Preguntas frecuentes', documents: 'Documentos', updates: 'Actualizaciones' },
  search: { label: 'Buscar en el centro de confianza', button: 'Buscar' },
  overview: {
    sectionsHeading: 'En este centro de confianza',
    subprocessors: (count) =>
      one('es', count)
        ? 'La empresa que trata datos por cuenta nuestra, y dónde.'
        : `Las ${count} empresas que tratan datos por cuenta nuestra, y dónde.`,
    faq: (count) => (one('es', count) ? 'Respuesta a una pregunta frecuente.' : `Respuestas a ${count} preguntas frecuentes.`),
    documents: (count) =>
      `${one('es', count) ? 'Un informe' : `${count} informes y documentos`} para descargar o solicitar.`,
    updates: 'Qué ha cambiado en nuestras políticas, y cuándo.',
    recentUpdates: 'Actualizaciones recientes',
    allUpdates: 'Todas las actualizaciones',
    requestDocuments: 'Solicitar documentos',
    subscribe: 'Suscribirse a las actualizaciones',
    contact: 'Contacto de seguridad',
    key: 'Clave OpenPGP',
    fingerprint: 'Huella digital',
  },
  compliance: {
    expired: 'Caducado',
    scope: 'Alcance:',
    audited: 'Auditado el',
    validUntil: 'Válido hasta el',
    expiredOn: 'Caducó el',
    requestReport: 'Solicitar el informe',
    downloadReport: 'Descargar el informe',
  },
  loadingView: 'Cargando esta sección…',
  viewLoadFailed: 'No se ha podido cargar esta sección.',
  compareWithPrevious: 'Comparar con la versión anterior',
  imageNotShown: 'imagen no mostrada',
};

export const ja: ViewMessages = {
  nav: { subprocessors: 'サブプロセッサー', faq: 'よくある質問', documents: 'ドキュメント', updates: '更新情報' },
  search: { label: 'トラストセンター内を検索', button: '検索' },
  overview: {
    sectionsHeading: 'このトラストセンターの内容',
    subprocessors: (count) => `当社に代わってデータを処理する ${count} 社と、その所在地を掲載しています。`,
    faq: (count) => `よくある ${count} 件の質問にお答えします。`,
    documents: (count) => `ダウンロードまたは請求できるレポートと資料（${count} 件）です。`,
    updates: 'ポリシーの変更内容と変更日を掲載しています。',
    recentUpdates: '最近の更新',
    allUpdates: 'すべての更新情報',
    requestDocuments: '資料を請求',
    subscribe: '更新を購読',
    contact: 'セキュリティ窓口',
    key: 'OpenPGP 公開鍵',
    fingerprint: 'フィンガープリント',
  },
  compliance: {
    expired: '期限切れ',
    scope: '対象範囲：',
    audited: '監査日',
    validUntil: '有効期限',
    expiredOn: '失効日',
    requestReport: 'レポートを請求',
    downloadReport: 'レポートをダウンロード',
  },
  loadingView: 'このセクションを読み込んでいます…',
  viewLoadFailed: 'このセクションを読み込めませんでした。',
  compareWithPrevious: '前のバージョンと比較',
  imageNotShown: '画像は表示されません',
};

const catalogues: Readonly<Record<Language, ViewMessages>> = { en, de, fr, es, ja };

/** The catalogue for a BCP 47 tag: the closest shipped language (`de-CH` → de), else English. */
export function viewMessagesFor(lang: string): ViewMessages {
  return catalogues[catalogueLanguage(lang)];
}
