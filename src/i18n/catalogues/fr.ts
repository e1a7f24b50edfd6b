// French strings of the main bundle, loaded when a page needs them (English is built in): see ../catalogue.ts.
import type { Messages } from '../messages.js';
import type { ViewMessages } from '../../views/messages.js';
import { lowerFirst } from '../messages.js';
import { one } from '../../views/messages.js';

export const messages: Messages = {
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

export const view: ViewMessages = {
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
