/** The `ClusterExternalSecret` kind: one ExternalSecret stamped into every selected namespace. */
import { Type, type Static } from '@sinclair/typebox';
import { API_VERSION_V1 } from './constants.js';
import { ExternalSecretSpecSchema } from './external-secret.js';
import { LabelSelectorSchema, ObjectMetaSchema } from './meta.js';
import { GoDuration, StringMap } from './schema-helpers.js';

/** Labels and annotations given to the created ExternalSecrets. */
export const ExternalSecretMetadataSchema = Type.Object({
  annotations: Type.Optional(StringMap()),
  labels: Type.Optional(StringMap()),
});

/** `ClusterExternalSecretSpec`. */
export const ClusterExternalSecretSpecSchema = Type.Object({
  externalSecretSpec: ExternalSecretSpecSchema,
  externalSecretName: Type.Optional(
    Type.String({
      description: 'Name of the created ExternalSecrets; defaults to the ClusterExternalSecret name',
    }),
  ),
  externalSecretMetadata: Type.Optional(ExternalSecretMetadataSchema),
  namespaceSelector: Type.Optional(LabelSelectorSchema),
  namespaceSelectors: Type.Optional(
    Type.Array(LabelSelectorSchema, { description: 'Selectors ORed together' }),
  ),
  namespaces: Type.Optional(Type.Array(Type.String(), { description: 'Deprecated: use namespaceSelectors' })),
  refreshTime: Type.Optional(
    GoDuration({ description: 'How often the namespace list is rechecked; defaults to 1h' }),
  ),
});
export type ClusterExternalSecretSpec = Static<typeof ClusterExternalSecretSpecSchema>;

/** A namespace the ClusterExternalSecret could not provision. */
export const ClusterExternalSecretNamespaceFailureSchema = Type.Object({
  namespace: Type.String(),
  reason: Type.Optional(Type.String()),
});

/** ClusterExternalSecret condition (type Ready). */
export const ClusterExternalSecretConditionSchema = Type.Object({
  type: Type.String(),
  status: Type.String(),
  message: Type.Optional(Type.String()),
});

/** `ClusterExternalSecretStatus`. */
export const ClusterExternalSecretStatusSchema = Type.Object({
  externalSecretName: Type.Optional(Type.String()),
  failedNamespaces: Type.Optional(Type.Array(ClusterExternalSecretNamespaceFailureSchema)),
  provisionedNamespaces: Type.Optional(Type.Array(Type.String())),
  conditions: Type.Optional(Type.Array(ClusterExternalSecretConditionSchema)),
});
export type ClusterExternalSecretStatus = Static<typeof ClusterExternalSecretStatusSchema>;

/** The whole ClusterExternalSecret object. */
export const ClusterExternalSecretSchema = Type.Object({
  apiVersion: Type.Literal(API_VERSION_V1),
  kind: Type.Literal('ClusterExternalSecret'),
  metadata: ObjectMetaSchema,
  spec: ClusterExternalSecretSpecSchema,
  status: Type.Optional(ClusterExternalSecretStatusSchema),
});
export type ClusterExternalSecret = Static<typeof ClusterExternalSecretSchema>;
