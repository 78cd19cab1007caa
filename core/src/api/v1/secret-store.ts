/**
 * `SecretStore` (namespaced) and `ClusterSecretStore` (cluster-wide), which share `SecretStoreSpec`.
 * `spec.provider` is an open object here; {@link buildSecretStoreSpecSchema} replaces it with the
 * union of the registered providers' blocks (one optional property per provider, exactly one set).
 */
import { Type, type Static } from '@sinclair/typebox';
import { ConditionSchema } from './conditions.js';
import { API_VERSION_V1 } from './constants.js';
import { LabelSelectorSchema, ObjectMetaSchema } from './meta.js';
import { GoDuration, IntOrString, Re2Pattern, StringEnum } from './schema-helpers.js';

export const STORE_CAPABILITIES = ['ReadOnly', 'WriteOnly', 'ReadWrite'] as const;

/** A ClusterSecretStore condition: which namespaces may use the store (any match allows). */
export const ClusterSecretStoreConditionSchema = Type.Object({
  namespaceSelector: Type.Optional(LabelSelectorSchema),
  namespaces: Type.Optional(Type.Array(Type.String(), { description: 'Namespace names' })),
  namespaceRegexes: Type.Optional(
    Type.Array(Re2Pattern(), { description: 'RE2 regular expressions matched against namespace names' }),
  ),
});
export type ClusterSecretStoreCondition = Static<typeof ClusterSecretStoreConditionSchema>;

/** `retrySettings`: HTTP retries done by the provider client. */
export const SecretStoreRetrySettingsSchema = Type.Object({
  maxRetries: Type.Optional(Type.Integer({ format: 'int32' })),
  retryInterval: Type.Optional(GoDuration()),
});

/**
 * Placeholder for `spec.provider` before provider descriptors are known: any object with exactly one
 * key. Never emitted into a CRD (CRD generation always assembles the real provider schema).
 */
export const OpenProviderSchema = Type.Unsafe<Record<string, unknown>>({
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  'x-kubernetes-preserve-unknown-fields': true,
  description: 'Used to configure the provider. Only one provider may be set.',
});

/** Properties of `SecretStoreSpec` other than `provider`. */
export const secretStoreSpecProperties = {
  controller: Type.Optional(
    Type.String({ description: 'Used to select the correct controller (controller class)' }),
  ),
  retrySettings: Type.Optional(SecretStoreRetrySettingsSchema),
  refreshInterval: Type.Optional(
    IntOrString({
      description:
        'Seconds (integer) or a Go duration string between store validations; 0 uses the controller default',
    }),
  ),
  conditions: Type.Optional(
    Type.Array(ClusterSecretStoreConditionSchema, {
      description: 'Namespaces allowed to use a ClusterSecretStore',
    }),
  ),
};

/** `SecretStoreSpec` with an open `provider`. */
export const SecretStoreSpecSchema = Type.Object(
  { ...secretStoreSpecProperties, provider: OpenProviderSchema },
  { description: 'SecretStoreSpec defines the desired state of SecretStore.' },
);
export type SecretStoreSpec = Static<typeof SecretStoreSpecSchema>;

/** `SecretStoreStatus`. */
export const SecretStoreStatusSchema = Type.Object({
  conditions: Type.Optional(Type.Array(ConditionSchema)),
  capabilities: Type.Optional(StringEnum(STORE_CAPABILITIES)),
});
export type SecretStoreStatus = Static<typeof SecretStoreStatusSchema>;

/** The whole SecretStore object. */
export const SecretStoreSchema = Type.Object({
  apiVersion: Type.Literal(API_VERSION_V1),
  kind: Type.Literal('SecretStore'),
  metadata: ObjectMetaSchema,
  spec: SecretStoreSpecSchema,
  status: Type.Optional(SecretStoreStatusSchema),
});
export type SecretStore = Static<typeof SecretStoreSchema>;

/** The whole ClusterSecretStore object. */
export const ClusterSecretStoreSchema = Type.Object({
  apiVersion: Type.Literal(API_VERSION_V1),
  kind: Type.Literal('ClusterSecretStore'),
  metadata: ObjectMetaSchema,
  spec: SecretStoreSpecSchema,
  status: Type.Optional(SecretStoreStatusSchema),
});
export type ClusterSecretStore = Static<typeof ClusterSecretStoreSchema>;
