export {
  ManifestSchema,
  OrganizationSchema,
  PolicySchema,
  PolicyChangeSchema,
  ComplianceItemSchema,
  ComplianceStatusSchema,
  DisclosureSchema,
  DisclosureAssetSchema,
  BannerSchema,
  COMPLIANCE_STATUSES,
  type Manifest,
  type Organization,
  type Policy,
  type PolicyChange,
  type ComplianceItem,
  type ComplianceStatus,
  type Disclosure,
  type DisclosureAsset,
  type BannerSettings,
} from './schema.js';
export {
  parseManifest,
  formatIssue,
  ManifestValidationError,
  type ManifestIssue,
  type ParseResult,
} from './validate.js';
export { manifestJsonSchema, MANIFEST_SCHEMA_ID } from './json-schema.js';
