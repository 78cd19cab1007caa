export {};
export * from './emulators/onepassword/index.js';
