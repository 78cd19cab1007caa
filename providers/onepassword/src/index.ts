/** @tessera/provider-onepassword: 1Password Connect (`spec.provider.onepassword`, ESO-compatible). */
export * from './onepassword-spec.js';
export * from './onepassword-descriptor.js';
export * from './onepassword-settings.js';
export * from './onepassword-provider.js';
export * from './onepassword-client.js';
export * from './onepassword-module.js';
export { MANAGED_TAG } from './push-writer.js';
export { RequestGate, type RequestGateOptions } from './request-gate.js';
