import type * as v from 'valibot';

/** What a valibot schema expects at one place in the JSON, read off the schema itself. */
export type SchemaShape =
  | { kind: 'object'; entries: Readonly<Record<string, v.GenericSchema>>; optional: ReadonlySet<string> }
  | { kind: 'array'; item: v.GenericSchema }
  | { kind: 'value' };

const OPTIONAL_TYPES: readonly string[] = ['optional', 'exact_optional', 'nullish'];

/** Sees through optional wrappers; pipes already carry their first schema's `entries` / `item`. */
export function shapeOf(schema: v.GenericSchema): SchemaShape {
  if ('wrapped' in schema) return shapeOf(schema.wrapped as v.GenericSchema);
  if ('entries' in schema) {
    const entries = schema.entries as Record<string, v.GenericSchema>;
    const optional = new Set(Object.keys(entries).filter((key) => OPTIONAL_TYPES.includes(entries[key].type)));
    return { kind: 'object', entries, optional };
  }
  if ('item' in schema) return { kind: 'array', item: schema.item as v.GenericSchema };
  return { kind: 'value' };
}
