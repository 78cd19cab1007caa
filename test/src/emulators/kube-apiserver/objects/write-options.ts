import type { FieldValidation } from '../api/resource-type.js';

/** Options shared by create, update and patch. */
export interface WriteOptions {
  /** `dryRun=All`: run everything, persist nothing. @default false */
  readonly dryRun?: boolean;
  /** @default 'Warn' (the server default) */
  readonly fieldValidation?: FieldValidation;
  /** Collects `Warning` header texts. @default a throw-away list */
  readonly warnings?: string[];
}

/** Storage keys of the kinds the object services treat specially. */
export const NAMESPACES_KEY = '/namespaces';
export const CRDS_KEY = 'apiextensions.k8s.io/customresourcedefinitions';

/** Storage key for a group-resource. */
export function storageKeyFor(group: string, plural: string): string {
  return `${group}/${plural}`;
}
