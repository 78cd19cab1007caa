/** CRD generation from the API schemas and provider descriptors. */
export * from './to-crd-schema.js';
export * from './structural-check.js';
export * from './build-crds.js';
export * from './write-crds.js';
