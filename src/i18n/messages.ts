import { lookupLanguage } from './locale.js';

/** Every UI string the elements show. Each language is a catalogue of this shape, so a missing key is a type error. */
export interface Messages {
  overview: string;
  reportVulnerability: string;
  trustCenterNav: string;
  policiesHeading: string;
  complianceHeading: string;
  /** Followed by the date: "Last updated June 5, 2026". */
  lastUpdated: string;
  onThisPage: string;
  changeHistory: string;
  loading: string;
  loadingPolicy: string;
  retry: string;
  readPolicy: (title: string) => string;
  loadFailed: string;
  policyLoadFailed: string;
  manifestProblems: string;
  noSrc: string;
  unknownPolicy: (id: string) => string;
  complianceStatus: Record<'certified' | 'in-progress' | 'aligned' | 'planned', string>;
  /**
   * A policy shown in another language than the reader's: `requested` is the reader's language named in
   * itself ("Deutsch"), `shown` the language shown, named in this catalogue's language ("English").
   */
  languageFallback: (requested: string, shown: string) => string;
  /** The server could not be reached and this browser's copy from `savedOn` (a formatted date) is shown. */
  staleCopy: (savedOn: string) => string;
}

/** Language names start lower-case mid-sentence in French and Spanish ("en allemand"); some engines capitalise them. */
const lowerFirst = (name: string, lang: string) => name.charAt(0).toLocaleLowerCase(lang) + name.slice(1);

export const en: Messages = {
  overview: 'Overview',
  reportVulnerability: 'Report a vulnerability',
  trustCenterNav: 'Trust center',
  policiesHeading: 'Policies',
  complianceHeading: 'Compliance',
  lastUpdated: 'Last updated',
  onThisPage: 'On this page',
  changeHistory: 'Change history',
  loading: 'Loading the trust center…',
  loadingPolicy: 'Loading the policy…',
  retry: 'Retry',
  readPolicy: (title) => `Read the ${title} policy`,
  loadFailed: 'The trust center could not be loaded.',
  policyLoadFailed: 'This policy could not be loaded.',
  manifestProblems: 'Problems found in the manifest:',
  noSrc: 'No manifest: set the src attribute to the URL of a manifest.json.',
  unknownPolicy: (id) => `There is no policy "${id}" in this trust center.`,
  complianceStatus: {
    certified: 'Certified',
    'in-progress': 'In progress',
    aligned: 'Aligned',
    planned: 'Planned',
  },
  languageFallback: (requested, shown) => `This policy is not available in ${requested}; showing ${shown}.`,
  staleCopy: (savedOn) =>
    `The trust center could not be reached, so this is the copy saved in your browser on ${savedOn}. It may be out of date.`,
};

export const de: Messages = {
  overview: 'Übersicht',
  reportVulnerability: 'Schwachstelle melden',
  trustCenterNav: 'Trust Center',
  policiesHeading: 'Richtlinien',
  complianceHeading: 'Compliance',
  lastUpdated: 'Zuletzt aktualisiert am',
  onThisPage: 'Auf dieser Seite',
  changeHistory: 'Änderungsverlauf',
  loading: 'Trust Center wird geladen …',
  loadingPolicy: 'Richtlinie wird geladen …',
  retry: 'Erneut versuchen',
  readPolicy: (title) => `Richtlinie „${title}“ lesen`,
  loadFailed: 'Das Trust Center konnte nicht geladen werden.',
  policyLoadFailed: 'Diese Richtlinie konnte nicht geladen werden.',
  manifestProblems: 'Im Manifest wurden Probleme gefunden:',
  noSrc: 'Kein Manifest: Setzen Sie das Attribut src auf die URL einer manifest.json.',
  unknownPolicy: (id) => `In diesem Trust Center gibt es keine Richtlinie „${id}“.`,
  complianceStatus: {
    certified: 'Zertifiziert',
    'in-progress': 'In Arbeit',
    aligned: 'Umgesetzt',
    planned: 'Geplant',
  },
  languageFallback: (requested, shown) =>
    `Diese Richtlinie ist nicht auf ${requested} verfügbar; sie wird auf ${shown} angezeigt.`,
  staleCopy: (savedOn) =>
    `Das Trust Center ist nicht erreichbar. Angezeigt wird die am ${savedOn} in Ihrem Browser gespeicherte Kopie; sie ist möglicherweise nicht aktuell.`,
};

