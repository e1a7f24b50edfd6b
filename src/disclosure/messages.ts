import type { CvssProblem, CvssRating } from './cvss.js';
import { lookupLanguage } from '../i18n/locale.js';

export type SeverityLevel = 'low' | 'medium' | 'high' | 'critical';

/** Every string of the disclosure form. Each language is a catalogue of this shape, so a missing key is a type error. */
export interface DisclosureMessages {
  heading: string;
  intro: (organization: string) => string;
  includeHint: string;
  acknowledgeCommitment: (days: number) => string;
  noPersonalData: string;
  requiredMark: string;
  optionalMark: string;
  noDisclosure: string;
  restored: string;
  storageUnavailable: string;

  fields: {
    aboutVulnerability: string;
    aboutYou: string;
    title: string;
    titleHint: (max: number) => string;
    asset: string;
    assetNone: string;
    assetOther: string;
    url: string;
    urlHint: string;
    description: string;
    descriptionHint: string;
    steps: string;
    stepsHint: string;
    impact: string;
    impactHint: string;
    severity: string;
    severityNone: string;
    severityLevels: Record<SeverityLevel, string>;
    severityCvss: string;
    cvss: string;
    cvssHint: string;
    cvssScore: (score: string, rating: string) => string;
    name: string;
    email: string;
    emailHintOptional: string;
    emailHintRequired: string;
    policyRead: string;
    policyLink: string;
    honeypot: string;
  };
  cvssRatings: Record<CvssRating, string>;

  errors: {
    summaryTitle: (count: number) => string;
    required: Record<'title' | 'description' | 'steps' | 'impact' | 'email' | 'cvss' | 'policyRead', string>;
    tooLong: (label: string, max: number, length: number) => string;
    url: string;
    email: string;
    cvss: (problem: CvssProblem) => string;
    prefix: string;
  };
  statusProblems: (count: number) => string;

  review: {
    heading: string;
    intro: string;
    notGiven: string;
    anonymous: string;
    toEndpoint: (host: string) => string;
    toEmail: (address: string) => string;
    encrypted: string;
    reviewReport: string;
    edit: string;
    send: string;
    sendByEmail: string;
  };

  sending: string;
  encrypting: string;
  waiting: string;

  failure: {
    heading: string;
    http: (status: number, statusText: string) => string;
    httpDetail: (message: string) => string;
    rateLimited: (seconds: number | undefined) => string;
    offline: string;
    timeout: (seconds: number) => string;
    network: string;
    response: string;
    keyFetch: (detail: string) => string;
    keyInvalid: string;
    fingerprint: (expected: string, actual: string) => string;
    loadCrypto: string;
    encrypt: (detail: string) => string;
    kept: string;
    keptEncryption: (email: string) => string;
    retry: string;
    emailInstead: (email: string) => string;
    contact: (email: string) => string;
  };

  email: {
    heading: string;
    intro: (email: string) => string;
    open: string;
    tooLong: string;
    tooLongEncrypted: string;
    downloadEncrypted: string;
    confirm: string;
    subject: (reference: string, title: string) => string;
    subjectEncrypted: (reference: string) => string;
    truncated: string;
  };

  receipt: {
    heading: string;
    reference: string;
    received: string;
    acknowledgeBy: string;
    next: (days: number, date: string) => string;
    nextNoReply: string;
    keepReference: string;
    /** A link to the receiver's status page for this report (its reference and a secret key). */
    statusLink: string;
    viaEmail: string;
    download: string;
    another: string;
    sent: string;
  };

  copy: {
    title: (reference: string) => string;
    policy: (id: string, updated: string) => string;
    reporter: string;
    received: string;
    acknowledgeBy: string;
  };
}

const requiredNames = {
  title: 'Enter a title for the report',
  description: 'Enter a description of the vulnerability',
  steps: 'Enter the steps to reproduce it',
  impact: 'Enter the potential impact',
  email: 'Enter an e-mail address so we can reply',
  cvss: 'Enter a CVSS 3.1 vector, or choose a severity level',
  policyRead: 'Confirm that you have read the disclosure policy',
};

function cvssProblem(problem: CvssProblem): string {
  switch (problem.code) {
    case 'prefix':
      return 'A CVSS 3.1 vector starts with "CVSS:3.1/", e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
    case 'syntax':
      return problem.part === ''
        ? 'The CVSS vector has an empty part (two slashes, or one at the end)'
        : `"${problem.part}" is not a metric: each part is a metric and a value, like AV:N`;
    case 'unknown-metric':
      return `"${problem.metric}" is not a CVSS 3.1 metric`;
    case 'duplicate':
      return `The CVSS vector gives ${problem.metric} more than once`;
    case 'value':
      return `${problem.metric}:${problem.value} is not valid: ${problem.metric} takes ${problem.allowed.join(', ')}`;
    case 'missing':
      return `The CVSS vector is missing the base metric${problem.metrics.length > 1 ? 's' : ''} ${problem.metrics.join(', ')}`;
  }
}

