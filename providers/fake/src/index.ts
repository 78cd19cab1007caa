export {};
export * from './fake-descriptor.js';
