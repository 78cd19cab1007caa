/**
 * Field numbers of the Kubernetes `generated.proto` messages that kubectl's typed commands send as protobuf
 * (`kubectl create namespace|secret|configmap|serviceaccount|deployment|token`, `kubectl auth can-i`). Only the
 * fields those commands can set are listed; unknown field numbers are skipped.
 */

/**
 * How one field decodes. Go always encodes non-pointer scalars, and JSON then omits their zero values (`omitempty`),
 * so `string`, `int` and `bool` drop "", 0 and false; `optInt`/`optBool` are pointer fields, kept when present.
 */
export type FieldKind =
  | 'string'
  | 'bytes'
  | 'int'
  | 'optInt'
  | 'bool'
  | 'optBool'
  | 'time'
  | 'map'
  | 'bytesMap'
  | 'quantity'
  | 'intOrString'
  | Schema;

/** A field: JSON name, kind, repeated. */
export type FieldSpec = readonly [name: string, kind: FieldKind, repeated?: boolean];

/** A message schema: field number → spec. */
export interface Schema {
  readonly [fieldNumber: number]: FieldSpec;
}

const OWNER_REFERENCE: Schema = {
  1: ['kind', 'string'],
  3: ['name', 'string'],
  4: ['uid', 'string'],
  5: ['apiVersion', 'string'],
  6: ['controller', 'optBool'],
  7: ['blockOwnerDeletion', 'optBool'],
};

/** meta/v1 ObjectMeta. */
export const OBJECT_META: Schema = {
  1: ['name', 'string'],
  2: ['generateName', 'string'],
  3: ['namespace', 'string'],
  5: ['uid', 'string'],
  6: ['resourceVersion', 'string'],
  7: ['generation', 'int'],
  8: ['creationTimestamp', 'time'],
  9: ['deletionTimestamp', 'time'],
  10: ['deletionGracePeriodSeconds', 'optInt'],
  11: ['labels', 'map'],
  12: ['annotations', 'map'],
  13: ['ownerReferences', OWNER_REFERENCE, true],
  14: ['finalizers', 'string', true],
};

const OBJECT_REFERENCE: Schema = {
  1: ['kind', 'string'],
  2: ['namespace', 'string'],
  3: ['name', 'string'],
  4: ['uid', 'string'],
  5: ['apiVersion', 'string'],
  6: ['resourceVersion', 'string'],
  7: ['fieldPath', 'string'],
};
const LOCAL_REFERENCE: Schema = { 1: ['name', 'string'] };
const LABEL_SELECTOR: Schema = {
  1: ['matchLabels', 'map'],
  2: [
    'matchExpressions',
    { 1: ['key', 'string'], 2: ['operator', 'string'], 3: ['values', 'string', true] },
    true,
  ],
};
const RESOURCES: Schema = { 1: ['limits', 'quantity'], 2: ['requests', 'quantity'] };
const CONTAINER: Schema = {
  1: ['name', 'string'],
  2: ['image', 'string'],
  3: ['command', 'string', true],
  4: ['args', 'string', true],
  5: ['workingDir', 'string'],
  6: [
    'ports',
    {
      1: ['name', 'string'],
      2: ['hostPort', 'int'],
      3: ['containerPort', 'int'],
      4: ['protocol', 'string'],
      5: ['hostIP', 'string'],
    },
    true,
  ],
  7: ['env', { 1: ['name', 'string'], 2: ['value', 'string'] }, true],
  8: ['resources', RESOURCES],
  14: ['imagePullPolicy', 'string'],
};
const POD_SPEC: Schema = {
  2: ['containers', CONTAINER, true],
  8: ['serviceAccountName', 'string'],
  20: ['initContainers', CONTAINER, true],
};
const POD_TEMPLATE: Schema = { 1: ['metadata', OBJECT_META], 2: ['spec', POD_SPEC] };
const ROLLING: Schema = { 1: ['maxUnavailable', 'intOrString'], 2: ['maxSurge', 'intOrString'] };

const DELETE_OPTIONS: Schema = {
  1: ['gracePeriodSeconds', 'optInt'],
  2: ['preconditions', { 1: ['uid', 'string'], 2: ['resourceVersion', 'string'] }],
  3: ['orphanDependents', 'optBool'],
  4: ['propagationPolicy', 'string'],
  5: ['dryRun', 'string', true],
};

/** Top-level messages by `apiVersion/kind`. */
export const SCHEMAS: Readonly<Record<string, Schema>> = {
  'v1/Namespace': { 1: ['metadata', OBJECT_META], 2: ['spec', { 1: ['finalizers', 'string', true] }] },
  'v1/Secret': {
    1: ['metadata', OBJECT_META],
    2: ['data', 'bytesMap'],
    3: ['type', 'string'],
    4: ['stringData', 'map'],
    5: ['immutable', 'optBool'],
  },
  'v1/ConfigMap': {
    1: ['metadata', OBJECT_META],
    2: ['data', 'map'],
    3: ['binaryData', 'bytesMap'],
    4: ['immutable', 'optBool'],
  },
  'v1/ServiceAccount': {
    1: ['metadata', OBJECT_META],
    2: ['secrets', OBJECT_REFERENCE, true],
    3: ['imagePullSecrets', LOCAL_REFERENCE, true],
    4: ['automountServiceAccountToken', 'optBool'],
  },
  'authentication.k8s.io/v1/TokenRequest': {
    1: ['metadata', OBJECT_META],
    2: [
      'spec',
      {
        1: ['audiences', 'string', true],
        3: [
          'boundObjectRef',
          { 1: ['kind', 'string'], 2: ['apiVersion', 'string'], 3: ['name', 'string'], 4: ['uid', 'string'] },
        ],
        4: ['expirationSeconds', 'optInt'],
      },
    ],
  },
  'authorization.k8s.io/v1/SelfSubjectAccessReview': {
    1: ['metadata', OBJECT_META],
    2: [
      'spec',
      {
        1: [
          'resourceAttributes',
          {
            1: ['namespace', 'string'],
            2: ['verb', 'string'],
            3: ['group', 'string'],
            4: ['version', 'string'],
            5: ['resource', 'string'],
            6: ['subresource', 'string'],
            7: ['name', 'string'],
          },
        ],
        2: ['nonResourceAttributes', { 1: ['path', 'string'], 2: ['verb', 'string'] }],
      },
    ],
  },
  'apps/v1/Deployment': {
    1: ['metadata', OBJECT_META],
    2: [
      'spec',
      {
        1: ['replicas', 'optInt'],
        2: ['selector', LABEL_SELECTOR],
        3: ['template', POD_TEMPLATE],
        4: ['strategy', { 1: ['type', 'string'], 2: ['rollingUpdate', ROLLING] }],
        5: ['minReadySeconds', 'int'],
        6: ['revisionHistoryLimit', 'optInt'],
        7: ['paused', 'bool'],
        9: ['progressDeadlineSeconds', 'optInt'],
      },
    ],
  },
  'meta.k8s.io/v1/DeleteOptions': DELETE_OPTIONS,
  'v1/DeleteOptions': DELETE_OPTIONS,
};
