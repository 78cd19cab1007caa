/** `target.template` (`ExternalSecretTemplate`), shared by ExternalSecret and PushSecret. */
import { Type, type Static } from '@sinclair/typebox';
import { DECODING_STRATEGIES } from './external-secret-data.js';
import { ObjectName, SECRET_KEY_PATTERN, StringEnum, StringMap } from './schema-helpers.js';

/** One key of a ConfigMap/Secret used as a template. */
export const TemplateRefItemSchema = Type.Object({
  key: Type.String({
    minLength: 1,
    maxLength: 253,
    pattern: SECRET_KEY_PATTERN,
    description: 'A key in the ConfigMap/Secret',
  }),
  templateAs: Type.Optional(StringEnum(['Values', 'KeysAndValues'] as const, { default: 'Values' })),
});

/** A ConfigMap or Secret holding templates. */
export const TemplateRefSchema = Type.Object({
  name: ObjectName({ description: 'The name of the ConfigMap/Secret resource' }),
  items: Type.Array(TemplateRefItemSchema, {
    description: 'A list of keys in the ConfigMap/Secret to use as templates for Secret data',
  }),
});

/** One `templateFrom[]` entry: one of configMap, secret, literal. */
export const TemplateFromSchema = Type.Object({
  configMap: Type.Optional(TemplateRefSchema),
  secret: Type.Optional(TemplateRefSchema),
  literal: Type.Optional(Type.String()),
  target: Type.Optional(
    Type.String({
      default: 'Data',
      description: 'Data, Annotations or Labels for Secret targets (case-insensitive)',
    }),
  ),
  valuesDecodingStrategy: Type.Optional(StringEnum(DECODING_STRATEGIES)),
});
export type TemplateFrom = Static<typeof TemplateFromSchema>;

/** Metadata given to the rendered Secret; label and annotation values are templates themselves. */
export const ExternalSecretTemplateMetadataSchema = Type.Object({
  annotations: Type.Optional(StringMap()),
  labels: Type.Optional(StringMap()),
  finalizers: Type.Optional(Type.Array(Type.String())),
});

/** The blueprint of the target Secret. */
export const ExternalSecretTemplateSchema = Type.Object(
  {
    type: Type.Optional(Type.String()),
    engineVersion: Type.Optional(
      StringEnum(['v2'] as const, {
        default: 'v2',
        description:
          'EngineVersion specifies the template engine version used to render .data and .templateFrom[].',
      }),
    ),
    metadata: Type.Optional(ExternalSecretTemplateMetadataSchema),
    mergePolicy: Type.Optional(StringEnum(['Replace', 'Merge'] as const, { default: 'Replace' })),
    data: Type.Optional(StringMap()),
    templateFrom: Type.Optional(Type.Array(TemplateFromSchema)),
  },
  { description: 'Template defines a blueprint for the created Secret resource.' },
);
export type ExternalSecretTemplate = Static<typeof ExternalSecretTemplateSchema>;
