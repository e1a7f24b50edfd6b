// German strings of the main bundle, loaded when a page needs them (English is built in): see ../catalogue.ts.
import type { Messages } from '../messages.js';
import type { ViewMessages } from '../../views/messages.js';
import { one } from '../../views/messages.js';

export const messages: Messages = {
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

export const view: ViewMessages = {
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
