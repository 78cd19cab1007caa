/** Offline validation of ESO / Tessera manifests (`tessera validate`). */
export * from './problem.js';
export * from './formats.js';
export * from './suggest.js';
export * from './schema-validator.js';
export * from './external-secret-rules.js';
export * from './secret-store-rules.js';
export * from './push-secret-rules.js';
export * from './validate-manifest.js';
export * from './read-manifests.js';
export * from './validate-files.js';
