export {};
export * from './fake-descriptor.js';
export * from './fake-provider.js';
export * from './fake-client.js';
export * from './fake-data.js';
export * from './fake-module.js';
