/**
 * Shared reference types (ESO `apis/meta/v1` and the store references of `secretstore_types.go`).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { ObjectMeta } from '../../kube/kube-port.js';
import { GENERATORS_API_VERSION } from './constants.js';
import { DNS1123_LABEL, ObjectName, SECRET_KEY_PATTERN, StringEnum, StringMap } from './schema-helpers.js';

/** Object metadata: typed as {@link ObjectMeta}, schema-wise a plain object (the API server owns it). */
export const ObjectMetaSchema = Type.Unsafe<ObjectMeta>({ type: 'object' });

/** Kinds a store reference may name. */
export const STORE_KINDS = ['SecretStore', 'ClusterSecretStore'] as const;

/** `secretStoreRef`: which store to read from. An empty `kind` means SecretStore. */
export const SecretStoreRefSchema = Type.Object(
  {
    name: Type.Optional(ObjectName({ description: 'Name of the SecretStore resource' })),
    kind: Type.Optional(
      StringEnum(STORE_KINDS, {
        description:
          'Kind of the SecretStore resource (SecretStore or ClusterSecretStore). Defaults to `SecretStore`',
      }),
    ),
  },
  { description: 'SecretStoreRef defines which SecretStore to fetch the ExternalSecret data.' },
);
export type SecretStoreRef = Static<typeof SecretStoreRefSchema>;

/** Generator kinds ESO accepts in a `generatorRef`. Tessera accepts and preserves them but runs none. */
export const GENERATOR_KINDS = [
  'ACRAccessToken',
  'BeyondtrustWorkloadCredentialsDynamicSecret',
  'ClusterGenerator',
  'CloudsmithAccessToken',
  'ECRAuthorizationToken',
  'Fake',
  'GCRAccessToken',
  'GithubAccessToken',
  'GitlabDeployToken',
  'QuayAccessToken',
  'Password',
  'SSHKey',
  'STSSessionToken',
  'UUID',
  'VaultDynamicSecret',
  'Webhook',
  'Grafana',
  'MFA',
] as const;

/** `generatorRef`: a generator custom resource (accepted, preserved, reported as unsupported). */
export const GeneratorRefSchema = Type.Object(
  {
    apiVersion: Type.Optional(
      Type.String({
        default: GENERATORS_API_VERSION,
        description: 'Specify the apiVersion of the generator resource',
      }),
    ),
    kind: StringEnum(GENERATOR_KINDS, { description: 'Specify the Kind of the generator resource' }),
    name: ObjectName({ description: 'Specify the name of the generator resource' }),
  },
  { description: 'GeneratorRef points to a generator custom resource.' },
);
export type GeneratorRef = Static<typeof GeneratorRefSchema>;

/** One requirement of a label selector. */
export const LabelSelectorRequirementSchema = Type.Object({
  key: Type.String(),
  operator: Type.String({ description: 'In, NotIn, Exists or DoesNotExist' }),
  values: Type.Optional(Type.Array(Type.String(), { 'x-kubernetes-list-type': 'atomic' })),
});

/** A Kubernetes label selector (`metav1.LabelSelector`). */
export const LabelSelectorSchema = Type.Object(
  {
    matchLabels: Type.Optional(StringMap()),
    matchExpressions: Type.Optional(
      Type.Array(LabelSelectorRequirementSchema, { 'x-kubernetes-list-type': 'atomic' }),
    ),
  },
  { 'x-kubernetes-map-type': 'atomic' },
);
export type LabelSelector = Static<typeof LabelSelectorSchema>;

/** A key of a Kubernetes Secret (`SecretKeySelector`); `namespace` is honoured only on cluster stores. */
export const SecretKeySelectorSchema = Type.Object({
  name: ObjectName({ description: 'The name of the Secret resource being referred to.' }),
  namespace: Type.Optional(Type.String({ minLength: 1, maxLength: 63, pattern: DNS1123_LABEL })),
  key: Type.Optional(Type.String({ minLength: 1, maxLength: 253, pattern: SECRET_KEY_PATTERN })),
});
export type SecretKeySelector = Static<typeof SecretKeySelectorSchema>;

/** A reference to a ServiceAccount (`ServiceAccountSelector`). */
export const ServiceAccountSelectorSchema = Type.Object({
  name: ObjectName({ description: 'The name of the ServiceAccount resource being referred to.' }),
  namespace: Type.Optional(Type.String({ minLength: 1, maxLength: 63, pattern: DNS1123_LABEL })),
  audiences: Type.Optional(Type.Array(Type.String())),
});
export type ServiceAccountSelector = Static<typeof ServiceAccountSelectorSchema>;

/** A PEM CA bundle held in a Secret or ConfigMap (`CAProvider`). */
export const CAProviderSchema = Type.Object({
  type: StringEnum(['Secret', 'ConfigMap'] as const),
  name: Type.String(),
  key: Type.Optional(Type.String()),
  namespace: Type.Optional(Type.String()),
});
export type CAProvider = Static<typeof CAProviderSchema>;
