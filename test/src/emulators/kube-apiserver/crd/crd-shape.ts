import type { KubeObject } from '../api/kube-object.js';
import type { CrdPrinterColumn } from '../printing/custom-columns.js';
import type { JsonSchema } from './schema-types.js';

/** `spec.names` of a CRD. */
export interface CrdNames {
  plural: string;
  singular?: string;
  kind: string;
  listKind?: string;
  shortNames?: string[];
  categories?: string[];
}

/** One entry of `spec.versions`. */
export interface CrdVersion {
  name: string;
  served: boolean;
  storage: boolean;
  deprecated?: boolean;
  schema?: { openAPIV3Schema?: JsonSchema };
  subresources?: { status?: Record<string, never>; scale?: Record<string, unknown> };
  additionalPrinterColumns?: CrdPrinterColumn[];
  selectableFields?: Array<{ jsonPath: string }>;
}

/** `spec` of a CRD. */
export interface CrdSpec {
  group: string;
  names: CrdNames;
  scope: 'Namespaced' | 'Cluster';
  versions: CrdVersion[];
  conversion?: { strategy: string };
  preserveUnknownFields?: boolean;
}

/** A CustomResourceDefinition object. */
export interface CrdObject extends KubeObject {
  spec: CrdSpec;
  status?: { conditions?: CrdCondition[]; acceptedNames?: CrdNames; storedVersions?: string[] };
}

/** A CRD status condition. */
export interface CrdCondition {
  type: string;
  status: string;
  reason: string;
  message: string;
  lastTransitionTime: string;
}

/** The CRD-cleanup finalizer the apiserver adds on delete. */
export const CRD_CLEANUP_FINALIZER = 'customresourcecleanup.apiextensions.k8s.io';
