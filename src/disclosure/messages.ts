import type { CvssProblem, CvssRating } from './cvss.js';

export type SeverityLevel = 'low' | 'medium' | 'high' | 'critical';

/** Every string of the disclosure form. Other languages add a catalogue of the same shape. */
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

const catalogues: Record<string, DisclosureMessages> = { en };

/** The catalogue for a BCP 47 tag: exact, then its base language, then English. */
export function disclosureMessagesFor(lang: string): DisclosureMessages {
  const lower = lang.toLowerCase();
  return catalogues[lower] ?? catalogues[lower.split('-')[0] ?? ''] ?? en;
}
