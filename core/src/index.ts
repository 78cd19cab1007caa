/** @tessera/core public surface. */
export const TESSERA_API_GROUP = 'external-secrets.io';
export * from './api/v1/index.js';
export * from './provider/provider.js';
export * from './crd/index.js';
export * from './cli/cli-deps.js';
export * from './cli/crds-command.js';
