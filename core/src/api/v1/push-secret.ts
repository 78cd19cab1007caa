/** The `PushSecret` kind (external-secrets.io/v1alpha1): push a Kubernetes Secret to providers. */
import { Type, type Static } from '@sinclair/typebox';
import { API_VERSION_V1ALPHA1 } from './constants.js';
import {
  ExternalSecretRewriteRegexpSchema,
  ExternalSecretRewriteTransformSchema,
} from './external-secret-data.js';
import { ExternalSecretTemplateSchema } from './external-secret-template.js';
import { GeneratorRefSchema, LabelSelectorSchema, ObjectMetaSchema, STORE_KINDS } from './meta.js';
import {
  GoDuration,
  MapOf,
  NullableDateTime,
  ObjectName,
  PreserveUnknown,
  Re2Pattern,
  StringEnum,
} from './schema-helpers.js';

export const PUSH_CONVERSION_STRATEGIES = ['None', 'ReverseUnicode'] as const;

const pushConversionStrategy = () =>
  Type.Optional(
    StringEnum(PUSH_CONVERSION_STRATEGIES, {
      default: 'None',
      description: 'Used to define a conversion Strategy for the secret keys',
    }),
  );
const pushMetadata = () =>
  Type.Optional(
    PreserveUnknown({ description: 'Provider-specific metadata (a PushSecretMetadata document).' }),
  );

/** A target store of a PushSecret: by name or by label selector. */
export const PushSecretStoreRefSchema = Type.Object({
  name: Type.Optional(ObjectName({ description: 'Optionally, sync to the SecretStore of the given name' })),
  labelSelector: Type.Optional(LabelSelectorSchema),
  kind: Type.Optional(StringEnum(STORE_KINDS, { default: 'SecretStore' })),
});
export type PushSecretStoreRef = Static<typeof PushSecretStoreRefSchema>;

/** Where a pushed value goes. */
export const PushSecretRemoteRefSchema = Type.Object({
  remoteKey: Type.String({ description: 'Name of the resulting provider secret.' }),
  property: Type.Optional(Type.String({ description: 'Name of the property in the resulting secret' })),
});

/** One explicit mapping of a source Secret key to a remote key. */
export const PushSecretDataSchema = Type.Object({
  match: Type.Object({
    secretKey: Type.Optional(
      Type.String({ description: 'Secret Key to be pushed; empty pushes the whole Secret' }),
    ),
    remoteRef: PushSecretRemoteRefSchema,
  }),
  metadata: pushMetadata(),
  conversionStrategy: pushConversionStrategy(),
});
export type PushSecretData = Static<typeof PushSecretDataSchema>;

/** Bulk push: every matching key (optionally rewritten) to one store. */
export const PushSecretDataToSchema = Type.Object(
  {
    storeRef: Type.Optional(PushSecretStoreRefSchema),
    remoteKey: Type.Optional(
      Type.String({ description: 'Bundle all matched keys as one JSON secret under this remote key' }),
    ),
    match: Type.Optional(Type.Object({ regexp: Type.Optional(Re2Pattern()) })),
    rewrite: Type.Optional(
      Type.Array(
        Type.Object(
          {
            regexp: Type.Optional(ExternalSecretRewriteRegexpSchema),
            transform: Type.Optional(ExternalSecretRewriteTransformSchema),
          },
          {
            'x-kubernetes-validations': [
              {
                rule: '(has(self.regexp) && !has(self.transform)) || (!has(self.regexp) && has(self.transform))',
                message: 'exactly one of regexp or transform must be set',
              },
            ],
          },
        ),
      ),
    ),
    metadata: pushMetadata(),
    conversionStrategy: pushConversionStrategy(),
  },
  {
    'x-kubernetes-validations': [
      {
        rule: 'has(self.storeRef) && (has(self.storeRef.name) || has(self.storeRef.labelSelector))',
        message: 'storeRef must specify either name or labelSelector',
      },
    ],
  },
);
export type PushSecretDataTo = Static<typeof PushSecretDataToSchema>;

/** The source: exactly one of a Secret (by name or selector) or a generator. */
export const PushSecretSelectorSchema = Type.Object(
  {
    secret: Type.Optional(
      Type.Object({
        name: Type.Optional(ObjectName({ description: 'Name of the Secret, in the PushSecret namespace' })),
        selector: Type.Optional(LabelSelectorSchema),
      }),
    ),
    generatorRef: Type.Optional(GeneratorRefSchema),
  },
  { minProperties: 1, maxProperties: 1 },
);

/** `PushSecretSpec`. */
export const PushSecretSpecSchema = Type.Object({
  refreshInterval: Type.Optional(
    GoDuration({ default: '1h0m0s', description: 'How often to push (Go duration)' }),
  ),
  secretStoreRefs: Type.Array(PushSecretStoreRefSchema),
  updatePolicy: Type.Optional(StringEnum(['Replace', 'IfNotExists'] as const, { default: 'Replace' })),
  deletionPolicy: Type.Optional(StringEnum(['Delete', 'None'] as const, { default: 'None' })),
  selector: PushSecretSelectorSchema,
  data: Type.Optional(Type.Array(PushSecretDataSchema)),
  dataTo: Type.Optional(Type.Array(PushSecretDataToSchema)),
  template: Type.Optional(ExternalSecretTemplateSchema),
});
export type PushSecretSpec = Static<typeof PushSecretSpecSchema>;

/** PushSecret condition (type Ready; reasons Synced, Errored, SourceDeleted). */
export const PushSecretConditionSchema = Type.Object({
  type: Type.String(),
  status: Type.String(),
  reason: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
  lastTransitionTime: Type.Optional(Type.String({ format: 'date-time' })),
});

/** `PushSecretStatus`. */
export const PushSecretStatusSchema = Type.Object({
  refreshTime: Type.Optional(NullableDateTime()),
  syncedResourceVersion: Type.Optional(Type.String()),
  syncedPushSecrets: Type.Optional(
    MapOf(MapOf(PushSecretDataSchema), { description: 'store key → remote key → data entry' }),
  ),
  conditions: Type.Optional(Type.Array(PushSecretConditionSchema)),
});
export type PushSecretStatus = Static<typeof PushSecretStatusSchema>;

/** The whole PushSecret object. */
export const PushSecretSchema = Type.Object({
  apiVersion: Type.Literal(API_VERSION_V1ALPHA1),
  kind: Type.Literal('PushSecret'),
  metadata: ObjectMetaSchema,
  spec: PushSecretSpecSchema,
  status: Type.Optional(PushSecretStatusSchema),
});
export type PushSecret = Static<typeof PushSecretSchema>;
