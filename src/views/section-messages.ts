import { catalogueLanguage, type Language } from '../i18n/messages.js';

/**
 * Every UI string of the lazily loaded views (subprocessors, FAQ, documents and their request form,
 * updates, search results); a module of its own so it travels with them, not in the main bundle.
 * Ships English, German, French, Spanish and Japanese, each a catalogue of this shape.
 */
export interface SectionMessages {
  search: {
    heading: string;
    prompt: string;
    searching: string;
    results: (count: number, query: string) => string;
    none: (query: string) => string;
    kinds: { policy: string; faq: string; document: string };
    unavailable: (titles: string) => string;
  };
  subprocessors: {
    heading: string;
    intro: (organization: string) => string;
    lastChanged: string;
    notice: (days: number) => string;
    filter: string;
    filterHint: string;
    location: string;
    allLocations: string;
    purpose: string;
    allPurposes: string;
    columns: { name: string; purpose: string; location: string; data: string };
    caption: string;
    showing: (shown: number, total: number) => string;
    none: string;
    clearFilters: string;
  };
  faq: {
    heading: string;
    filter: string;
    showing: (shown: number, total: number) => string;
    none: string;
    permalink: string;
    loadingAnswers: string;
  };
  documents: {
    heading: string;
    intro: string;
    access: { public: string; request: string };
    updated: string;
    download: string;
    request: string;
    form: {
      heading: (title: string) => string;
      intro: string;
      name: string;
      email: string;
      emailHint: string;
      company: string;
      reason: string;
      reasonHint: string;
      nda: string;
      required: string;
      send: string;
      sendByEmail: string;
      cancel: string;
      honeypot: string;
      restored: string;
      storageUnavailable: string;
    };
    errors: {
      prefix: string;
      summary: (count: number) => string;
      required: { name: string; email: string; company: string; reason: string; nda: string };
      email: string;
      tooLong: (label: string, max: number, length: number) => string;
    };
    sending: string;
    failure: {
      heading: string;
      http: (status: number, statusText: string) => string;
      rateLimited: (seconds: number | undefined) => string;
      detail: (message: string) => string;
      offline: string;
      timeout: (seconds: number) => string;
      network: string;
      response: string;
      kept: string;
      retry: string;
      emailInstead: (email: string) => string;
    };
    email: {
      heading: string;
      intro: (email: string) => string;
      open: string;
      confirm: string;
      subject: (title: string, reference: string) => string;
      truncated: string;
    };
    receipt: {
      heading: string;
      reference: string;
      received: string;
      document: string;
      next: (email: string) => string;
      viaEmail: string;
      another: string;
      sent: string;
    };
    copy: { title: (reference: string) => string; document: string; name: string; email: string; company: string; reason: string; nda: string };
  };
  updates: {
    heading: string;
    intro: string;
    compare: string;
    comparing: (title: string, from: string, to: string) => string;
    added: string;
    removed: string;
    legend: string;
    summary: (added: number, removed: number) => string;
    tooLarge: string;
    same: string;
    loading: string;
    failed: string;
    retry: string;
  };
}

/** Picks by CLDR plural rules, not `n === 1`: French counts 0 and 1.5 as singular. */
function plural(lang: string): (n: number, one: string, other: string) => string {
  const rules = new Intl.PluralRules(lang);
  return (n, one, other) => (rules.select(n) === 'one' ? one : other);
}

