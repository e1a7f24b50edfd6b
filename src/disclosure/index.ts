// The disclosure form and its parts, without registration (src/disclosure/define.ts registers the tag).
export { TrustCenterDisclosureElement, type DisclosureStep, type DisclosureSubmitDetail } from './trust-center-disclosure.js';
export { parseCvss31, cvss31BaseScore, cvssRating, type CvssResult, type CvssProblem, type CvssRating } from './cvss.js';
export { addBusinessDays } from './business-days.js';
export { postReport, mailtoLink, SendError, type SendOptions, type SendResult } from './transport.js';
export { loadOpenPgp } from './openpgp-loader.js';
export { disclosureMessagesFor, type DisclosureMessages } from './messages.js';
export type { PlainReportBody, EncryptedReportBody, ReportBody, ReportFields } from './report.js';
