import { ALL_VERBS, type KubeObject, type Verb } from '../api/kube-object.js';
import type { KindStrategy, PrinterColumn, ResourceType } from '../api/resource-type.js';
import { crdStrategy } from '../crd/crd-strategy.js';
import { BUILTIN_COLUMNS } from '../printing/builtin-columns.js';
import { DEFAULT_COLUMNS, pick } from '../printing/common-columns.js';
import { configMapStrategy } from './config-map-strategy.js';
import { eventsV1Conversion } from './event-conversion.js';
import { coreEventStrategy, eventsV1Strategy } from './event-strategy.js';
import { genericStrategy } from './generic-strategy.js';
import { leaseStrategy } from './lease-strategy.js';
import { namespaceStrategy } from './namespace-strategy.js';
import { secretStrategy } from './secret-strategy.js';
import { workloadStrategy } from './workload-strategy.js';

type FieldLabels = ResourceType['fieldLabels'];

interface Spec {
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: boolean;
  strategy: KindStrategy;
  shortNames?: string[];
  categories?: string[];
  subresources?: string[];
  verbs?: readonly Verb[];
  fieldLabels?: FieldLabels;
  storageKey?: string;
  columns?: readonly PrinterColumn[];
  conversion?: ResourceType['conversion'];
  virtualCreate?: ResourceType['virtualCreate'];
}

function builtin(s: Spec): ResourceType {
  return {
    group: s.group,
    version: s.version,
    plural: s.plural,
    singular: s.kind.toLowerCase(),
    kind: s.kind,
    listKind: `${s.kind}List`,
    namespaced: s.namespaced,
    shortNames: s.shortNames ?? [],
    categories: s.categories ?? [],
    verbs: s.verbs ?? ALL_VERBS,
    subresources: s.subresources ?? [],
    storageKey: s.storageKey ?? `${s.group}/${s.plural}`,
    builtin: true,
    strategy: s.strategy,
    columns: s.columns ?? BUILTIN_COLUMNS[s.kind] ?? DEFAULT_COLUMNS,
    fieldLabels: s.fieldLabels ?? {},
    conversion: s.conversion,
    virtualCreate: s.virtualCreate,
  };
}

const str =
  (path: string) =>
  (o: KubeObject): string | undefined => {
    const v = pick(o, path);
    return v === undefined || v === null ? undefined : String(v);
  };

const EVENT_FIELDS: FieldLabels = {
  'involvedObject.kind': str('involvedObject.kind'),
  'involvedObject.namespace': str('involvedObject.namespace'),
  'involvedObject.name': str('involvedObject.name'),
  'involvedObject.uid': str('involvedObject.uid'),
  'involvedObject.apiVersion': str('involvedObject.apiVersion'),
  'involvedObject.resourceVersion': str('involvedObject.resourceVersion'),
  'involvedObject.fieldPath': str('involvedObject.fieldPath'),
  reason: str('reason'),
  reportingComponent: str('reportingComponent'),
  source: str('source.component'),
  type: str('type'),
};

const EVENTS_V1_FIELDS: FieldLabels = {
  ...EVENT_FIELDS,
  ...Object.fromEntries(
    ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'].map((f) => [
      `regarding.${f}`,
      str(`involvedObject.${f}`),
    ]),
  ),
  reportingController: str('reportingComponent'),
};

/** Create-only handlers of the review kinds, supplied by the server (they need the token issuer). */
export interface VirtualHandlers {
  readonly tokenReview: (body: KubeObject) => KubeObject | Promise<KubeObject>;
  readonly accessReview: (body: KubeObject) => KubeObject;
}