export const en: SectionMessages = {
  search: {
    heading: 'Search',
    prompt: 'Type a word or two to search the policies, questions and documents.',
    searching: 'Searching…',
    results: (count, query) => `${count === 1 ? '1 result' : `${count} results`} for “${query}”`,
    none: (query) => `Nothing found for “${query}”.`,
    kinds: { policy: 'Policy', faq: 'Question', document: 'Document' },
    unavailable: (titles) => `Not searched, because it could not be loaded: ${titles}.`,
  },
  subprocessors: {
    heading: 'Subprocessors',
    intro: (organization) => `The third parties that process customer data on behalf of ${organization}.`,
    lastChanged: 'List last changed',
    notice: (days) =>
      days === 0
        ? 'We update this list when a new subprocessor starts processing customer data.'
        : `We give ${days === 1 ? '1 day' : `${days} days`}’ notice before a new subprocessor starts processing customer data.`,
    filter: 'Filter',
    filterHint: 'By name, purpose, location or data',
    location: 'Location',
    allLocations: 'All locations',
    purpose: 'Purpose',
    allPurposes: 'All purposes',
    columns: { name: 'Name', purpose: 'Purpose', location: 'Location', data: 'Data processed' },
    caption: 'Subprocessors',
    showing: (shown, total) => (shown === total ? `Showing all ${total}` : `Showing ${shown} of ${total}`),
    none: 'No subprocessor matches these filters.',
    clearFilters: 'Clear filters',
  },
  faq: {
    heading: 'Frequently asked questions',
    filter: 'Search the questions',
    showing: (shown, total) => (shown === total ? `${total} questions` : `${shown} of ${total} questions match`),
    none: 'No question matches.',
    permalink: 'Link to this answer',
    loadingAnswers: 'Loading the answers…',
  },
  documents: {
    heading: 'Documents',
    intro: 'Reports and papers about our security and compliance. Public ones download at once; ask for the others.',
    access: { public: 'Public', request: 'On request' },
    updated: 'Updated',
    download: 'Download',
    request: 'Request access',
    form: {
      heading: (title) => `Request “${title}”`,
      intro: 'We share this document with customers and prospects under a non-disclosure agreement.',
      name: 'Name',
      email: 'Work e-mail',
      emailHint: 'We send the document, or our answer, to this address.',
      company: 'Company',
      reason: 'Why you need it',
      reasonHint: 'For example: a vendor security review before signing.',
      nda: 'I understand this document is confidential, and I will keep it under the non-disclosure agreement it is shared with.',
      required: '(required)',
      send: 'Send request',
      sendByEmail: 'Prepare e-mail',
      cancel: 'Cancel',
      honeypot: 'Leave this field empty',
      restored: 'Your unfinished request was restored.',
      storageUnavailable: 'This browser does not let us keep a draft: if you leave the page, the form starts empty.',
    },
    errors: {
      prefix: 'Error:',
      summary: (count) => (count === 1 ? 'There is 1 problem' : `There are ${count} problems`),
      required: {
        name: 'Enter your name',
        email: 'Enter your work e-mail address',
        company: 'Enter your company',
        reason: 'Say why you need the document',
        nda: 'Confirm that you will keep the document confidential',
      },
      email: 'Enter an e-mail address like name@company.example',
      tooLong: (label, max, length) => `${label}: at most ${max} characters (now ${length})`,
    },
    sending: 'Sending your request…',
    failure: {
      heading: 'Your request was not sent',
      http: (status, statusText) => `The server answered ${status}${statusText ? ` ${statusText}` : ''}.`,
      rateLimited: (seconds) => (seconds === undefined ? 'Too many requests: wait a little.' : `Too many requests: wait ${seconds} s.`),
      detail: (message) => `It said: ${message}`,
      offline: 'This browser is offline.',
      timeout: (seconds) => `The server did not answer within ${seconds} seconds.`,
      network: 'The server could not be reached.',
      response: 'The server’s answer could not be read.',
      kept: 'Everything you typed is kept here; try again, or send it by e-mail.',
      retry: 'Retry',
      emailInstead: (email) => `E-mail the request to ${email}`,
    },
    email: {
      heading: 'Send your request by e-mail',
      intro: (email) => `Your e-mail program opens with the request to ${email}. Send it, then confirm here.`,
      open: 'Open the e-mail',
      confirm: 'I have sent it',
      subject: (title, reference) => `Document request ${reference}: ${title}`,
      truncated: '[The request was shortened to fit in an e-mail link.]',
    },
    receipt: {
      heading: 'Request received',
      reference: 'Reference',
      received: 'Received',
      document: 'Document',
      next: (email) => `We will reply to ${email}. Keep the reference if you write to us about it.`,
      viaEmail: 'You sent this request by e-mail.',
      another: 'Request another document',
      sent: 'Your request was received.',
    },
    copy: {
      title: (reference) => `Document request ${reference}`,
      document: 'Document',
      name: 'Name',
      email: 'Work e-mail',
      company: 'Company',
      reason: 'Why',
      nda: 'Agrees to keep it confidential under NDA: yes',
    },
  },
  updates: {
    heading: 'Updates',
    intro: 'Every change to our policies, newest first.',
    compare: 'Compare with the previous version',
    comparing: (title, from, to) => `${title}: the version of ${from} compared with the version of ${to}`,
    added: 'added:',
    removed: 'removed:',
    legend: 'Added words are underlined and marked “added”; removed words are struck through and marked “removed”.',
    summary: (added, removed) =>
      `${added === 1 ? '1 word' : `${added} words`} added, ${removed === 1 ? '1 word' : `${removed} words`} removed.`,
    tooLarge: 'These versions differ too much to compare word by word.',
    same: 'The text of the two versions is the same.',
    loading: 'Loading both versions…',
    failed: 'The versions could not be loaded.',
    retry: 'Retry',
  },
};

// ---------------------------------------------------------------------------------------------------
// German: formal "Sie", and the terms of the other German catalogues (Richtlinie, Trust Center).

const pDe = plural('de');

