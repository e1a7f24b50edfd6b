// For `trust-center build` and `compile`, in Node: the compiled manifest's format and the element's own
// structural check of it, so a build never writes a file the element would refuse, and the language it shows first.
export { COMPILED_FORMAT, COMPILED_FORMAT_VERSION } from '../manifest/compiled-format.js';
export { checkCompiledManifest } from '../manifest/compiled.js';
export { pickLocalizedSource } from '../i18n/localized-source.js';