/** Every built-in type the emulator serves, in discovery order. */
export function builtinTypes(handlers: VirtualHandlers): ResourceType[] {
  const plain = genericStrategy();
  const createOnly: readonly Verb[] = ['create'];
  return [
    builtin({
      group: '',
      version: 'v1',
      plural: 'namespaces',
      kind: 'Namespace',
      namespaced: false,
      strategy: namespaceStrategy,
      shortNames: ['ns'],
      subresources: ['status', 'finalize'],
      fieldLabels: { 'status.phase': str('status.phase') },
    }),
    builtin({
      group: '',
      version: 'v1',
      plural: 'secrets',
      kind: 'Secret',
      namespaced: true,
      strategy: secretStrategy,
      fieldLabels: { type: str('type') },
    }),
    builtin({
      group: '',
      version: 'v1',
      plural: 'configmaps',
      kind: 'ConfigMap',
      namespaced: true,
      strategy: configMapStrategy,
      shortNames: ['cm'],
    }),
    builtin({
      group: '',
      version: 'v1',
      plural: 'serviceaccounts',
      kind: 'ServiceAccount',
      namespaced: true,
      strategy: plain,
      shortNames: ['sa'],
      subresources: ['token'],
    }),
    builtin({
      group: '',
      version: 'v1',
      plural: 'events',
      kind: 'Event',
      namespaced: true,
      strategy: coreEventStrategy,
      shortNames: ['ev'],
      fieldLabels: EVENT_FIELDS,
    }),
    builtin({
      group: '',
      version: 'v1',
      plural: 'resourcequotas',
      kind: 'ResourceQuota',
      namespaced: true,
      strategy: plain,
      shortNames: ['quota'],
      subresources: ['status'],
    }),
    builtin({
      group: '',
      version: 'v1',
      plural: 'limitranges',
      kind: 'LimitRange',
      namespaced: true,
      strategy: plain,
      shortNames: ['limits'],
    }),
    builtin({
      group: 'apps',
      version: 'v1',
      plural: 'deployments',
      kind: 'Deployment',
      namespaced: true,
      strategy: workloadStrategy('Deployment'),
      shortNames: ['deploy'],
      categories: ['all'],
      subresources: ['status'],
    }),
    builtin({
      group: 'apps',
      version: 'v1',
      plural: 'statefulsets',
      kind: 'StatefulSet',
      namespaced: true,
      strategy: workloadStrategy('StatefulSet'),
      shortNames: ['sts'],
      categories: ['all'],
      subresources: ['status'],
    }),
    builtin({
      group: 'apps',
      version: 'v1',
      plural: 'daemonsets',
      kind: 'DaemonSet',
      namespaced: true,
      strategy: workloadStrategy('DaemonSet'),
      shortNames: ['ds'],
      categories: ['all'],
      subresources: ['status'],
    }),
    builtin({
      group: 'events.k8s.io',
      version: 'v1',
      plural: 'events',
      kind: 'Event',
      namespaced: true,
      strategy: eventsV1Strategy,
      shortNames: ['ev'],
      storageKey: '/events',
      fieldLabels: EVENTS_V1_FIELDS,
      conversion: eventsV1Conversion,
      columns: BUILTIN_COLUMNS.Event,
    }),
    builtin({
      group: 'authentication.k8s.io',
      version: 'v1',
      plural: 'tokenreviews',
      kind: 'TokenReview',
      namespaced: false,
      strategy: plain,
      verbs: createOnly,
      virtualCreate: handlers.tokenReview,
    }),
    builtin({
      group: 'authorization.k8s.io',
      version: 'v1',
      plural: 'selfsubjectaccessreviews',
      kind: 'SelfSubjectAccessReview',
      namespaced: false,
      strategy: plain,
      verbs: createOnly,
      virtualCreate: handlers.accessReview,
    }),
    builtin({
      group: 'authorization.k8s.io',
      version: 'v1',
      plural: 'subjectaccessreviews',
      kind: 'SubjectAccessReview',
      namespaced: false,
      strategy: plain,
      verbs: createOnly,
      virtualCreate: handlers.accessReview,
    }),
    builtin({
      group: 'apiextensions.k8s.io',
      version: 'v1',
      plural: 'customresourcedefinitions',
      kind: 'CustomResourceDefinition',
      namespaced: false,
      strategy: crdStrategy,
      shortNames: ['crd', 'crds'],
      categories: ['api-extensions'],
      subresources: ['status'],
    }),
    builtin({
      group: 'coordination.k8s.io',
      version: 'v1',
      plural: 'leases',
      kind: 'Lease',
      namespaced: true,
      strategy: leaseStrategy,
    }),
  ];
}