export const de: SectionMessages = {
  search: {
    heading: 'Suche',
    prompt: 'Geben Sie ein oder zwei Wörter ein, um Richtlinien, Fragen und Dokumente zu durchsuchen.',
    searching: 'Suche läuft …',
    results: (count, query) => `${count} ${pDe(count, 'Ergebnis', 'Ergebnisse')} für „${query}“`,
    none: (query) => `Keine Treffer für „${query}“.`,
    kinds: { policy: 'Richtlinie', faq: 'Frage', document: 'Dokument' },
    unavailable: (titles) => `Nicht durchsucht, weil das Laden fehlschlug: ${titles}.`,
  },
  subprocessors: {
    heading: 'Unterauftragsverarbeiter',
    intro: (organization) => `Die Drittanbieter, die im Auftrag von ${organization} Kundendaten verarbeiten.`,
    lastChanged: 'Liste zuletzt geändert am',
    notice: (days) =>
      days === 0
        ? 'Wir aktualisieren diese Liste, sobald ein neuer Unterauftragsverarbeiter mit der Verarbeitung von Kundendaten beginnt.'
        : `Wir informieren ${days} ${pDe(days, 'Tag', 'Tage')} im Voraus, bevor ein neuer Unterauftragsverarbeiter mit der Verarbeitung von Kundendaten beginnt.`,
    filter: 'Filtern',
    filterHint: 'Nach Name, Zweck, Standort oder Daten',
    location: 'Standort',
    allLocations: 'Alle Standorte',
    purpose: 'Zweck',
    allPurposes: 'Alle Zwecke',
    columns: { name: 'Name', purpose: 'Zweck', location: 'Standort', data: 'Verarbeitete Daten' },
    caption: 'Unterauftragsverarbeiter',
    showing: (shown, total) => (shown === total ? pDe(total, '1 von 1 angezeigt', `Alle ${total} angezeigt`) : `${shown} von ${total} angezeigt`),
    none: 'Kein Unterauftragsverarbeiter entspricht diesen Filtern.',
    clearFilters: 'Filter zurücksetzen',
  },
  faq: {
    heading: 'Häufig gestellte Fragen',
    filter: 'Fragen durchsuchen',
    showing: (shown, total) =>
      shown === total ? `${total} ${pDe(total, 'Frage', 'Fragen')}` : `${shown} von ${total} Fragen gefunden`,
    none: 'Keine passende Frage gefunden.',
    permalink: 'Link zu dieser Antwort',
    loadingAnswers: 'Antworten werden geladen …',
  },
  documents: {
    heading: 'Dokumente',
    intro: 'Berichte und Dokumente zu unserer Sicherheit und Compliance. Öffentliche laden Sie direkt herunter, die anderen fordern Sie an.',
    access: { public: 'Öffentlich', request: 'Auf Anfrage' },
    updated: 'Aktualisiert am',
    download: 'Herunterladen',
    request: 'Zugang anfordern',
    form: {
      heading: (title) => `„${title}“ anfordern`,
      intro: 'Wir geben dieses Dokument unter einer Geheimhaltungsvereinbarung an Kunden und Interessenten weiter.',
      name: 'Name',
      email: 'Geschäftliche E-Mail-Adresse',
      emailHint: 'An diese Adresse senden wir das Dokument oder unsere Antwort.',
      company: 'Unternehmen',
      reason: 'Wofür Sie es benötigen',
      reasonHint: 'Zum Beispiel: eine Sicherheitsprüfung des Anbieters vor Vertragsabschluss.',
      nda: 'Mir ist bewusst, dass dieses Dokument vertraulich ist, und ich behandle es gemäß der Geheimhaltungsvereinbarung, unter der es weitergegeben wird.',
      required: '(Pflichtfeld)',
      send: 'Anfrage senden',
      sendByEmail: 'E-Mail vorbereiten',
      cancel: 'Abbrechen',
      honeypot: 'Dieses Feld bitte leer lassen',
      restored: 'Ihre nicht abgeschlossene Anfrage wurde wiederhergestellt.',
      storageUnavailable:
        'Dieser Browser erlaubt uns nicht, einen Entwurf zu speichern: Wenn Sie die Seite verlassen, ist das Formular danach leer.',
    },
    errors: {
      prefix: 'Fehler:',
      summary: (count) => pDe(count, 'Ihre Anfrage enthält ein Problem', `Ihre Anfrage enthält ${count} Probleme`),
      required: {
        name: 'Geben Sie Ihren Namen ein',
        email: 'Geben Sie Ihre geschäftliche E-Mail-Adresse ein',
        company: 'Geben Sie Ihr Unternehmen an',
        reason: 'Geben Sie an, wofür Sie das Dokument benötigen',
        nda: 'Bestätigen Sie, dass Sie das Dokument vertraulich behandeln',
      },
      email: 'Geben Sie eine E-Mail-Adresse in der Form name@firma.example ein',
      tooLong: (label, max, length) => `„${label}“ darf höchstens ${max} Zeichen lang sein (derzeit ${length})`,
    },
    sending: 'Ihre Anfrage wird gesendet …',
    failure: {
      heading: 'Ihre Anfrage wurde nicht gesendet',
      http: (status, statusText) => `Der Server antwortete mit ${status}${statusText ? ` ${statusText}` : ''}.`,
      rateLimited: (seconds) =>
        seconds === undefined ? 'Zu viele Anfragen: Bitte warten Sie einen Moment.' : `Zu viele Anfragen: Bitte warten Sie ${seconds} s.`,
      detail: (message) => `Antwort des Servers: ${message}`,
      offline: 'Dieser Browser ist offline.',
      timeout: (seconds) =>
        `Der Server hat nicht innerhalb von ${seconds.toLocaleString('de')} ${pDe(seconds, 'Sekunde', 'Sekunden')} geantwortet.`,
      network: 'Der Server war nicht erreichbar.',
      response: 'Die Antwort des Servers konnte nicht gelesen werden.',
      kept: 'Alle Ihre Eingaben bleiben hier erhalten. Versuchen Sie es erneut, oder senden Sie die Anfrage per E-Mail.',
      retry: 'Erneut versuchen',
      emailInstead: (email) => `Anfrage per E-Mail an ${email} senden`,
    },
    email: {
      heading: 'Anfrage per E-Mail senden',
      intro: (email) => `Ihr E-Mail-Programm öffnet sich mit der Anfrage an ${email}. Senden Sie sie ab, und bestätigen Sie es dann hier.`,
      open: 'E-Mail öffnen',
      confirm: 'Ich habe sie gesendet',
      subject: (title, reference) => `Dokumentanfrage ${reference}: ${title}`,
      truncated: '[Die Anfrage wurde gekürzt, damit sie in einen E-Mail-Link passt.]',
    },
    receipt: {
      heading: 'Anfrage eingegangen',
      reference: 'Referenz',
      received: 'Eingegangen am',
      document: 'Dokument',
      next: (email) => `Wir antworten an ${email}. Nennen Sie die Referenz, wenn Sie uns dazu schreiben.`,
      viaEmail: 'Sie haben diese Anfrage per E-Mail gesendet.',
      another: 'Weiteres Dokument anfordern',
      sent: 'Ihre Anfrage ist eingegangen.',
    },
    copy: {
      title: (reference) => `Dokumentanfrage ${reference}`,
      document: 'Dokument',
      name: 'Name',
      email: 'Geschäftliche E-Mail-Adresse',
      company: 'Unternehmen',
      reason: 'Zweck',
      nda: 'Sichert Vertraulichkeit gemäß Geheimhaltungsvereinbarung (NDA) zu: ja',
    },
  },
  updates: {
    heading: 'Änderungen',
    intro: 'Alle Änderungen an unseren Richtlinien, die neuesten zuerst.',
    compare: 'Mit der vorherigen Version vergleichen',
    comparing: (title, from, to) => `${title}: Version vom ${from} im Vergleich zur Version vom ${to}`,
    added: 'hinzugefügt:',
    removed: 'entfernt:',
    legend:
      'Hinzugefügte Wörter sind unterstrichen und als „hinzugefügt“ gekennzeichnet, entfernte Wörter durchgestrichen und als „entfernt“ gekennzeichnet.',
    summary: (added, removed) =>
      `${added} ${pDe(added, 'Wort', 'Wörter')} hinzugefügt, ${removed} ${pDe(removed, 'Wort', 'Wörter')} entfernt.`,
    tooLarge: 'Diese Versionen unterscheiden sich zu stark für einen Vergleich Wort für Wort.',
    same: 'Der Text beider Versionen ist identisch.',
    loading: 'Beide Versionen werden geladen …',
    failed: 'Die Versionen konnten nicht geladen werden.',
    retry: 'Erneut versuchen',
  },
};

