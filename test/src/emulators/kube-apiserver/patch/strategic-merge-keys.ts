/**
 * The patch strategies of the built-in fields the emulator serves (from the Go types' `patchStrategy` and
 * `patchMergeKey` tags). Paths use `[]` for "each element of a list". Fields not listed are replaced, like in
 * merge patch.
 */
export interface ListStrategy {
  /** Merge key for lists of objects; absent for primitive lists merged as sets. */
  readonly mergeKey?: string;
}

const POD_SPEC: Record<string, ListStrategy> = {
  containers: { mergeKey: 'name' },
  initContainers: { mergeKey: 'name' },
  ephemeralContainers: { mergeKey: 'name' },
  'containers[].env': { mergeKey: 'name' },
  'containers[].ports': { mergeKey: 'containerPort' },
  'containers[].volumeMounts': { mergeKey: 'mountPath' },
  'containers[].volumeDevices': { mergeKey: 'devicePath' },
  'initContainers[].env': { mergeKey: 'name' },
  'initContainers[].ports': { mergeKey: 'containerPort' },
  'initContainers[].volumeMounts': { mergeKey: 'mountPath' },
  volumes: { mergeKey: 'name' },
  imagePullSecrets: { mergeKey: 'name' },
  hostAliases: { mergeKey: 'ip' },
};

const COMMON: Record<string, ListStrategy> = {
  'metadata.finalizers': {},
  'metadata.ownerReferences': { mergeKey: 'uid' },
  'status.conditions': { mergeKey: 'type' },
};

function withPrefix(prefix: string, table: Record<string, ListStrategy>): Record<string, ListStrategy> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [`${prefix}.${k}`, v]));
}

const WORKLOAD = {
  ...withPrefix('spec.template.spec', POD_SPEC),
  'spec.template.metadata.finalizers': {},
  'spec.template.metadata.ownerReferences': { mergeKey: 'uid' },
};

const BY_KIND: Record<string, Record<string, ListStrategy>> = {
  Deployment: WORKLOAD,
  StatefulSet: { ...WORKLOAD, 'spec.volumeClaimTemplates': { mergeKey: 'name' } },
  DaemonSet: WORKLOAD,
  ServiceAccount: { secrets: { mergeKey: 'name' }, imagePullSecrets: { mergeKey: 'name' } },
};

/** The strategy for a list at `path` (dotted, `[]` after list fields) of `kind`, or undefined to replace it. */
export function listStrategy(kind: string, path: string): ListStrategy | undefined {
  return COMMON[path] ?? BY_KIND[kind]?.[path];
}
