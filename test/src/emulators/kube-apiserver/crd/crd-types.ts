import { JSONPath } from 'jsonpath-plus';
import { ALL_VERBS, type KubeObject } from '../api/kube-object.js';
import type { ResourceType } from '../api/resource-type.js';
import { customResourceColumns } from '../printing/custom-columns.js';
import type { CrdObject, CrdVersion } from './crd-shape.js';
import { customResourceStrategy } from './custom-resource-strategy.js';

function selectableFieldGetters(
  version: CrdVersion,
): Record<string, (obj: KubeObject) => string | undefined> {
  const out: Record<string, (obj: KubeObject) => string | undefined> = {};
  for (const { jsonPath } of version.selectableFields ?? []) {
    const label = jsonPath.replace(/^\./, '');
    out[label] = (obj) => {
      const found = JSONPath({ path: `$.${label}`, json: obj, wrap: true }) as unknown[];
      return found.length > 0 && found[0] !== null && found[0] !== undefined ? String(found[0]) : undefined;
    };
  }
  return out;
}

/** The resource types a CRD serves: one per served version, all sharing one storage bucket. */
export function resourceTypesOf(crd: CrdObject, crdTerminating: () => boolean): ResourceType[] {
  const { group, names, scope, versions } = crd.spec;
  return versions
    .filter((v) => v.served)
    .map((v): ResourceType => ({
      group,
      version: v.name,
      plural: names.plural,
      singular: names.singular ?? names.kind.toLowerCase(),
      kind: names.kind,
      listKind: names.listKind ?? `${names.kind}List`,
      namespaced: scope === 'Namespaced',
      shortNames: names.shortNames ?? [],
      categories: names.categories ?? [],
      verbs: ALL_VERBS,
      subresources: v.subresources?.status ? ['status'] : [],
      storageKey: `${group}/${names.plural}`,
      builtin: false,
      strategy: customResourceStrategy({
        group,
        kind: names.kind,
        version: v.name,
        schema: v.schema?.openAPIV3Schema,
        crdTerminating,
      }),
      columns: customResourceColumns(v.additionalPrinterColumns),
      fieldLabels: selectableFieldGetters(v),
      crdName: crd.metadata.name,
    }));
}