// ---------------------------------------------------------------------------------------------------
// French: "vous", with the no-break spaces French typography puts before ; : ! ? and inside « ».

const NB = '\u00a0';
const pFr = plural('fr');

export const fr: SectionMessages = {
  search: {
    heading: 'Recherche',
    prompt: 'Saisissez un ou deux mots pour rechercher dans les politiques, les questions et les documents.',
    searching: 'Recherche en cours…',
    results: (count, query) => `${count}${NB}${pFr(count, 'résultat', 'résultats')} pour «${NB}${query}${NB}»`,
    none: (query) => `Aucun résultat pour «${NB}${query}${NB}».`,
    kinds: { policy: 'Politique', faq: 'Question', document: 'Document' },
    unavailable: (titles) => `Exclu de la recherche, car impossible à charger${NB}: ${titles}.`,
  },
  subprocessors: {
    heading: 'Sous-traitants',
    intro: (organization) => `Les tiers auxquels ${organization} confie le traitement de données clients.`,
    lastChanged: 'Dernière modification de la liste le',
    notice: (days) =>
      days === 0
        ? 'Nous mettons à jour cette liste dès qu’un nouveau sous-traitant commence à traiter des données clients.'
        : `Nous vous prévenons ${days}${NB}${pFr(days, 'jour', 'jours')} avant qu’un nouveau sous-traitant commence à traiter des données clients.`,
    filter: 'Filtrer',
    filterHint: 'Par nom, finalité, localisation ou données',
    location: 'Localisation',
    allLocations: 'Toutes les localisations',
    purpose: 'Finalité',
    allPurposes: 'Toutes les finalités',
    columns: { name: 'Nom', purpose: 'Finalité', location: 'Localisation', data: 'Données traitées' },
    caption: 'Sous-traitants',
    showing: (shown, total) =>
      shown !== total
        ? `Affichage de ${shown} sur ${total}`
        : pFr(total, 'Affichage du seul sous-traitant', `Affichage des ${total}${NB}sous-traitants`),
    none: 'Aucun sous-traitant ne correspond à ces filtres.',
    clearFilters: 'Effacer les filtres',
  },
  faq: {
    heading: 'Foire aux questions',
    filter: 'Rechercher dans les questions',
    showing: (shown, total) =>
      shown === total
        ? `${total}${NB}${pFr(total, 'question', 'questions')}`
        : `${shown}${NB}${pFr(shown, 'question', 'questions')} sur ${total} ${pFr(shown, 'correspond', 'correspondent')}`,
    none: 'Aucune question ne correspond.',
    permalink: 'Lien vers cette réponse',
    loadingAnswers: 'Chargement des réponses…',
  },
  documents: {
    heading: 'Documents',
    intro: `Rapports et documents sur notre sécurité et notre conformité. Les documents publics se téléchargent directement${NB}; demandez les autres.`,
    access: { public: 'Public', request: 'Sur demande' },
    updated: 'Mis à jour le',
    download: 'Télécharger',
    request: 'Demander l’accès',
    form: {
      heading: (title) => `Demander «${NB}${title}${NB}»`,
      intro: 'Nous partageons ce document avec nos clients et prospects dans le cadre d’un accord de confidentialité.',
      name: 'Nom',
      email: 'E-mail professionnel',
      emailHint: 'Nous enverrons le document, ou notre réponse, à cette adresse.',
      company: 'Entreprise',
      reason: 'Pourquoi vous en avez besoin',
      reasonHint: `Par exemple${NB}: l’évaluation de sécurité d’un fournisseur avant signature.`,
      nda: 'Je comprends que ce document est confidentiel et je m’engage à le traiter conformément à l’accord de confidentialité dans le cadre duquel il est partagé.',
      required: '(obligatoire)',
      send: 'Envoyer la demande',
      sendByEmail: 'Préparer l’e-mail',
      cancel: 'Annuler',
      honeypot: 'Laissez ce champ vide',
      restored: 'Votre demande inachevée a été restaurée.',
      storageUnavailable: `Ce navigateur ne nous permet pas de conserver un brouillon${NB}: si vous quittez la page, le formulaire repartira de zéro.`,
    },
    errors: {
      prefix: `Erreur${NB}:`,
      summary: (count) => pFr(count, 'Votre demande comporte un problème', `Votre demande comporte ${count}${NB}problèmes`),
      required: {
        name: 'Saisissez votre nom',
        email: 'Saisissez votre adresse e-mail professionnelle',
        company: 'Saisissez le nom de votre entreprise',
        reason: 'Indiquez pourquoi vous avez besoin du document',
        nda: 'Confirmez que vous garderez ce document confidentiel',
      },
      email: 'Saisissez une adresse e-mail comme nom@entreprise.example',
      tooLong: (label, max, length) =>
        `«${NB}${label}${NB}» ne doit pas dépasser ${max}${NB}caractères (il en compte ${length})`,
    },
    sending: 'Envoi de votre demande…',
    failure: {
      heading: 'Votre demande n’a pas été envoyée',
      http: (status, statusText) => `Le serveur a répondu ${status}${statusText ? ` ${statusText}` : ''}.`,
      rateLimited: (seconds) =>
        seconds === undefined ? `Trop de demandes${NB}: patientez un peu.` : `Trop de demandes${NB}: patientez ${seconds}${NB}s.`,
      detail: (message) => `Sa réponse${NB}: ${message}`,
      offline: 'Ce navigateur est hors ligne.',
      timeout: (seconds) =>
        `Le serveur n’a pas répondu en ${seconds.toLocaleString('fr')}${NB}${pFr(seconds, 'seconde', 'secondes')}.`,
      network: 'Impossible de joindre le serveur.',
      response: 'La réponse du serveur est illisible.',
      kept: `Tout ce que vous avez saisi est conservé ici${NB}: réessayez, ou envoyez la demande par e-mail.`,
      retry: 'Réessayer',
      emailInstead: (email) => `Envoyer la demande par e-mail à ${email}`,
    },
    email: {
      heading: 'Envoyer votre demande par e-mail',
      intro: (email) => `Votre messagerie s’ouvre avec la demande adressée à ${email}. Envoyez-la, puis confirmez ici.`,
      open: 'Ouvrir l’e-mail',
      confirm: 'Je l’ai envoyée',
      subject: (title, reference) => `Demande de document ${reference}${NB}: ${title}`,
      truncated: '[La demande a été raccourcie pour tenir dans un lien e-mail.]',
    },
    receipt: {
      heading: 'Demande reçue',
      reference: 'Référence',
      received: 'Reçue le',
      document: 'Document',
      next: (email) => `Nous répondrons à ${email}. Conservez la référence si vous nous écrivez à ce sujet.`,
      viaEmail: 'Vous avez envoyé cette demande par e-mail.',
      another: 'Demander un autre document',
      sent: 'Votre demande a été reçue.',
    },
    copy: {
      title: (reference) => `Demande de document ${reference}`,
      document: 'Document',
      name: 'Nom',
      email: 'E-mail professionnel',
      company: 'Entreprise',
      reason: 'Motif',
      nda: `S’engage à respecter la confidentialité prévue par l’accord de confidentialité${NB}: oui`,
    },
  },
  updates: {
    heading: 'Mises à jour',
    intro: 'Toutes les modifications de nos politiques, des plus récentes aux plus anciennes.',
    compare: 'Comparer avec la version précédente',
    comparing: (title, from, to) => `${title}${NB}: la version du ${from} comparée à celle du ${to}`,
    added: `ajouté${NB}:`,
    removed: `supprimé${NB}:`,
    legend: `Les mots ajoutés sont soulignés et signalés par «${NB}ajouté${NB}»${NB}; les mots supprimés sont barrés et signalés par «${NB}supprimé${NB}».`,
    summary: (added, removed) =>
      `${added}${NB}${pFr(added, 'mot ajouté', 'mots ajoutés')}, ${removed}${NB}${pFr(removed, 'mot supprimé', 'mots supprimés')}.`,
    tooLarge: 'Ces versions diffèrent trop pour être comparées mot à mot.',
    same: 'Le texte des deux versions est identique.',
    loading: 'Chargement des deux versions…',
    failed: 'Impossible de charger les versions.',
    retry: 'Réessayer',
  },
};

