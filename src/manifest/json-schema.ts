import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import { ManifestSchema } from './schema.js';

/** Identifies the schema; not a fetchable URL (manifests point at the file with "$schema"). */
export const MANIFEST_SCHEMA_ID = 'urn:trust-center:manifest:1';

/**
 * The JSON Schema (draft-07) of manifest v1, converted from ManifestSchema, for editors and other
 * languages. It describes what to write (typeMode "input": before defaults and normalisation).
 */
export function manifestJsonSchema(): JsonSchema {
  const { $schema, title, description, ...rest } = toJsonSchema(ManifestSchema, {
    target: 'draft-07',
    typeMode: 'input',
    // JS-only rules (real dates, URL parsing, unique ids, references) have no JSON Schema form; anything
    // else that cannot convert should fail the build rather than silently vanish from the schema.
    ignoreActions: ['check', 'raw_check'],
    errorMode: 'throw',
  });
  return { $schema, $id: MANIFEST_SCHEMA_ID, title, description, ...rest };
}