export const en: DisclosureMessages = {
  heading: 'Report a vulnerability',
  intro: (organization) =>
    `Found a security problem at ${organization}? Tell us privately, before disclosing it publicly. ` +
    'Please include a description of the vulnerability, steps to reproduce, and the potential impact.',
  includeHint: 'Please include a description of the vulnerability, steps to reproduce, and the potential impact.',
  acknowledgeCommitment: (days) =>
    days === 0
      ? 'We acknowledge every report on the business day we receive it.'
      : `We acknowledge every report within ${days} business day${days === 1 ? '' : 's'}.`,
  noPersonalData: 'Reporting does not require personal data: your name and e-mail address are optional.',
  requiredMark: '(required)',
  optionalMark: '(optional)',
  noDisclosure: 'This trust center has no vulnerability disclosure program set up, so there is no report form.',
  restored: 'Your unsent report was restored from this browser tab.',
  storageUnavailable:
    'This browser does not let the form keep a draft, so your text is lost if you leave the page before sending.',

  fields: {
    aboutVulnerability: 'About the vulnerability',
    aboutYou: 'About you',
    title: 'Title',
    titleHint: (max) => `A one-line summary of the vulnerability, up to ${max} characters.`,
    asset: 'Affected asset',
    assetNone: 'Not sure',
    assetOther: 'Other',
    url: 'Affected URL',
    urlHint: 'The full address, starting with https:// (or another scheme).',
    description: 'Description of the vulnerability',
    descriptionHint: 'What is wrong, and where.',
    steps: 'Steps to reproduce',
    stepsHint: 'What we need to do to see it for ourselves: requests, inputs, accounts needed.',
    impact: 'Potential impact',
    impactHint: 'What an attacker could do with it, and to whom.',
    severity: 'Severity',
    severityNone: 'Not specified',
    severityLevels: { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
    severityCvss: 'CVSS 3.1 vector…',
    cvss: 'CVSS 3.1 vector',
    cvssHint: 'For example CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    cvssScore: (score, rating) => `Base score ${score} (${rating})`,
    name: 'Your name',
    email: 'Your e-mail address',
    emailHintOptional: 'Only if you want us to reply. Reporting does not require personal data.',
    emailHintRequired: 'We need it to reply to you. We use it for this report only.',
    policyRead: 'I have read the',
    policyLink: 'disclosure policy',
    honeypot: 'Leave this field empty',
  },
  cvssRatings: { none: 'None', low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },

  errors: {
    summaryTitle: (count) => (count === 1 ? 'There is a problem with your report' : `There are ${count} problems with your report`),
    required: requiredNames,
    tooLong: (label, max, length) => `${label} must be ${max} characters or fewer (it has ${length})`,
    url: 'Enter the affected URL as a full address, like https://example.com/page',
    email: 'Enter an e-mail address like name@example.com',
    cvss: cvssProblem,
    prefix: 'Error:',
  },
  statusProblems: (count) => (count === 1 ? 'The report has 1 problem.' : `The report has ${count} problems.`),

  review: {
    heading: 'Check your report before sending',
    intro: 'Nothing has been sent yet.',
    notGiven: 'Not given',
    anonymous: 'Not given (anonymous report)',
    toEndpoint: (host) => `Send will deliver it to ${host}.`,
    toEmail: (address) => `Send will prepare an e-mail to ${address} for you to send.`,
    encrypted: 'It is encrypted in your browser first, to the OpenPGP key with the fingerprint',
    reviewReport: 'Review report',
    edit: 'Edit',
    send: 'Send report',
    sendByEmail: 'Prepare e-mail',
  },

  sending: 'Sending your report…',
  encrypting: 'Encrypting your report…',
  waiting: 'Preparing your report…',

  failure: {
    heading: 'Your report was not sent',
    http: (status, statusText) => `The server answered ${status}${statusText ? ` (${statusText})` : ''}.`,
    httpDetail: (message) => `It said: ${message}`,
    rateLimited: (seconds) =>
      seconds === undefined ? 'Too many reports were sent from here: wait a minute, then retry.' : `Too many reports were sent from here: wait ${seconds} seconds, then retry.`,
    offline: 'You appear to be offline.',
    timeout: (seconds) => `The server did not answer within ${seconds} seconds.`,
    network: 'The server could not be reached: you may be offline, or it refused the connection.',
    response: 'The server answered in a way the form does not understand.',
    keyFetch: (detail) => `The encryption key could not be loaded (${detail}), so the report was not sent.`,
    keyInvalid: 'The encryption key is not a usable OpenPGP public key, so the report was not sent.',
    fingerprint: (expected, actual) =>
      `The encryption key's fingerprint is ${actual}, not the ${expected} this site lists, so the report was not sent: ` +
      'it could be read by someone else.',
    loadCrypto: 'The encryption code could not be loaded, so the report was not sent.',
    encrypt: (detail) => `The report could not be encrypted (${detail}), so it was not sent.`,
    kept: 'Nothing is lost: your report is kept in this browser tab. Retry, or send it by e-mail instead.',
    keptEncryption: (email) =>
      `Nothing is lost: your report is kept in this browser tab. Write to ${email} to ask how to send it securely.`,
    retry: 'Retry',
    emailInstead: (email) => `E-mail it to ${email}`,
    contact: (email) => `Write to ${email}`,
  },

  email: {
    heading: 'Send your report by e-mail',
    intro: (email) =>
      `Open your e-mail program with the report filled in, and send it to ${email}. Your draft stays here until you confirm.`,
    open: 'Open in your e-mail program',
    tooLong: 'The report is too long for an e-mail link and was cut short: download a copy and attach it, or paste it in.',
    tooLongEncrypted: 'The encrypted report is too long for an e-mail link: download it and attach it to your e-mail.',
    downloadEncrypted: 'Download the encrypted report',
    confirm: 'I have sent it',
    subject: (reference, title) => `Vulnerability report ${reference}: ${title}`,
    subjectEncrypted: (reference) => `Encrypted vulnerability report ${reference}`,
    truncated: '[report truncated — it is too long for an e-mail link; please attach the full copy you downloaded]',
  },

  receipt: {
    heading: 'Report received',
    reference: 'Reference',
    received: 'Received',
    acknowledgeBy: 'We will acknowledge it by',
    next: (days, date) =>
      `What happens next: we acknowledge your report by ${date}` +
      `${days > 0 ? ` (within ${days} business day${days === 1 ? '' : 's'})` : ''}, keep you updated while we investigate, ` +
      'and work with you until it is fixed. Please give us reasonable time to fix it before any public disclosure.',
    nextNoReply: 'You gave no e-mail address, so we cannot reply: quote the reference if you write to us.',
    keepReference: 'Keep the reference: quote it in any message about this report.',
    statusLink: 'Follow the status of this report (keep this link: it is the only way in)',
    viaEmail: 'You sent this report by e-mail; the dates count from now.',
    download: 'Download a copy',
    another: 'Report another vulnerability',
    sent: 'Report received.',
  },

  copy: {
    title: (reference) => `Vulnerability report ${reference}`,
    policy: (id, updated) => `Disclosure policy: ${id} (updated ${updated})`,
    reporter: 'Reporter',
    received: 'Received',
    acknowledgeBy: 'Acknowledgement due by',
  },
};


// ---------------------------------------------------------------------------------------------------
// German: formal "Sie", as German security and legal pages address their readers.

function cvssProblemDe(problem: CvssProblem): string {
  switch (problem.code) {
    case 'prefix':
      return 'Ein CVSS-3.1-Vektor beginnt mit „CVSS:3.1/“, z. B. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
    case 'syntax':
      return problem.part === ''
        ? 'Der CVSS-Vektor enthält einen leeren Teil (zwei Schrägstriche hintereinander oder einen am Ende)'
        : `„${problem.part}“ ist keine Metrik: Jeder Teil besteht aus einer Metrik und einem Wert, etwa AV:N`;
    case 'unknown-metric':
      return `„${problem.metric}“ ist keine CVSS-3.1-Metrik`;
    case 'duplicate':
      return `Der CVSS-Vektor gibt ${problem.metric} mehr als einmal an`;
    case 'value':
      return `${problem.metric}:${problem.value} ist ungültig: ${problem.metric} erlaubt ${problem.allowed.join(', ')}`;
    case 'missing':
      return problem.metrics.length > 1
        ? `Im CVSS-Vektor fehlen die Basismetriken ${problem.metrics.join(', ')}`
        : `Im CVSS-Vektor fehlt die Basismetrik ${problem.metrics.join(', ')}`;
  }
}

const arbeitstage = (days: number) => `${days} Arbeitstag${days === 1 ? '' : 'en'}`;

export const de: DisclosureMessages = {
  heading: 'Schwachstelle melden',
  intro: (organization) =>
    `Sie haben ein Sicherheitsproblem bei ${organization} gefunden? Melden Sie es uns vertraulich, bevor Sie es öffentlich machen. ` +
    'Bitte beschreiben Sie die Schwachstelle, die Schritte, mit denen sie sich reproduzieren lässt, und die möglichen Auswirkungen.',
  includeHint:
    'Bitte beschreiben Sie die Schwachstelle, die Schritte, mit denen sie sich reproduzieren lässt, und die möglichen Auswirkungen.',
  acknowledgeCommitment: (days) =>
    days === 0
      ? 'Wir bestätigen jede Meldung noch am Arbeitstag ihres Eingangs.'
      : `Wir bestätigen jede Meldung innerhalb von ${arbeitstage(days)}.`,
  noPersonalData: 'Für eine Meldung sind keine personenbezogenen Daten nötig: Name und E-Mail-Adresse sind freiwillig.',
  requiredMark: '(Pflichtfeld)',
  optionalMark: '(freiwillig)',
  noDisclosure:
    'Für dieses Trust Center ist kein Verfahren zur Meldung von Schwachstellen eingerichtet, daher gibt es kein Meldeformular.',
  restored: 'Ihre noch nicht gesendete Meldung wurde aus diesem Browser-Tab wiederhergestellt.',
  storageUnavailable:
    'Dieser Browser erlaubt dem Formular nicht, einen Entwurf zu speichern. Wenn Sie die Seite vor dem Senden verlassen, geht Ihr Text verloren.',

  fields: {
    aboutVulnerability: 'Zur Schwachstelle',
    aboutYou: 'Zu Ihrer Person',
    title: 'Titel',
    titleHint: (max) => `Eine einzeilige Zusammenfassung der Schwachstelle, höchstens ${max} Zeichen.`,
    asset: 'Betroffenes System',
    assetNone: 'Weiß nicht',
    assetOther: 'Sonstiges',
    url: 'Betroffene URL',
    urlHint: 'Die vollständige Adresse, beginnend mit https:// (oder einem anderen Schema).',
    description: 'Beschreibung der Schwachstelle',
    descriptionHint: 'Was ist fehlerhaft, und wo?',
    steps: 'Schritte zur Reproduktion',
    stepsHint: 'Was wir tun müssen, um das Problem selbst nachzuvollziehen: Anfragen, Eingaben, benötigte Konten.',
    impact: 'Mögliche Auswirkungen',
    impactHint: 'Was ein Angreifer damit anrichten könnte, und bei wem.',
    severity: 'Schweregrad',
    severityNone: 'Keine Angabe',
    severityLevels: { low: 'Niedrig', medium: 'Mittel', high: 'Hoch', critical: 'Kritisch' },
    severityCvss: 'CVSS-3.1-Vektor …',
    cvss: 'CVSS-3.1-Vektor',
    cvssHint: 'Zum Beispiel CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    cvssScore: (score, rating) => `Basiswert ${score} (${rating})`,
    name: 'Ihr Name',
    email: 'Ihre E-Mail-Adresse',
    emailHintOptional: 'Nur, wenn Sie eine Antwort wünschen. Für eine Meldung sind keine personenbezogenen Daten nötig.',
    emailHintRequired: 'Wir brauchen sie, um Ihnen zu antworten, und verwenden sie nur für diese Meldung.',
    policyRead: 'Ich bestätige, Folgendes gelesen zu haben:',
    policyLink: 'die Richtlinie zur Offenlegung von Schwachstellen',
    honeypot: 'Dieses Feld bitte leer lassen',
  },
  cvssRatings: { none: 'Keiner', low: 'Niedrig', medium: 'Mittel', high: 'Hoch', critical: 'Kritisch' },

  errors: {
    summaryTitle: (count) => (count === 1 ? 'Ihre Meldung enthält ein Problem' : `Ihre Meldung enthält ${count} Probleme`),
    required: {
      title: 'Geben Sie einen Titel für die Meldung ein',
      description: 'Beschreiben Sie die Schwachstelle',
      steps: 'Geben Sie die Schritte zur Reproduktion an',
      impact: 'Geben Sie die möglichen Auswirkungen an',
      email: 'Geben Sie eine E-Mail-Adresse an, damit wir Ihnen antworten können',
      cvss: 'Geben Sie einen CVSS-3.1-Vektor ein, oder wählen Sie einen Schweregrad',
      policyRead: 'Bestätigen Sie, dass Sie die Richtlinie zur Offenlegung von Schwachstellen gelesen haben',
    },
    tooLong: (label, max, length) => `„${label}“ darf höchstens ${max} Zeichen lang sein (derzeit ${length})`,
    url: 'Geben Sie die betroffene URL als vollständige Adresse ein, z. B. https://example.com/seite',
    email: 'Geben Sie eine E-Mail-Adresse in der Form name@example.com ein',
    cvss: cvssProblemDe,
    prefix: 'Fehler:',
  },
  statusProblems: (count) => (count === 1 ? 'Die Meldung enthält 1 Problem.' : `Die Meldung enthält ${count} Probleme.`),

  review: {
    heading: 'Prüfen Sie Ihre Meldung vor dem Senden',
    intro: 'Es wurde noch nichts gesendet.',
    notGiven: 'Keine Angabe',
    anonymous: 'Keine Angabe (anonyme Meldung)',
    toEndpoint: (host) => `Beim Senden wird sie an ${host} übermittelt.`,
    toEmail: (address) => `Beim Senden wird eine E-Mail an ${address} vorbereitet, die Sie selbst abschicken.`,
    encrypted: 'Zuvor wird sie in Ihrem Browser verschlüsselt, und zwar für den OpenPGP-Schlüssel mit dem Fingerabdruck',
    reviewReport: 'Meldung prüfen',
    edit: 'Bearbeiten',
    send: 'Meldung senden',
    sendByEmail: 'E-Mail vorbereiten',
  },

  sending: 'Ihre Meldung wird gesendet …',
  encrypting: 'Ihre Meldung wird verschlüsselt …',
  waiting: 'Ihre Meldung wird vorbereitet …',

  failure: {
    heading: 'Ihre Meldung wurde nicht gesendet',
    http: (status, statusText) => `Der Server antwortete mit ${status}${statusText ? ` (${statusText})` : ''}.`,
    httpDetail: (message) => `Antwort des Servers: ${message}`,
    rateLimited: (seconds) =>
      seconds === undefined
        ? 'Von hier aus wurden zu viele Meldungen gesendet: Warten Sie eine Minute, und versuchen Sie es dann erneut.'
        : `Von hier aus wurden zu viele Meldungen gesendet: Warten Sie ${seconds} Sekunden, und versuchen Sie es dann erneut.`,
    offline: 'Sie sind offenbar offline.',
    timeout: (seconds) => `Der Server hat nicht innerhalb von ${seconds} Sekunden geantwortet.`,
    network: 'Der Server war nicht erreichbar: Sie sind möglicherweise offline, oder er hat die Verbindung abgelehnt.',
    response: 'Der Server hat in einer Form geantwortet, die das Formular nicht versteht.',
    keyFetch: (detail) => `Der Schlüssel zur Verschlüsselung konnte nicht geladen werden (${detail}), daher wurde die Meldung nicht gesendet.`,
    keyInvalid: 'Der Schlüssel zur Verschlüsselung ist kein verwendbarer öffentlicher OpenPGP-Schlüssel, daher wurde die Meldung nicht gesendet.',
    fingerprint: (expected, actual) =>
      `Der Fingerabdruck des Schlüssels ist ${actual}, nicht ${expected}, wie auf dieser Website angegeben. Daher wurde die Meldung nicht gesendet: ` +
      'Sie könnte von Unbefugten gelesen werden.',
    loadCrypto: 'Der Programmcode für die Verschlüsselung konnte nicht geladen werden, daher wurde die Meldung nicht gesendet.',
    encrypt: (detail) => `Die Meldung konnte nicht verschlüsselt werden (${detail}), daher wurde sie nicht gesendet.`,
    kept: 'Es geht nichts verloren: Ihre Meldung bleibt in diesem Browser-Tab erhalten. Versuchen Sie es erneut, oder senden Sie sie per E-Mail.',
    keptEncryption: (email) =>
      `Es geht nichts verloren: Ihre Meldung bleibt in diesem Browser-Tab erhalten. Schreiben Sie an ${email}, um zu erfahren, wie Sie sie sicher übermitteln können.`,
    retry: 'Erneut versuchen',
    emailInstead: (email) => `Per E-Mail an ${email} senden`,
    contact: (email) => `An ${email} schreiben`,
  },

  email: {
    heading: 'Meldung per E-Mail senden',
    intro: (email) =>
      `Öffnen Sie Ihr E-Mail-Programm mit der ausgefüllten Meldung, und senden Sie sie an ${email}. Ihr Entwurf bleibt hier erhalten, bis Sie den Versand bestätigen.`,
    open: 'Im E-Mail-Programm öffnen',
    tooLong:
      'Die Meldung ist für einen E-Mail-Link zu lang und wurde gekürzt: Laden Sie eine Kopie herunter, und hängen Sie sie an, oder fügen Sie den Text ein.',
    tooLongEncrypted: 'Die verschlüsselte Meldung ist für einen E-Mail-Link zu lang: Laden Sie sie herunter, und hängen Sie sie an Ihre E-Mail an.',
    downloadEncrypted: 'Verschlüsselte Meldung herunterladen',
    confirm: 'Ich habe sie gesendet',
    subject: (reference, title) => `Schwachstellenmeldung ${reference}: ${title}`,
    subjectEncrypted: (reference) => `Verschlüsselte Schwachstellenmeldung ${reference}`,
    truncated: '[Meldung gekürzt – sie ist für einen E-Mail-Link zu lang; bitte hängen Sie die vollständige heruntergeladene Kopie an]',
  },

  receipt: {
    heading: 'Meldung eingegangen',
    reference: 'Referenz',
    received: 'Eingegangen am',
    acknowledgeBy: 'Eingangsbestätigung bis',
    next: (days, date) =>
      `Wie es weitergeht: Wir bestätigen den Eingang Ihrer Meldung bis ${date}` +
      `${days > 0 ? ` (innerhalb von ${arbeitstage(days)})` : ''}, halten Sie während der Untersuchung auf dem Laufenden ` +
      'und arbeiten mit Ihnen zusammen, bis das Problem behoben ist. Bitte geben Sie uns angemessen Zeit für die Behebung, bevor Sie etwas veröffentlichen.',
    nextNoReply: 'Sie haben keine E-Mail-Adresse angegeben, daher können wir Ihnen nicht antworten. Nennen Sie die Referenz, wenn Sie uns schreiben.',
    keepReference: 'Bewahren Sie die Referenz auf, und nennen Sie sie in jeder Nachricht zu dieser Meldung.',
    statusLink: 'Status dieser Meldung verfolgen (bewahren Sie den Link auf: nur mit ihm sehen Sie den Status)',
    viaEmail: 'Sie haben diese Meldung per E-Mail gesendet; die Fristen laufen ab jetzt.',
    download: 'Kopie herunterladen',
    another: 'Weitere Schwachstelle melden',
    sent: 'Meldung eingegangen.',
  },

  copy: {
    title: (reference) => `Schwachstellenmeldung ${reference}`,
    policy: (id, updated) => `Richtlinie zur Offenlegung: ${id} (Stand ${updated})`,
    reporter: 'Meldende Person',
    received: 'Eingegangen am',
    acknowledgeBy: 'Eingangsbestätigung fällig bis',
  },
};

// ---------------------------------------------------------------------------------------------------
// French: "vous", with the non-breaking spaces French typography puts before ":" and inside « ».

const NB = '\u00a0';

function cvssProblemFr(problem: CvssProblem): string {
  switch (problem.code) {
    case 'prefix':
      return `Un vecteur CVSS 3.1 commence par «${NB}CVSS:3.1/${NB}», par exemple CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H`;
    case 'syntax':
      return problem.part === ''
        ? 'Le vecteur CVSS contient une partie vide (deux barres obliques à la suite, ou une à la fin)'
        : `«${NB}${problem.part}${NB}» n’est pas une métrique${NB}: chaque partie associe une métrique et une valeur, comme AV:N`;
    case 'unknown-metric':
      return `«${NB}${problem.metric}${NB}» n’est pas une métrique CVSS 3.1`;
    case 'duplicate':
      return `Le vecteur CVSS indique ${problem.metric} plus d’une fois`;
    case 'value':
      return `${problem.metric}:${problem.value} n’est pas valide${NB}: ${problem.metric} accepte ${problem.allowed.join(', ')}`;
    case 'missing':
      return problem.metrics.length > 1
        ? `Il manque au vecteur CVSS les métriques de base ${problem.metrics.join(', ')}`
        : `Il manque au vecteur CVSS la métrique de base ${problem.metrics.join(', ')}`;
  }
}

const joursOuvres = (days: number) => `${days}${NB}jour${days === 1 ? '' : 's'} ouvré${days === 1 ? '' : 's'}`;

export const fr: DisclosureMessages = {
  heading: 'Signaler une vulnérabilité',
  intro: (organization) =>
    `Vous avez découvert un problème de sécurité chez ${organization}${NB}? Signalez-le-nous en toute confidentialité, avant de le rendre public. ` +
    'Merci d’inclure une description de la vulnérabilité, les étapes pour la reproduire et son impact potentiel.',
  includeHint: 'Merci d’inclure une description de la vulnérabilité, les étapes pour la reproduire et son impact potentiel.',
  acknowledgeCommitment: (days) =>
    days === 0
      ? 'Nous accusons réception de chaque signalement le jour ouvré même où nous le recevons.'
      : `Nous accusons réception de chaque signalement sous ${joursOuvres(days)}.`,
  noPersonalData: `Aucune donnée personnelle n’est nécessaire pour faire un signalement${NB}: votre nom et votre adresse e-mail sont facultatifs.`,
  requiredMark: '(obligatoire)',
  optionalMark: '(facultatif)',
  noDisclosure:
    'Ce centre de confiance n’a pas de programme de divulgation des vulnérabilités, il n’y a donc pas de formulaire de signalement.',
  restored: 'Votre signalement non envoyé a été restauré depuis cet onglet du navigateur.',
  storageUnavailable: `Ce navigateur ne permet pas au formulaire de conserver un brouillon${NB}: si vous quittez la page avant l’envoi, votre texte sera perdu.`,

  fields: {
    aboutVulnerability: 'La vulnérabilité',
    aboutYou: 'Vous',
    title: 'Titre',
    titleHint: (max) => `Un résumé de la vulnérabilité en une ligne, ${max}${NB}caractères au maximum.`,
    asset: 'Élément concerné',
    assetNone: 'Je ne sais pas',
    assetOther: 'Autre',
    url: 'URL concernée',
    urlHint: 'L’adresse complète, commençant par https:// (ou un autre schéma).',
    description: 'Description de la vulnérabilité',
    descriptionHint: 'Ce qui ne va pas, et où.',
    steps: 'Étapes pour la reproduire',
    stepsHint: `Ce que nous devons faire pour la constater nous-mêmes${NB}: requêtes, saisies, comptes nécessaires.`,
    impact: 'Impact potentiel',
    impactHint: 'Ce qu’un attaquant pourrait en faire, et au détriment de qui.',
    severity: 'Gravité',
    severityNone: 'Non précisée',
    severityLevels: { low: 'Faible', medium: 'Moyenne', high: 'Élevée', critical: 'Critique' },
    severityCvss: 'Vecteur CVSS 3.1…',
    cvss: 'Vecteur CVSS 3.1',
    cvssHint: 'Par exemple CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    cvssScore: (score, rating) => `Score de base ${score} (${rating})`,
    name: 'Votre nom',
    email: 'Votre adresse e-mail',
    emailHintOptional: 'Uniquement si vous souhaitez une réponse. Un signalement ne nécessite aucune donnée personnelle.',
    emailHintRequired: 'Nous en avons besoin pour vous répondre. Nous l’utilisons uniquement pour ce signalement.',
    policyRead: 'J’ai lu la',
    policyLink: 'politique de divulgation',
    honeypot: 'Laissez ce champ vide',
  },
  cvssRatings: { none: 'Aucune', low: 'Faible', medium: 'Moyenne', high: 'Élevée', critical: 'Critique' },

  errors: {
    summaryTitle: (count) =>
      count === 1 ? 'Votre signalement comporte un problème' : `Votre signalement comporte ${count}${NB}problèmes`,
    required: {
      title: 'Saisissez un titre pour le signalement',
      description: 'Saisissez une description de la vulnérabilité',
      steps: 'Saisissez les étapes pour la reproduire',
      impact: 'Saisissez l’impact potentiel',
      email: 'Saisissez une adresse e-mail pour que nous puissions vous répondre',
      cvss: 'Saisissez un vecteur CVSS 3.1 ou choisissez un niveau de gravité',
      policyRead: 'Confirmez que vous avez lu la politique de divulgation',
    },
    tooLong: (label, max, length) =>
      `«${NB}${label}${NB}» ne doit pas dépasser ${max}${NB}caractères (il en compte ${length})`,
    url: 'Saisissez l’URL concernée sous forme d’adresse complète, comme https://example.com/page',
    email: 'Saisissez une adresse e-mail comme nom@example.com',
    cvss: cvssProblemFr,
    prefix: `Erreur${NB}:`,
  },
  statusProblems: (count) =>
    count === 1 ? 'Le signalement comporte 1 problème.' : `Le signalement comporte ${count}${NB}problèmes.`,

  review: {
    heading: 'Vérifiez votre signalement avant de l’envoyer',
    intro: 'Rien n’a encore été envoyé.',
    notGiven: 'Non renseigné',
    anonymous: 'Non renseigné (signalement anonyme)',
    toEndpoint: (host) => `L’envoi le transmettra à ${host}.`,
    toEmail: (address) => `L’envoi préparera un e-mail à ${address}, que vous enverrez vous-même.`,
    encrypted: 'Il est d’abord chiffré dans votre navigateur, avec la clé OpenPGP dont l’empreinte est',
    reviewReport: 'Vérifier le signalement',
    edit: 'Modifier',
    send: 'Envoyer le signalement',
    sendByEmail: 'Préparer l’e-mail',
  },

  sending: 'Envoi de votre signalement…',
  encrypting: 'Chiffrement de votre signalement…',
  waiting: 'Préparation de votre signalement…',

  failure: {
    heading: 'Votre signalement n’a pas été envoyé',
    http: (status, statusText) => `Le serveur a répondu ${status}${statusText ? ` (${statusText})` : ''}.`,
    httpDetail: (message) => `Sa réponse${NB}: ${message}`,
    rateLimited: (seconds) =>
      seconds === undefined
        ? `Trop de signalements ont été envoyés depuis cette connexion${NB}: attendez une minute, puis réessayez.`
        : `Trop de signalements ont été envoyés depuis cette connexion${NB}: attendez ${seconds}${NB}secondes, puis réessayez.`,
    offline: 'Vous semblez être hors ligne.',
    timeout: (seconds) => `Le serveur n’a pas répondu dans les ${seconds}${NB}secondes.`,
    network: `Impossible de joindre le serveur${NB}: vous êtes peut-être hors ligne, ou il a refusé la connexion.`,
    response: 'Le serveur a envoyé une réponse que le formulaire ne comprend pas.',
    keyFetch: (detail) => `La clé de chiffrement n’a pas pu être chargée (${detail})${NB}; le signalement n’a donc pas été envoyé.`,
    keyInvalid: `La clé de chiffrement n’est pas une clé publique OpenPGP utilisable${NB}; le signalement n’a donc pas été envoyé.`,
    fingerprint: (expected, actual) =>
      `L’empreinte de la clé de chiffrement est ${actual}, et non ${expected} comme l’indique ce site${NB}; le signalement n’a donc pas été envoyé${NB}: ` +
      'il pourrait être lu par un tiers.',
    loadCrypto: `Le code de chiffrement n’a pas pu être chargé${NB}; le signalement n’a donc pas été envoyé.`,
    encrypt: (detail) => `Le signalement n’a pas pu être chiffré (${detail})${NB}; il n’a donc pas été envoyé.`,
    kept: `Rien n’est perdu${NB}: votre signalement est conservé dans cet onglet. Réessayez, ou envoyez-le plutôt par e-mail.`,
    keptEncryption: (email) =>
      `Rien n’est perdu${NB}: votre signalement est conservé dans cet onglet. Écrivez à ${email} pour savoir comment le transmettre de façon sécurisée.`,
    retry: 'Réessayer',
    emailInstead: (email) => `L’envoyer par e-mail à ${email}`,
    contact: (email) => `Écrire à ${email}`,
  },

  email: {
    heading: 'Envoyer votre signalement par e-mail',
    intro: (email) =>
      `Ouvrez votre messagerie avec le signalement déjà rempli, puis envoyez-le à ${email}. Votre brouillon reste ici jusqu’à ce que vous confirmiez l’envoi.`,
    open: 'Ouvrir dans votre messagerie',
    tooLong: `Le signalement est trop long pour un lien e-mail et a été tronqué${NB}: téléchargez-en une copie et joignez-la, ou collez-la dans le message.`,
    tooLongEncrypted: `Le signalement chiffré est trop long pour un lien e-mail${NB}: téléchargez-le et joignez-le à votre e-mail.`,
    downloadEncrypted: 'Télécharger le signalement chiffré',
    confirm: 'Je l’ai envoyé',
    subject: (reference, title) => `Signalement de vulnérabilité ${reference}${NB}: ${title}`,
    subjectEncrypted: (reference) => `Signalement de vulnérabilité chiffré ${reference}`,
    truncated: '[signalement tronqué — il est trop long pour un lien e-mail ; merci de joindre la copie complète que vous avez téléchargée]',
  },

  receipt: {
    heading: 'Signalement reçu',
    reference: 'Référence',
    received: 'Reçu le',
    acknowledgeBy: 'Accusé de réception au plus tard le',
    next: (days, date) =>
      `Et maintenant${NB}? Nous accusons réception de votre signalement au plus tard le ${date}` +
      `${days > 0 ? ` (sous ${joursOuvres(days)})` : ''}, nous vous tenons informé pendant notre analyse ` +
      'et nous travaillons avec vous jusqu’à sa correction. Merci de nous laisser un délai raisonnable pour corriger la vulnérabilité avant toute divulgation publique.',
    nextNoReply: `Vous n’avez pas indiqué d’adresse e-mail, nous ne pouvons donc pas vous répondre${NB}: citez la référence si vous nous écrivez.`,
    keepReference: `Conservez la référence${NB}: citez-la dans tout message concernant ce signalement.`,
    statusLink: `Suivre l’état de ce signalement (conservez ce lien${NB}: lui seul y donne accès)`,
    viaEmail: `Vous avez envoyé ce signalement par e-mail${NB}; les délais courent à partir de maintenant.`,
    download: 'Télécharger une copie',
    another: 'Signaler une autre vulnérabilité',
    sent: 'Signalement reçu.',
  },

  copy: {
    title: (reference) => `Signalement de vulnérabilité ${reference}`,
    policy: (id, updated) => `Politique de divulgation${NB}: ${id} (mise à jour du ${updated})`,
    reporter: 'Auteur du signalement',
    received: 'Reçu le',
    acknowledgeBy: 'Accusé de réception dû le',
  },
};

// ---------------------------------------------------------------------------------------------------
// Spanish: "usted", neutral between Spain and Latin America.

function cvssProblemEs(problem: CvssProblem): string {
  switch (problem.code) {
    case 'prefix':
      return 'Un vector CVSS 3.1 empieza por «CVSS:3.1/», por ejemplo CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
    case 'syntax':
      return problem.part === ''
        ? 'El vector CVSS tiene una parte vacía (dos barras seguidas, o una al final)'
        : `«${problem.part}» no es una métrica: cada parte es una métrica y un valor, como AV:N`;
    case 'unknown-metric':
      return `«${problem.metric}» no es una métrica de CVSS 3.1`;
    case 'duplicate':
      return `El vector CVSS indica ${problem.metric} más de una vez`;
    case 'value':
      return `${problem.metric}:${problem.value} no es válido: ${problem.metric} admite ${problem.allowed.join(', ')}`;
    case 'missing':
      return problem.metrics.length > 1
        ? `Al vector CVSS le faltan las métricas base ${problem.metrics.join(', ')}`
        : `Al vector CVSS le falta la métrica base ${problem.metrics.join(', ')}`;
  }
}

const diasHabiles = (days: number) => `${days} día${days === 1 ? '' : 's'} hábil${days === 1 ? '' : 'es'}`;

export const es: DisclosureMessages = {
  heading: 'Notificar una vulnerabilidad',
  intro: (organization) =>
    `¿Ha encontrado un problema de seguridad en ${organization}? Comuníquenoslo de forma confidencial antes de hacerlo público. ` +
    'Incluya una descripción de la vulnerabilidad, los pasos para reproducirla y su posible impacto.',
  includeHint: 'Incluya una descripción de la vulnerabilidad, los pasos para reproducirla y su posible impacto.',
  acknowledgeCommitment: (days) =>
    days === 0
      ? 'Confirmamos la recepción de cada notificación el mismo día hábil en que la recibimos.'
      : `Confirmamos la recepción de cada notificación en un plazo de ${diasHabiles(days)}.`,
  noPersonalData: 'Para notificar no se necesitan datos personales: su nombre y su correo electrónico son opcionales.',
  requiredMark: '(obligatorio)',
  optionalMark: '(opcional)',
  noDisclosure:
    'Este centro de confianza no tiene un programa de divulgación de vulnerabilidades, por lo que no hay formulario de notificación.',
  restored: 'Se ha recuperado su notificación no enviada desde esta pestaña del navegador.',
  storageUnavailable:
    'Este navegador no permite que el formulario guarde un borrador: si sale de la página antes de enviarlo, perderá el texto.',

  fields: {
    aboutVulnerability: 'Sobre la vulnerabilidad',
    aboutYou: 'Sobre usted',
    title: 'Título',
    titleHint: (max) => `Un resumen de la vulnerabilidad en una línea, de ${max} caracteres como máximo.`,
    asset: 'Activo afectado',
    assetNone: 'No lo sé',
    assetOther: 'Otro',
    url: 'URL afectada',
    urlHint: 'La dirección completa, empezando por https:// (u otro esquema).',
    description: 'Descripción de la vulnerabilidad',
    descriptionHint: 'Qué falla y dónde.',
    steps: 'Pasos para reproducirla',
    stepsHint: 'Lo que tenemos que hacer para verla nosotros mismos: solicitudes, datos introducidos, cuentas necesarias.',
    impact: 'Posible impacto',
    impactHint: 'Qué podría hacer un atacante con ella, y a quién afectaría.',
    severity: 'Gravedad',
    severityNone: 'Sin especificar',
    severityLevels: { low: 'Baja', medium: 'Media', high: 'Alta', critical: 'Crítica' },
    severityCvss: 'Vector CVSS 3.1…',
    cvss: 'Vector CVSS 3.1',
    cvssHint: 'Por ejemplo, CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    cvssScore: (score, rating) => `Puntuación base ${score} (${rating})`,
    name: 'Su nombre',
    email: 'Su correo electrónico',
    emailHintOptional: 'Solo si desea que le respondamos. Para notificar no se necesitan datos personales.',
    emailHintRequired: 'Lo necesitamos para responderle. Solo lo usaremos para esta notificación.',
    policyRead: 'He leído la',
    policyLink: 'política de divulgación',
    honeypot: 'Deje este campo vacío',
  },
  cvssRatings: { none: 'Ninguna', low: 'Baja', medium: 'Media', high: 'Alta', critical: 'Crítica' },

  errors: {
    summaryTitle: (count) => (count === 1 ? 'Hay un problema en su notificación' : `Hay ${count} problemas en su notificación`),
    required: {
      title: 'Introduzca un título para la notificación',
      description: 'Introduzca una descripción de la vulnerabilidad',
      steps: 'Introduzca los pasos para reproducirla',
      impact: 'Introduzca el posible impacto',
      email: 'Introduzca un correo electrónico para que podamos responderle',
      cvss: 'Introduzca un vector CVSS 3.1 o elija un nivel de gravedad',
      policyRead: 'Confirme que ha leído la política de divulgación',
    },
    tooLong: (label, max, length) => `«${label}» debe tener como máximo ${max} caracteres (tiene ${length})`,
    url: 'Introduzca la URL afectada como dirección completa, por ejemplo https://example.com/pagina',
    email: 'Introduzca un correo electrónico como nombre@example.com',
    cvss: cvssProblemEs,
    prefix: 'Error:',
  },
  statusProblems: (count) => (count === 1 ? 'La notificación tiene 1 problema.' : `La notificación tiene ${count} problemas.`),

  review: {
    heading: 'Revise su notificación antes de enviarla',
    intro: 'Todavía no se ha enviado nada.',
    notGiven: 'No indicado',
    anonymous: 'No indicado (notificación anónima)',
    toEndpoint: (host) => `Al enviarla, se entregará a ${host}.`,
    toEmail: (address) => `Al enviarla, se preparará un correo para ${address} que deberá enviar usted.`,
    encrypted: 'Antes se cifra en su navegador, con la clave OpenPGP cuya huella digital es',
    reviewReport: 'Revisar la notificación',
    edit: 'Editar',
    send: 'Enviar la notificación',
    sendByEmail: 'Preparar el correo',
  },

  sending: 'Enviando su notificación…',
  encrypting: 'Cifrando su notificación…',
  waiting: 'Preparando su notificación…',

  failure: {
    heading: 'Su notificación no se ha enviado',
    http: (status, statusText) => `El servidor respondió ${status}${statusText ? ` (${statusText})` : ''}.`,
    httpDetail: (message) => `Su respuesta: ${message}`,
    rateLimited: (seconds) =>
      seconds === undefined
        ? 'Se han enviado demasiadas notificaciones desde aquí: espere un minuto y vuelva a intentarlo.'
        : `Se han enviado demasiadas notificaciones desde aquí: espere ${seconds} segundos y vuelva a intentarlo.`,
    offline: 'Parece que no tiene conexión.',
    timeout: (seconds) => `El servidor no respondió en ${seconds} segundos.`,
    network: 'No se ha podido contactar con el servidor: puede que no tenga conexión o que el servidor la haya rechazado.',
    response: 'El servidor respondió de una forma que el formulario no entiende.',
    keyFetch: (detail) => `No se ha podido cargar la clave de cifrado (${detail}), así que la notificación no se ha enviado.`,
    keyInvalid: 'La clave de cifrado no es una clave pública OpenPGP válida, así que la notificación no se ha enviado.',
    fingerprint: (expected, actual) =>
      `La huella digital de la clave de cifrado es ${actual}, no la ${expected} que indica este sitio, así que la notificación no se ha enviado: ` +
      'podría leerla otra persona.',
    loadCrypto: 'No se ha podido cargar el código de cifrado, así que la notificación no se ha enviado.',
    encrypt: (detail) => `No se ha podido cifrar la notificación (${detail}), así que no se ha enviado.`,
    kept: 'No se ha perdido nada: su notificación se conserva en esta pestaña del navegador. Vuelva a intentarlo o envíela por correo electrónico.',
    keptEncryption: (email) =>
      `No se ha perdido nada: su notificación se conserva en esta pestaña del navegador. Escriba a ${email} para saber cómo enviarla de forma segura.`,
    retry: 'Reintentar',
    emailInstead: (email) => `Enviarla por correo a ${email}`,
    contact: (email) => `Escribir a ${email}`,
  },

  email: {
    heading: 'Enviar su notificación por correo electrónico',
    intro: (email) =>
      `Abra su programa de correo con la notificación ya redactada y envíela a ${email}. Su borrador se conserva aquí hasta que confirme el envío.`,
    open: 'Abrir en su programa de correo',
    tooLong: 'La notificación es demasiado larga para un enlace de correo y se ha recortado: descargue una copia y adjúntela, o péguela en el mensaje.',
    tooLongEncrypted: 'La notificación cifrada es demasiado larga para un enlace de correo: descárguela y adjúntela a su mensaje.',
    downloadEncrypted: 'Descargar la notificación cifrada',
    confirm: 'Ya la he enviado',
    subject: (reference, title) => `Notificación de vulnerabilidad ${reference}: ${title}`,
    subjectEncrypted: (reference) => `Notificación de vulnerabilidad cifrada ${reference}`,
    truncated: '[notificación recortada: es demasiado larga para un enlace de correo; adjunte la copia completa que ha descargado]',
  },

  receipt: {
    heading: 'Notificación recibida',
    reference: 'Referencia',
    received: 'Recibida',
    acknowledgeBy: 'Confirmaremos la recepción antes del',
    next: (days, date) =>
      `Próximos pasos: confirmaremos la recepción de su notificación antes del ${date}` +
      `${days > 0 ? ` (en un plazo de ${diasHabiles(days)})` : ''}, le mantendremos informado mientras la investigamos ` +
      'y colaboraremos con usted hasta que se corrija. Le rogamos que nos conceda un plazo razonable para corregirla antes de hacerla pública.',
    nextNoReply: 'No ha indicado un correo electrónico, así que no podemos responderle: mencione la referencia si nos escribe.',
    keepReference: 'Guarde la referencia y menciónela en cualquier mensaje sobre esta notificación.',
    statusLink: 'Seguir el estado de esta notificación (guarde este enlace: es el único acceso)',
    viaEmail: 'Ha enviado esta notificación por correo electrónico; los plazos cuentan desde ahora.',
    download: 'Descargar una copia',
    another: 'Notificar otra vulnerabilidad',
    sent: 'Notificación recibida.',
  },

  copy: {
    title: (reference) => `Notificación de vulnerabilidad ${reference}`,
    policy: (id, updated) => `Política de divulgación: ${id} (actualizada el ${updated})`,
    reporter: 'Notificante',
    received: 'Recibida',
    acknowledgeBy: 'Confirmación de recepción antes del',
  },
};

// ---------------------------------------------------------------------------------------------------
// Japanese: polite です・ます form, as Japanese security pages (脆弱性情報の受付窓口) are written.

function cvssProblemJa(problem: CvssProblem): string {
  switch (problem.code) {
    case 'prefix':
      return 'CVSS 3.1 のベクトルは「CVSS:3.1/」で始まります（例：CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H）';
    case 'syntax':
      return problem.part === ''
        ? 'CVSS ベクトルに空の部分があります（スラッシュが連続しているか、末尾にあります）'
        : `「${problem.part}」はメトリクスではありません。各部分は AV:N のように「メトリクス:値」の形で指定します`;
    case 'unknown-metric':
      return `「${problem.metric}」は CVSS 3.1 のメトリクスではありません`;
    case 'duplicate':
      return `CVSS ベクトルで ${problem.metric} が複数回指定されています`;
    case 'value':
      return `${problem.metric}:${problem.value} は無効です。${problem.metric} に指定できる値は ${problem.allowed.join(', ')} です`;
    case 'missing':
      return `CVSS ベクトルに基本メトリクス ${problem.metrics.join(', ')} がありません`;
  }
}

export const ja: DisclosureMessages = {
  heading: '脆弱性を報告',
  intro: (organization) =>
    `${organization} のセキュリティ上の問題を発見された場合は、公表する前に非公開でお知らせください。` +
    '脆弱性の説明、再現手順、想定される影響を記載してください。',
  includeHint: '脆弱性の説明、再現手順、想定される影響を記載してください。',
  acknowledgeCommitment: (days) =>
    days === 0 ? 'すべての報告について、受領した営業日のうちに受領確認をお送りします。' : `すべての報告について、${days} 営業日以内に受領確認をお送りします。`,
  noPersonalData: '報告に個人情報は必要ありません。お名前とメールアドレスの入力は任意です。',
  requiredMark: '（必須）',
  optionalMark: '（任意）',
  noDisclosure: 'このトラストセンターには脆弱性開示の窓口が設定されていないため、報告フォームはありません。',
  restored: '送信されていない報告を、このブラウザーのタブから復元しました。',
  storageUnavailable: 'このブラウザーではフォームの下書きを保存できません。送信前にページを離れると、入力内容は失われます。',

  fields: {
    aboutVulnerability: '脆弱性について',
    aboutYou: '報告者について',
    title: 'タイトル',
    titleHint: (max) => `脆弱性の概要を 1 行で（${max} 文字以内）。`,
    asset: '対象',
    assetNone: 'わからない',
    assetOther: 'その他',
    url: '対象の URL',
    urlHint: 'https://（または別のスキーム）から始まる完全なアドレス。',
    description: '脆弱性の説明',
    descriptionHint: 'どこに、どのような問題があるか。',
    steps: '再現手順',
    stepsHint: '当社で問題を確認するために必要な操作（リクエスト、入力内容、必要なアカウントなど）。',
    impact: '想定される影響',
    impactHint: '攻撃者がこれを悪用して何ができるか、誰が影響を受けるか。',
    severity: '深刻度',
    severityNone: '指定しない',
    severityLevels: { low: '低', medium: '中', high: '高', critical: '緊急' },
    severityCvss: 'CVSS 3.1 ベクトル…',
    cvss: 'CVSS 3.1 ベクトル',
    cvssHint: '例：CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    cvssScore: (score, rating) => `基本値 ${score}（${rating}）`,
    name: 'お名前',
    email: 'メールアドレス',
    emailHintOptional: '返信を希望される場合のみ入力してください。報告に個人情報は必要ありません。',
    emailHintRequired: '返信のために必要です。この報告への対応にのみ使用します。',
    policyRead: '次の内容を読みました：',
    policyLink: '脆弱性開示ポリシー',
    honeypot: 'この欄は空のままにしてください',
  },
  cvssRatings: { none: 'なし', low: '低', medium: '中', high: '高', critical: '緊急' },

  errors: {
    summaryTitle: (count) => (count === 1 ? '報告に問題が 1 件あります' : `報告に問題が ${count} 件あります`),
    required: {
      title: '報告のタイトルを入力してください',
      description: '脆弱性の説明を入力してください',
      steps: '再現手順を入力してください',
      impact: '想定される影響を入力してください',
      email: '返信のため、メールアドレスを入力してください',
      cvss: 'CVSS 3.1 ベクトルを入力するか、深刻度を選択してください',
      policyRead: '脆弱性開示ポリシーを読んだことを確認してください',
    },
    tooLong: (label, max, length) => `「${label}」は ${max} 文字以内で入力してください（現在 ${length} 文字）`,
    url: '対象の URL を https://example.com/page のような完全なアドレスで入力してください',
    email: 'name@example.com のような形式でメールアドレスを入力してください',
    cvss: cvssProblemJa,
    prefix: 'エラー：',
  },
  statusProblems: (count) => `報告に問題が ${count} 件あります。`,

  review: {
    heading: '送信前に報告内容を確認してください',
    intro: 'まだ何も送信されていません。',
    notGiven: '未入力',
    anonymous: '未入力（匿名の報告）',
    toEndpoint: (host) => `送信すると、${host} に届けられます。`,
    toEmail: (address) => `送信すると、${address} 宛てのメールが作成されます。メールはご自身で送信してください。`,
    encrypted: '報告は送信前にブラウザー内で暗号化されます。暗号化に使う OpenPGP 鍵のフィンガープリント：',
    reviewReport: '報告内容を確認',
    edit: '修正する',
    send: '報告を送信',
    sendByEmail: 'メールを作成',
  },

  sending: '報告を送信しています…',
  encrypting: '報告を暗号化しています…',
  waiting: '報告を準備しています…',

  failure: {
    heading: '報告は送信されませんでした',
    http: (status, statusText) => `サーバーから ${status}${statusText ? `（${statusText}）` : ''} の応答がありました。`,
    httpDetail: (message) => `サーバーのメッセージ：${message}`,
    rateLimited: (seconds) =>
      seconds === undefined
        ? 'この接続元からの報告が多すぎます。1 分ほど待ってから再試行してください。'
        : `この接続元からの報告が多すぎます。${seconds} 秒待ってから再試行してください。`,
    offline: 'オフラインになっているようです。',
    timeout: (seconds) => `サーバーから ${seconds} 秒以内に応答がありませんでした。`,
    network: 'サーバーに接続できませんでした。オフラインになっているか、接続が拒否された可能性があります。',
    response: 'サーバーから、フォームが解釈できない応答がありました。',
    keyFetch: (detail) => `暗号化の鍵を読み込めなかったため（${detail}）、報告は送信されませんでした。`,
    keyInvalid: '暗号化の鍵が使用可能な OpenPGP 公開鍵ではないため、報告は送信されませんでした。',
    fingerprint: (expected, actual) =>
      `暗号化の鍵のフィンガープリントが ${actual} で、このサイトに記載された ${expected} と一致しないため、報告は送信されませんでした。` +
      '第三者に読まれるおそれがあります。',
    loadCrypto: '暗号化のためのプログラムを読み込めなかったため、報告は送信されませんでした。',
    encrypt: (detail) => `報告を暗号化できなかったため（${detail}）、送信されませんでした。`,
    kept: '入力内容は失われていません。報告はこのブラウザーのタブに保存されています。再試行するか、メールで送信してください。',
    keptEncryption: (email) =>
      `入力内容は失われていません。報告はこのブラウザーのタブに保存されています。安全な送信方法については ${email} までお問い合わせください。`,
    retry: '再試行',
    emailInstead: (email) => `${email} にメールで送る`,
    contact: (email) => `${email} に問い合わせる`,
  },

  email: {
    heading: 'メールで報告を送信',
    intro: (email) =>
      `報告内容が入力された状態でメールソフトを開き、${email} 宛てに送信してください。送信を確認するまで、下書きはここに保存されます。`,
    open: 'メールソフトで開く',
    tooLong: '報告がメールリンクには長すぎるため、途中で切り詰められました。コピーをダウンロードして添付するか、本文に貼り付けてください。',
    tooLongEncrypted: '暗号化された報告がメールリンクには長すぎます。ダウンロードしてメールに添付してください。',
    downloadEncrypted: '暗号化された報告をダウンロード',
    confirm: '送信しました',
    subject: (reference, title) => `脆弱性報告 ${reference}：${title}`,
    subjectEncrypted: (reference) => `暗号化された脆弱性報告 ${reference}`,
    truncated: '[報告はメールリンクには長すぎるため切り詰められました。ダウンロードした完全なコピーを添付してください]',
  },

  receipt: {
    heading: '報告を受け付けました',
    reference: '受付番号',
    received: '受付日時',
    acknowledgeBy: '受領確認の期限',
    next: (days, date) =>
      `今後の流れ：${date}までに${days > 0 ? `（${days} 営業日以内に）` : ''}受領確認をお送りし、調査の進捗をお知らせしながら、` +
      '修正が完了するまでご協力いただきます。公表される場合は、修正に必要な期間を考慮していただきますようお願いいたします。',
    nextNoReply: 'メールアドレスが入力されていないため、返信できません。お問い合わせの際は受付番号をお知らせください。',
    keepReference: '受付番号は控えておき、この報告に関するお問い合わせの際にお知らせください。',
    statusLink: 'この報告の状況を確認する（このリンクは保管してください。状況を確認できるのはこのリンクだけです）',
    viaEmail: 'この報告はメールで送信されました。期限は現在から起算します。',
    download: 'コピーをダウンロード',
    another: '別の脆弱性を報告',
    sent: '報告を受け付けました。',
  },

  copy: {
    title: (reference) => `脆弱性報告 ${reference}`,
    policy: (id, updated) => `脆弱性開示ポリシー：${id}（${updated} 更新）`,
    reporter: '報告者',
    received: '受付日時',
    acknowledgeBy: '受領確認の期限',
  },
};

const catalogues: Readonly<Record<string, DisclosureMessages>> = { en, de, fr, es, ja };

/** The catalogue for a BCP 47 tag: exact, then its base language, then English. */
export function disclosureMessagesFor(lang: string): DisclosureMessages {
  return catalogues[lookupLanguage(Object.keys(catalogues), lang) ?? 'en'] ?? en;
}