// ---------------------------------------------------------------------------------------------------
// Spanish: "usted", neutral between Spain and Latin America; "subencargado" is the GDPR's term.

const pEs = plural('es');

export const es: SectionMessages = {
  search: {
    heading: 'Búsqueda',
    prompt: 'Escriba una o dos palabras para buscar en las políticas, las preguntas y los documentos.',
    searching: 'Buscando…',
    results: (count, query) => `${count} ${pEs(count, 'resultado', 'resultados')} para «${query}»`,
    none: (query) => `No se ha encontrado nada para «${query}».`,
    kinds: { policy: 'Política', faq: 'Pregunta', document: 'Documento' },
    unavailable: (titles) => `No se ha incluido en la búsqueda porque no se ha podido cargar: ${titles}.`,
  },
  subprocessors: {
    heading: 'Subencargados del tratamiento',
    intro: (organization) => `Los terceros que tratan datos de clientes por cuenta de ${organization}.`,
    lastChanged: 'Última modificación de la lista:',
    notice: (days) =>
      days === 0
        ? 'Actualizamos esta lista en cuanto un nuevo subencargado empieza a tratar datos de clientes.'
        : `Avisamos con ${days} ${pEs(days, 'día', 'días')} de antelación antes de que un nuevo subencargado empiece a tratar datos de clientes.`,
    filter: 'Filtrar',
    filterHint: 'Por nombre, finalidad, ubicación o datos',
    location: 'Ubicación',
    allLocations: 'Todas las ubicaciones',
    purpose: 'Finalidad',
    allPurposes: 'Todas las finalidades',
    columns: { name: 'Nombre', purpose: 'Finalidad', location: 'Ubicación', data: 'Datos tratados' },
    caption: 'Subencargados del tratamiento',
    showing: (shown, total) =>
      shown === total ? pEs(total, 'Se muestra 1', `Se muestran los ${total}`) : `${pEs(shown, 'Se muestra', 'Se muestran')} ${shown} de ${total}`,
    none: 'Ningún subencargado coincide con estos filtros.',
    clearFilters: 'Borrar los filtros',
  },
  faq: {
    heading: 'Preguntas frecuentes',
    filter: 'Buscar en las preguntas',
    showing: (shown, total) =>
      shown === total
        ? `${total} ${pEs(total, 'pregunta', 'preguntas')}`
        : `${shown} de ${total} preguntas ${pEs(shown, 'coincide', 'coinciden')}`,
    none: 'Ninguna pregunta coincide.',
    permalink: 'Enlace a esta respuesta',
    loadingAnswers: 'Cargando las respuestas…',
  },
  documents: {
    heading: 'Documentos',
    intro: 'Informes y documentos sobre nuestra seguridad y nuestro cumplimiento normativo. Los públicos se descargan al momento; solicite los demás.',
    access: { public: 'Público', request: 'Bajo solicitud' },
    updated: 'Actualizado el',
    download: 'Descargar',
    request: 'Solicitar acceso',
    form: {
      heading: (title) => `Solicitar «${title}»`,
      intro: 'Compartimos este documento con clientes y posibles clientes en virtud de un acuerdo de confidencialidad.',
      name: 'Nombre',
      email: 'Correo electrónico profesional',
      emailHint: 'Enviaremos el documento, o nuestra respuesta, a esta dirección.',
      company: 'Empresa',
      reason: 'Para qué lo necesita',
      reasonHint: 'Por ejemplo: una evaluación de seguridad del proveedor antes de firmar.',
      nda: 'Entiendo que este documento es confidencial y lo trataré conforme al acuerdo de confidencialidad en virtud del cual se comparte.',
      required: '(obligatorio)',
      send: 'Enviar la solicitud',
      sendByEmail: 'Preparar el correo',
      cancel: 'Cancelar',
      honeypot: 'Deje este campo vacío',
      restored: 'Se ha recuperado su solicitud sin terminar.',
      storageUnavailable: 'Este navegador no nos permite guardar un borrador: si sale de la página, el formulario volverá a estar vacío.',
    },
    errors: {
      prefix: 'Error:',
      summary: (count) => pEs(count, 'Hay un problema en su solicitud', `Hay ${count} problemas en su solicitud`),
      required: {
        name: 'Introduzca su nombre',
        email: 'Introduzca su correo electrónico profesional',
        company: 'Introduzca su empresa',
        reason: 'Indique para qué necesita el documento',
        nda: 'Confirme que mantendrá la confidencialidad del documento',
      },
      email: 'Introduzca un correo electrónico como nombre@empresa.example',
      tooLong: (label, max, length) => `«${label}» debe tener como máximo ${max} caracteres (tiene ${length})`,
    },
    sending: 'Enviando su solicitud…',
    failure: {
      heading: 'Su solicitud no se ha enviado',
      http: (status, statusText) => `El servidor respondió ${status}${statusText ? ` ${statusText}` : ''}.`,
      rateLimited: (seconds) =>
        seconds === undefined ? 'Demasiadas solicitudes: espere un poco.' : `Demasiadas solicitudes: espere ${seconds} s.`,
      detail: (message) => `Su respuesta: ${message}`,
      offline: 'Este navegador no tiene conexión.',
      timeout: (seconds) => `El servidor no respondió en ${seconds.toLocaleString('es')} ${pEs(seconds, 'segundo', 'segundos')}.`,
      network: 'No se ha podido contactar con el servidor.',
      response: 'No se ha podido leer la respuesta del servidor.',
      kept: 'Todo lo que ha escrito se conserva aquí: vuelva a intentarlo o envíe la solicitud por correo electrónico.',
      retry: 'Reintentar',
      emailInstead: (email) => `Enviar la solicitud por correo a ${email}`,
    },
    email: {
      heading: 'Enviar su solicitud por correo electrónico',
      intro: (email) => `Su programa de correo se abrirá con la solicitud para ${email}. Envíela y, después, confírmelo aquí.`,
      open: 'Abrir el correo',
      confirm: 'Ya la he enviado',
      subject: (title, reference) => `Solicitud de documento ${reference}: ${title}`,
      truncated: '[La solicitud se ha acortado para que quepa en un enlace de correo.]',
    },
    receipt: {
      heading: 'Solicitud recibida',
      reference: 'Referencia',
      received: 'Recibida',
      document: 'Documento',
      next: (email) => `Responderemos a ${email}. Guarde la referencia si nos escribe sobre esta solicitud.`,
      viaEmail: 'Ha enviado esta solicitud por correo electrónico.',
      another: 'Solicitar otro documento',
      sent: 'Se ha recibido su solicitud.',
    },
    copy: {
      title: (reference) => `Solicitud de documento ${reference}`,
      document: 'Documento',
      name: 'Nombre',
      email: 'Correo electrónico profesional',
      company: 'Empresa',
      reason: 'Motivo',
      nda: 'Acepta mantener la confidencialidad conforme al acuerdo de confidencialidad: sí',
    },
  },
  updates: {
    heading: 'Actualizaciones',
    intro: 'Todos los cambios en nuestras políticas, del más reciente al más antiguo.',
    compare: 'Comparar con la versión anterior',
    comparing: (title, from, to) => `${title}: la versión del ${from} comparada con la del ${to}`,
    added: 'añadido:',
    removed: 'eliminado:',
    legend: 'Las palabras añadidas aparecen subrayadas y marcadas como «añadido»; las eliminadas, tachadas y marcadas como «eliminado».',
    summary: (added, removed) =>
      `${added} ${pEs(added, 'palabra añadida', 'palabras añadidas')}, ${removed} ${pEs(removed, 'palabra eliminada', 'palabras eliminadas')}.`,
    tooLarge: 'Estas versiones difieren demasiado para compararlas palabra por palabra.',
    same: 'El texto de las dos versiones es idéntico.',
    loading: 'Cargando las dos versiones…',
    failed: 'No se han podido cargar las versiones.',
    retry: 'Reintentar',
  },
};

