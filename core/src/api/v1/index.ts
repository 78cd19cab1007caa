/** ESO-compatible API types and runtime schemas (external-secrets.io/v1 and v1alpha1). */
export * from './constants.js';
export * from './schema-helpers.js';
export * from './meta.js';
export * from './conditions.js';
export * from './external-secret-data.js';
export * from './external-secret-template.js';
export * from './external-secret.js';
export * from './secret-store.js';
export * from './cluster-external-secret.js';
export * from './push-secret.js';
export * from './kinds.js';
export * from './duration.js';
export * from './store-schema.js';
