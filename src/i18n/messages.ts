/** Every UI string the elements show. Other languages add a catalogue of the same shape. */
export interface Messages {
  overview: string;
  reportVulnerability: string;
  trustCenterNav: string;
  policiesHeading: string;
  complianceHeading: string;
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
}

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
};

const catalogues: Record<string, Messages> = { en };

/** The catalogue for a BCP 47 tag: exact, then its base language, then English. */
export function messagesFor(lang: string): Messages {
  const lower = lang.toLowerCase();
  return catalogues[lower] ?? catalogues[lower.split('-')[0] ?? ''] ?? en;
}