// ---------------------------------------------------------------------------------------------------
// Japanese: polite です・ます form; counts take counters (件, 社, 日) and no plural.

export const ja: SectionMessages = {
  search: {
    heading: '検索',
    prompt: 'ポリシー、質問、ドキュメントを検索するには、キーワードを入力してください。',
    searching: '検索しています…',
    results: (count, query) => `「${query}」の検索結果：${count} 件`,
    none: (query) => `「${query}」に一致する結果は見つかりませんでした。`,
    kinds: { policy: 'ポリシー', faq: '質問', document: 'ドキュメント' },
    unavailable: (titles) => `次の項目は読み込めなかったため、検索の対象外です：${titles}。`,
  },
  subprocessors: {
    heading: 'サブプロセッサー',
    intro: (organization) => `${organization} に代わってお客様データを処理する第三者（再委託先）です。`,
    lastChanged: 'リストの最終更新日',
    notice: (days) =>
      days === 0
        ? '新しいサブプロセッサーがお客様データの処理を開始する際は、このリストを更新します。'
        : `新しいサブプロセッサーがお客様データの処理を開始する ${days} 日前までにお知らせします。`,
    filter: '絞り込み',
    filterHint: '名称、目的、所在地、データで検索',
    location: '所在地',
    allLocations: 'すべての所在地',
    purpose: '目的',
    allPurposes: 'すべての目的',
    columns: { name: '名称', purpose: '目的', location: '所在地', data: '処理するデータ' },
    caption: 'サブプロセッサー',
    showing: (shown, total) => (shown === total ? `全 ${total} 件を表示` : `${total} 件中 ${shown} 件を表示`),
    none: 'この条件に一致するサブプロセッサーはありません。',
    clearFilters: '条件をクリア',
  },
  faq: {
    heading: 'よくある質問',
    filter: '質問を検索',
    showing: (shown, total) => (shown === total ? `全 ${total} 件の質問` : `${total} 件中 ${shown} 件の質問が一致`),
    none: '一致する質問はありません。',
    permalink: 'この回答へのリンク',
    loadingAnswers: '回答を読み込んでいます…',
  },
  documents: {
    heading: 'ドキュメント',
    intro: 'セキュリティとコンプライアンスに関するレポートや資料です。公開資料はすぐにダウンロードでき、その他の資料はご請求いただけます。',
    access: { public: '公開', request: '要請求' },
    updated: '更新日',
    download: 'ダウンロード',
    request: 'アクセスを請求',
    form: {
      heading: (title) => `「${title}」を請求`,
      intro: 'このドキュメントは、秘密保持契約（NDA）に基づき、お客様および導入をご検討中の方に提供しています。',
      name: 'お名前',
      email: '勤務先のメールアドレス',
      emailHint: 'ドキュメントまたは当社からの回答を、このアドレスにお送りします。',
      company: '会社名',
      reason: '利用目的',
      reasonHint: '例：契約前のベンダーセキュリティ評価のため。',
      nda: 'このドキュメントが機密情報であることを理解し、提供の前提となる秘密保持契約に従って取り扱います。',
      required: '（必須）',
      send: '請求を送信',
      sendByEmail: 'メールを作成',
      cancel: 'キャンセル',
      honeypot: 'この欄は空のままにしてください',
      restored: '入力途中の請求内容を復元しました。',
      storageUnavailable: 'このブラウザーでは下書きを保存できません。ページを離れると、フォームは空の状態に戻ります。',
    },
    errors: {
      prefix: 'エラー：',
      summary: (count) => `入力内容に問題が ${count} 件あります`,
      required: {
        name: 'お名前を入力してください',
        email: '勤務先のメールアドレスを入力してください',
        company: '会社名を入力してください',
        reason: 'ドキュメントの利用目的を入力してください',
        nda: 'ドキュメントを機密として取り扱うことを確認してください',
      },
      email: 'name@company.example のような形式でメールアドレスを入力してください',
      tooLong: (label, max, length) => `「${label}」は ${max} 文字以内で入力してください（現在 ${length} 文字）`,
    },
    sending: '請求を送信しています…',
    failure: {
      heading: '請求は送信されませんでした',
      http: (status, statusText) => `サーバーから ${status}${statusText ? ` ${statusText}` : ''} の応答がありました。`,
      rateLimited: (seconds) =>
        seconds === undefined
          ? 'リクエストが多すぎます。しばらく待ってから再試行してください。'
          : `リクエストが多すぎます。${seconds} 秒待ってから再試行してください。`,
      detail: (message) => `サーバーのメッセージ：${message}`,
      offline: 'このブラウザーはオフラインです。',
      timeout: (seconds) => `サーバーから ${seconds} 秒以内に応答がありませんでした。`,
      network: 'サーバーに接続できませんでした。',
      response: 'サーバーの応答を読み取れませんでした。',
      kept: '入力内容はここに保存されています。再試行するか、メールで送信してください。',
      retry: '再試行',
      emailInstead: (email) => `${email} にメールで請求する`,
    },
    email: {
      heading: 'メールで請求を送信',
      intro: (email) => `${email} 宛ての請求内容が入力された状態でメールソフトが開きます。送信したら、ここで確認してください。`,
      open: 'メールを開く',
      confirm: '送信しました',
      subject: (title, reference) => `ドキュメント請求 ${reference}：${title}`,
      truncated: '[メールリンクに収めるため、請求内容を短縮しました。]',
    },
    receipt: {
      heading: '請求を受け付けました',
      reference: '受付番号',
      received: '受付日時',
      document: 'ドキュメント',
      next: (email) => `${email} 宛てにご連絡します。お問い合わせの際は受付番号をお知らせください。`,
      viaEmail: 'この請求はメールで送信されました。',
      another: '別のドキュメントを請求',
      sent: '請求を受け付けました。',
    },
    copy: {
      title: (reference) => `ドキュメント請求 ${reference}`,
      document: 'ドキュメント',
      name: 'お名前',
      email: '勤務先のメールアドレス',
      company: '会社名',
      reason: '利用目的',
      nda: '秘密保持契約に基づく機密保持への同意：あり',
    },
  },
  updates: {
    heading: '更新情報',
    intro: 'ポリシーのすべての変更を、新しい順に掲載しています。',
    compare: '前のバージョンと比較',
    comparing: (title, from, to) => `${title}：${from}版と${to}版の比較`,
    added: '追加：',
    removed: '削除：',
    legend: '追加された語句には下線が引かれ「追加」と示されます。削除された語句には取り消し線が引かれ「削除」と示されます。',
    summary: (added, removed) => `${added} 語が追加され、${removed} 語が削除されました。`,
    tooLarge: '2 つのバージョンの差異が大きすぎるため、語句単位では比較できません。',
    same: '2 つのバージョンの本文は同じです。',
    loading: '両方のバージョンを読み込んでいます…',
    failed: 'バージョンを読み込めませんでした。',
    retry: '再試行',
  },
};

const catalogues: Readonly<Record<Language, SectionMessages>> = { en, de, fr, es, ja };

/** The catalogue for a BCP 47 tag: the closest shipped language (`de-CH` → de), else English. */
export function sectionMessagesFor(lang: string): SectionMessages {
  return catalogues[catalogueLanguage(lang)];
}
