/**
 * The table of Tessera's kinds: names, scope, version, printer columns and schemas. CRD generation,
 * the validator, the reconcilers and the Kubernetes emulator all read it, so a kind is described once.
 */
import type { TSchema } from '@sinclair/typebox';
import { API_GROUP, API_VERSION_V1, API_VERSION_V1ALPHA1 } from './constants.js';
import {
  ClusterExternalSecretSpecSchema,
  ClusterExternalSecretStatusSchema,
} from './cluster-external-secret.js';
import { ExternalSecretSpecSchema, ExternalSecretStatusSchema } from './external-secret.js';
import { PushSecretSpecSchema, PushSecretStatusSchema } from './push-secret.js';
import { SecretStoreSpecSchema, SecretStoreStatusSchema } from './secret-store.js';

/** A `kubectl get` column (`additionalPrinterColumns`). */
export interface PrinterColumn {
  readonly name: string;
  readonly type: 'string' | 'date' | 'integer' | 'number' | 'boolean';
  readonly jsonPath: string;
  readonly description?: string;
  /** 0 shows by default; higher only with `-o wide`. @default 0 */
  readonly priority?: number;
}

/** Everything Tessera knows about one kind. */
export interface KindInfo {
  readonly kind: string;
  readonly listKind: string;
  readonly plural: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
  readonly scope: 'Namespaced' | 'Cluster';
  readonly group: string;
  /** Version only, e.g. `v1`. */
  readonly version: string;
  /** `group/version`. */
  readonly apiVersion: string;
  readonly categories: readonly string[];
  readonly printerColumns: readonly PrinterColumn[];
  /** Field selectors the API server supports (`selectableFields`). */
  readonly selectableFields: readonly string[];
  /** Schema of `spec`. For stores `provider` is open; see `buildSecretStoreSpecSchema`. */
  readonly specSchema: TSchema;
  readonly statusSchema: TSchema;
}

/** JSONPath of the Ready condition's field. */
const ready = (field: 'reason' | 'status') => `.status.conditions[?(@.type=="Ready")].${field}`;
const CATEGORIES = ['external-secrets'] as const;
const AGE: PrinterColumn = { name: 'AGE', type: 'date', jsonPath: '.metadata.creationTimestamp' };
const STORE_COLUMNS: readonly PrinterColumn[] = [
  AGE,
  { name: 'Status', type: 'string', jsonPath: ready('reason') },
  { name: 'Capabilities', type: 'string', jsonPath: '.status.capabilities' },
  { name: 'Ready', type: 'string', jsonPath: ready('status') },
];

function v1(
  kind: string,
  plural: string,
  rest: Omit<
    KindInfo,
    'kind' | 'listKind' | 'plural' | 'singular' | 'group' | 'version' | 'apiVersion' | 'categories'
  >,
): KindInfo {
  return {
    kind,
    listKind: `${kind}List`,
    plural,
    singular: kind.toLowerCase(),
    group: API_GROUP,
    version: 'v1',
    apiVersion: API_VERSION_V1,
    categories: CATEGORIES,
    ...rest,
  };
}

export const EXTERNAL_SECRET_KIND: KindInfo = v1('ExternalSecret', 'externalsecrets', {
  shortNames: ['es'],
  scope: 'Namespaced',
  printerColumns: [
    { name: 'StoreType', type: 'string', jsonPath: '.spec.secretStoreRef.kind' },
    { name: 'Store', type: 'string', jsonPath: '.spec.secretStoreRef.name' },
    { name: 'Refresh Interval', type: 'string', jsonPath: '.spec.refreshInterval' },
    { name: 'Status', type: 'string', jsonPath: ready('reason') },
    { name: 'Ready', type: 'string', jsonPath: ready('status') },
    { name: 'Last Sync', type: 'date', jsonPath: '.status.refreshTime' },
  ],
  selectableFields: [
    '.spec.secretStoreRef.name',
    '.spec.secretStoreRef.kind',
    '.spec.target.name',
    '.spec.refreshInterval',
  ],
  specSchema: ExternalSecretSpecSchema,
  statusSchema: ExternalSecretStatusSchema,
});

export const SECRET_STORE_KIND: KindInfo = v1('SecretStore', 'secretstores', {
  shortNames: ['ss'],
  scope: 'Namespaced',
  printerColumns: STORE_COLUMNS,
  selectableFields: [],
  specSchema: SecretStoreSpecSchema,
  statusSchema: SecretStoreStatusSchema,
});

export const CLUSTER_SECRET_STORE_KIND: KindInfo = v1('ClusterSecretStore', 'clustersecretstores', {
  shortNames: ['css'],
  scope: 'Cluster',
  printerColumns: STORE_COLUMNS,
  selectableFields: [],
  specSchema: SecretStoreSpecSchema,
  statusSchema: SecretStoreStatusSchema,
});

export const CLUSTER_EXTERNAL_SECRET_KIND: KindInfo = v1('ClusterExternalSecret', 'clusterexternalsecrets', {
  shortNames: ['ces'],
  scope: 'Cluster',
  printerColumns: [
    { name: 'Store', type: 'string', jsonPath: '.spec.externalSecretSpec.secretStoreRef.name' },
    { name: 'Refresh Interval', type: 'string', jsonPath: '.spec.refreshTime' },
    { name: 'Ready', type: 'string', jsonPath: ready('status') },
  ],
  selectableFields: [],
  specSchema: ClusterExternalSecretSpecSchema,
  statusSchema: ClusterExternalSecretStatusSchema,
});

export const PUSH_SECRET_KIND: KindInfo = {
  ...v1('PushSecret', 'pushsecrets', {
    shortNames: ['ps'],
    scope: 'Namespaced',
    printerColumns: [
      AGE,
      { name: 'Status', type: 'string', jsonPath: ready('reason') },
      { name: 'Last Sync', type: 'date', jsonPath: '.status.refreshTime' },
    ],
    selectableFields: [],
    specSchema: PushSecretSpecSchema,
    statusSchema: PushSecretStatusSchema,
  }),
  version: 'v1alpha1',
  apiVersion: API_VERSION_V1ALPHA1,
};

/** Every kind Tessera serves, in CRD file order. */
export const KINDS: readonly KindInfo[] = [
  EXTERNAL_SECRET_KIND,
  SECRET_STORE_KIND,
  CLUSTER_SECRET_STORE_KIND,
  CLUSTER_EXTERNAL_SECRET_KIND,
  PUSH_SECRET_KIND,
];

/** Looks a kind up by `apiVersion` and `kind`; undefined when Tessera does not serve it. */
export function findKind(apiVersion: string, kind: string): KindInfo | undefined {
  return KINDS.find((k) => k.apiVersion === apiVersion && k.kind === kind);
}