export const fr: Messages = {
  overview: 'Vue d’ensemble',
  reportVulnerability: 'Signaler une vulnérabilité',
  trustCenterNav: 'Centre de confiance',
  policiesHeading: 'Politiques',
  complianceHeading: 'Conformité',
  lastUpdated: 'Dernière mise à jour le',
  onThisPage: 'Sur cette page',
  changeHistory: 'Historique des modifications',
  loading: 'Chargement du centre de confiance…',
  loadingPolicy: 'Chargement de la politique…',
  retry: 'Réessayer',
  readPolicy: (title) => `Lire la politique «\u00a0${title}\u00a0»`,
  loadFailed: 'Impossible de charger le centre de confiance.',
  policyLoadFailed: 'Impossible de charger cette politique.',
  manifestProblems: 'Problèmes détectés dans le manifeste\u00a0:',
  noSrc: 'Aucun manifeste\u00a0: indiquez dans l’attribut src l’URL d’un fichier manifest.json.',
  unknownPolicy: (id) => `Ce centre de confiance ne contient aucune politique «\u00a0${id}\u00a0».`,
  complianceStatus: {
    certified: 'Certifié',
    'in-progress': 'En cours',
    aligned: 'Aligné',
    planned: 'Prévu',
  },
  languageFallback: (requested, shown) =>
    `Cette politique n’est pas disponible en ${lowerFirst(requested, 'fr')}\u00a0; elle est affichée en ${lowerFirst(shown, 'fr')}.`,
  staleCopy: (savedOn) =>
    `Le centre de confiance est injoignable\u00a0: voici la copie enregistrée dans votre navigateur le ${savedOn}. Elle n’est peut-être plus à jour.`,
};

export const es: Messages = {
  overview: 'Resumen',
  reportVulnerability: 'Notificar una vulnerabilidad',
  trustCenterNav: 'Centro de confianza',
  policiesHeading: 'Políticas',
  complianceHeading: 'Cumplimiento normativo',
  lastUpdated: 'Última actualización:',
  onThisPage: 'En esta página',
  changeHistory: 'Historial de cambios',
  loading: 'Cargando el centro de confianza…',
  loadingPolicy: 'Cargando la política…',
  retry: 'Reintentar',
  readPolicy: (title) => `Leer la política «${title}»`,
  loadFailed: 'No se ha podido cargar el centro de confianza.',
  policyLoadFailed: 'No se ha podido cargar esta política.',
  manifestProblems: 'Se han encontrado problemas en el manifiesto:',
  noSrc: 'No hay manifiesto: indique en el atributo src la URL de un archivo manifest.json.',
  unknownPolicy: (id) => `Este centro de confianza no contiene ninguna política «${id}».`,
  complianceStatus: {
    certified: 'Certificado',
    'in-progress': 'En curso',
    aligned: 'Alineado',
    planned: 'Previsto',
  },
  languageFallback: (requested, shown) =>
    `Esta política no está disponible en ${lowerFirst(requested, 'es')}; se muestra en ${lowerFirst(shown, 'es')}.`,
  staleCopy: (savedOn) =>
    `No se ha podido acceder al centro de confianza; se muestra la copia guardada en su navegador el ${savedOn}. Puede que no esté actualizada.`,
};

export const ja: Messages = {
  overview: '概要',
  reportVulnerability: '脆弱性を報告',
  trustCenterNav: 'トラストセンター',
  policiesHeading: 'ポリシー',
  complianceHeading: 'コンプライアンス',
  lastUpdated: '最終更新日',
  onThisPage: '目次',
  changeHistory: '変更履歴',
  loading: 'トラストセンターを読み込んでいます…',
  loadingPolicy: 'ポリシーを読み込んでいます…',
  retry: '再試行',
  readPolicy: (title) => `「${title}」ポリシーを読む`,
  loadFailed: 'トラストセンターを読み込めませんでした。',
  policyLoadFailed: 'このポリシーを読み込めませんでした。',
  manifestProblems: 'マニフェストに次の問題があります：',
  noSrc: 'マニフェストが指定されていません。src 属性に manifest.json の URL を指定してください。',
  unknownPolicy: (id) => `このトラストセンターには「${id}」というポリシーはありません。`,
  complianceStatus: {
    certified: '認証取得済み',
    'in-progress': '取得準備中',
    aligned: '準拠',
    planned: '予定',
  },
  languageFallback: (requested, shown) => `このポリシーは${requested}では提供されていないため、${shown}で表示しています。`,
  staleCopy: (savedOn) =>
    `トラストセンターに接続できないため、${savedOn}にブラウザーに保存されたコピーを表示しています。最新の内容ではない可能性があります。`,
};

/** Every shipped catalogue by language; English is the fallback. */
export const catalogues: Readonly<Record<string, Messages>> = { en, de, fr, es, ja };

/** The languages every catalogue (this one, the banner's and the form's) ships. */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The shipped language a BCP 47 tag is served in: exact, then ever shorter prefixes (`de-CH` → `de`), else `en`. */
export function catalogueLanguage(lang: string): Language {
  return (lookupLanguage(LANGUAGES, lang) as Language | undefined) ?? 'en';
}

/** The catalogue for a BCP 47 tag: exact, then its base language, then English (`de-CH` → de, `pt` → en). */
export function messagesFor(lang: string): Messages {
  return catalogues[catalogueLanguage(lang)] ?? en;
}
