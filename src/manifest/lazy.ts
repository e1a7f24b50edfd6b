type ValidatorModule = typeof import('./validate.js');

let loading: Promise<ValidatorModule> | undefined;

/**
 * The manifest validator (valibot and the schema) as a separate chunk, fetched alongside the manifest
 * itself, so it costs the main bundle nothing and the first render no extra round trip.
 */
export function loadValidator(): Promise<ValidatorModule> {
  loading ??= import('./validate.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
