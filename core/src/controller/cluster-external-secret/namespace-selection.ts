/**
 * Which namespaces a ClusterExternalSecret targets: every namespace matched by any of
 * `namespaceSelectors` or the deprecated `namespaceSelector`, plus the deprecated `namespaces` names
 * that exist. An empty selector (`{}`) matches every namespace; no selectors and no names match none.
 */
import type { ClusterExternalSecretSpec } from '../../api/v1/cluster-external-secret.js';
import type { KubeObject } from '../../kube/kube-port.js';
import { matchesLabelSelector, type LabelSelectorLike } from '../../provider/label-selector.js';

/** The namespaces to provision, and matched ones that are being deleted (left alone). */
export interface NamespaceSelection {
  /** Sorted names of live matching namespaces. */
  readonly selected: readonly string[];
  /** Sorted names of matching namespaces with a deletionTimestamp. */
  readonly terminating: readonly string[];
}

/** Selects namespaces for `spec` from all known Namespace objects. */
export function selectNamespaces(
  spec: ClusterExternalSecretSpec,
  namespaces: readonly KubeObject[],
): NamespaceSelection {
  const selectors: LabelSelectorLike[] = [
    ...(spec.namespaceSelector ? [spec.namespaceSelector] : []),
    ...(spec.namespaceSelectors ?? []),
  ];
  const names = new Set(spec.namespaces ?? []);
  const selected: string[] = [];
  const terminating: string[] = [];
  for (const namespace of namespaces) {
    const name = namespace.metadata.name ?? '';
    const labels = namespace.metadata.labels ?? {};
    if (!names.has(name) && !selectors.some((selector) => matchesLabelSelector(selector, labels))) continue;
    (namespace.metadata.deletionTimestamp ? terminating : selected).push(name);
  }
  return { selected: selected.sort(), terminating: terminating.sort() };
}

/** Whether a namespace with these labels/name could be selected by `spec` (used to route Namespace events). */
export function mightSelect(spec: ClusterExternalSecretSpec, namespace: KubeObject): boolean {
  return (
    selectNamespaces(spec, [
      { ...namespace, metadata: { ...namespace.metadata, deletionTimestamp: undefined } },
    ]).selected.length > 0
  );
}
