/** The `ExternalSecret` kind (external-secrets.io/v1): spec, target, sync windows and status. */
import { Type, type Static } from '@sinclair/typebox';
import { ConditionSchema } from './conditions.js';
import { API_VERSION_V1 } from './constants.js';
import { ExternalSecretDataFromRemoteRefSchema, ExternalSecretDataSchema } from './external-secret-data.js';
import { ExternalSecretTemplateSchema } from './external-secret-template.js';
import { ObjectMetaSchema, SecretStoreRefSchema } from './meta.js';
import { GoDuration, NullableDateTime, ObjectName, StringEnum } from './schema-helpers.js';

export const CREATION_POLICIES = ['Owner', 'Orphan', 'Merge', 'None', 'CreateOrMerge'] as const;
export const DELETION_POLICIES = ['Delete', 'Merge', 'Retain'] as const;
export const REFRESH_POLICIES = ['CreatedOnce', 'Periodic', 'OnChange'] as const;
export type CreationPolicy = (typeof CREATION_POLICIES)[number];
export type DeletionPolicy = (typeof DELETION_POLICIES)[number];
export type RefreshPolicy = (typeof REFRESH_POLICIES)[number];

/** Generic target (ConfigMap / custom resource). Accepted and preserved; Tessera does not write it. */
export const ExternalSecretManifestSchema = Type.Object({
  apiVersion: Type.String({ minLength: 1 }),
  kind: Type.String({ minLength: 1 }),
});

/** The Secret an ExternalSecret writes. */
export const ExternalSecretTargetSchema = Type.Object(
  {
    name: Type.Optional(
      ObjectName({
        description: 'The name of the Secret resource to be managed. Defaults to the ExternalSecret name',
      }),
    ),
    creationPolicy: Type.Optional(StringEnum(CREATION_POLICIES, { default: 'Owner' })),
    deletionPolicy: Type.Optional(StringEnum(DELETION_POLICIES, { default: 'Retain' })),
    template: Type.Optional(ExternalSecretTemplateSchema),
    manifest: Type.Optional(ExternalSecretManifestSchema),
    immutable: Type.Optional(
      Type.Boolean({ description: 'Immutable defines if the final secret will be immutable' }),
    ),
  },
  {
    default: { creationPolicy: 'Owner', deletionPolicy: 'Retain' },
    description: 'ExternalSecretTarget defines the Kubernetes Secret to be created.',
  },
);
export type ExternalSecretTarget = Static<typeof ExternalSecretTargetSchema>;

/** One window: a cron schedule (UTC) and how long it stays open. */
export const SyncWindowSchema = Type.Object({
  schedule: Type.String({
    'x-tessera-format': 'cron-schedule',
    description: '5-field cron expression or @daily / @every <duration>',
  }),
  duration: GoDuration({ description: 'How long the window stays open (Go duration)' }),
});
export type SyncWindow = Static<typeof SyncWindowSchema>;

/** `syncWindows`: allow or deny periodic refreshes inside the windows. */
export const ExternalSecretSyncWindowsSchema = Type.Object({
  kind: StringEnum(['allow', 'deny'] as const),
  windows: Type.Array(SyncWindowSchema, { minItems: 1 }),
});
export type ExternalSecretSyncWindows = Static<typeof ExternalSecretSyncWindowsSchema>;

/** `ExternalSecretSpec`. */
export const ExternalSecretSpecSchema = Type.Object(
  {
    secretStoreRef: Type.Optional(SecretStoreRefSchema),
    target: Type.Optional(ExternalSecretTargetSchema),
    refreshPolicy: Type.Optional(StringEnum(REFRESH_POLICIES)),
    refreshInterval: Type.Optional(
      GoDuration({
        default: '1h',
        description: 'Time between reads of the provider (Go duration); 0 fetches once',
      }),
    ),
    syncWindows: Type.Optional(ExternalSecretSyncWindowsSchema),
    data: Type.Optional(Type.Array(ExternalSecretDataSchema)),
    dataFrom: Type.Optional(Type.Array(ExternalSecretDataFromRemoteRefSchema)),
  },
  { description: 'ExternalSecretSpec defines the desired state of ExternalSecret.' },
);
export type ExternalSecretSpec = Static<typeof ExternalSecretSpecSchema>;

/** ExternalSecret condition types (only Ready is persisted). */
export const ExternalSecretConditionSchema = Type.Object({
  ...ConditionSchema.properties,
  type: StringEnum(['Ready', 'Deleted'] as const),
});
export type ExternalSecretCondition = Static<typeof ExternalSecretConditionSchema>;

/** `ExternalSecretStatus`. */
export const ExternalSecretStatusSchema = Type.Object({
  refreshTime: Type.Optional(NullableDateTime({ description: 'Time of the last successful sync' })),
  syncedResourceVersion: Type.Optional(Type.String()),
  conditions: Type.Optional(Type.Array(ExternalSecretConditionSchema)),
  binding: Type.Optional(
    Type.Object({ name: Type.Optional(Type.String({ default: '' })) }, { 'x-kubernetes-map-type': 'atomic' }),
  ),
});
export type ExternalSecretStatus = Static<typeof ExternalSecretStatusSchema>;

/** The whole ExternalSecret object. */
export const ExternalSecretSchema = Type.Object({
  apiVersion: Type.Literal(API_VERSION_V1),
  kind: Type.Literal('ExternalSecret'),
  metadata: ObjectMetaSchema,
  spec: ExternalSecretSpecSchema,
  status: Type.Optional(ExternalSecretStatusSchema),
});
export type ExternalSecret = Static<typeof ExternalSecretSchema>;
