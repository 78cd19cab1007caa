/**
 * What an ExternalSecret reads: `spec.data[]` (one remote value per Secret key) and
 * `spec.dataFrom[]` (whole remote items via extract / find, rewritten key by key).
 */
import { Type, type Static } from '@sinclair/typebox';
import { GeneratorRefSchema, SecretStoreRefSchema } from './meta.js';
import { Re2Pattern, SECRET_KEY_PATTERN, StringEnum, StringMap } from './schema-helpers.js';

/** Enum values shared by remoteRef and find. */
export const CONVERSION_STRATEGIES = ['Default', 'Unicode'] as const;
export const DECODING_STRATEGIES = ['Auto', 'Base64', 'Base64URL', 'None'] as const;
export const NULL_BYTE_POLICIES = ['Ignore', 'Fail'] as const;
export const METADATA_POLICIES = ['None', 'Fetch'] as const;

const conversionStrategy = () =>
  Type.Optional(
    StringEnum(CONVERSION_STRATEGIES, {
      default: 'Default',
      description: 'Used to define a conversion Strategy',
    }),
  );
const decodingStrategy = () =>
  Type.Optional(
    StringEnum(DECODING_STRATEGIES, { default: 'None', description: 'Used to define a decoding Strategy' }),
  );
const nullBytePolicy = () =>
  Type.Optional(
    StringEnum(NULL_BYTE_POLICIES, {
      default: 'Ignore',
      description: 'Controls how NUL bytes in fetched values are handled (Ignore or Fail)',
    }),
  );

/** `remoteRef` of a data entry, and `dataFrom[].extract`. */
export const ExternalSecretDataRemoteRefSchema = Type.Object(
  {
    key: Type.String({ description: 'Key is the key used in the Provider, mandatory' }),
    property: Type.Optional(
      Type.String({
        description: 'Used to select a specific property of the Provider value (if a map), if supported',
      }),
    ),
    version: Type.Optional(
      Type.String({ description: 'Used to select a specific version of the Provider value, if supported' }),
    ),
    metadataPolicy: Type.Optional(
      StringEnum(METADATA_POLICIES, {
        default: 'None',
        description: 'Policy for fetching tags/labels from provider secrets',
      }),
    ),
    conversionStrategy: conversionStrategy(),
    decodingStrategy: decodingStrategy(),
    nullBytePolicy: nullBytePolicy(),
  },
  { description: 'ExternalSecretDataRemoteRef defines Provider data location.' },
);
export type ExternalSecretDataRemoteRef = Static<typeof ExternalSecretDataRemoteRefSchema>;

/** `sourceRef` of a data entry: exactly one of storeRef / generatorRef. */
export const StoreSourceRefSchema = Type.Object(
  {
    storeRef: Type.Optional(SecretStoreRefSchema),
    generatorRef: Type.Optional(GeneratorRefSchema),
  },
  {
    minProperties: 1,
    maxProperties: 1,
    description: 'SourceRef allows you to override the source from which the value will be pulled.',
  },
);
export type StoreSourceRef = Static<typeof StoreSourceRefSchema>;

/** One `spec.data[]` entry. */
export const ExternalSecretDataSchema = Type.Object({
  secretKey: Type.String({
    minLength: 1,
    maxLength: 253,
    pattern: SECRET_KEY_PATTERN,
    description: 'The key in the Kubernetes Secret to store the value.',
  }),
  remoteRef: ExternalSecretDataRemoteRefSchema,
  sourceRef: Type.Optional(StoreSourceRefSchema),
});
export type ExternalSecretData = Static<typeof ExternalSecretDataSchema>;

/** `dataFrom[].find`: which remote secrets to return. */
export const ExternalSecretFindSchema = Type.Object({
  path: Type.Optional(Type.String({ description: 'A root path to start the find operations.' })),
  name: Type.Optional(
    Type.Object(
      // ESO marks regexp optional, but a name filter without one means nothing; Tessera requires it.
      { regexp: Re2Pattern({ description: 'Finds secrets based on a regular expression (RE2).' }) },
      { description: 'Finds secrets based on the name.' },
    ),
  ),
  tags: Type.Optional(StringMap({ description: 'Find secrets based on tags.' })),
  conversionStrategy: conversionStrategy(),
  decodingStrategy: decodingStrategy(),
  nullBytePolicy: nullBytePolicy(),
});
export type ExternalSecretFind = Static<typeof ExternalSecretFindSchema>;

/** `rewrite[].merge`. */
export const ExternalSecretRewriteMergeSchema = Type.Object({
  into: Type.Optional(
    Type.String({ default: '', description: 'Target key of the merge; required when strategy is JSON.' }),
  ),
  priority: Type.Optional(Type.Array(Type.String())),
  priorityPolicy: Type.Optional(StringEnum(['IgnoreNotFound', 'Strict'] as const, { default: 'Strict' })),
  conflictPolicy: Type.Optional(StringEnum(['Ignore', 'Error'] as const, { default: 'Error' })),
  strategy: Type.Optional(StringEnum(['Extract', 'JSON'] as const, { default: 'Extract' })),
});

/** `rewrite[].regexp`: ReplaceAll of `source` (RE2) by `target`. */
export const ExternalSecretRewriteRegexpSchema = Type.Object({
  source: Re2Pattern({ description: 'Used to define the regular expression of a re.Compiler.' }),
  target: Type.String({ description: 'Used to define the target pattern of a ReplaceAll operation.' }),
});

/** `rewrite[].transform`: a template applied to each key (`.value`). */
export const ExternalSecretRewriteTransformSchema = Type.Object({
  template: Type.String({ description: 'Template applied to the secret name; `.value` is the name.' }),
});

/** One rewrite operation: exactly one of regexp, transform, merge. */
export const ExternalSecretRewriteSchema = Type.Object(
  {
    regexp: Type.Optional(ExternalSecretRewriteRegexpSchema),
    transform: Type.Optional(ExternalSecretRewriteTransformSchema),
    merge: Type.Optional(ExternalSecretRewriteMergeSchema),
  },
  { minProperties: 1, maxProperties: 1 },
);
export type ExternalSecretRewrite = Static<typeof ExternalSecretRewriteSchema>;

/** One `spec.dataFrom[]` entry: exactly one of extract, find, sourceRef.generatorRef (checked by the validator). */
export const ExternalSecretDataFromRemoteRefSchema = Type.Object({
  extract: Type.Optional(ExternalSecretDataRemoteRefSchema),
  find: Type.Optional(ExternalSecretFindSchema),
  rewrite: Type.Optional(Type.Array(ExternalSecretRewriteSchema)),
  sourceRef: Type.Optional(StoreSourceRefSchema),
});
export type ExternalSecretDataFromRemoteRef = Static<typeof ExternalSecretDataFromRemoteRefSchema>;
