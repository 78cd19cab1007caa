import type { FieldError } from '../api/field-error.js';
import { isJsonObject } from '../api/kube-object.js';
import { dns1123Label, dns1123Subdomain } from '../objects/name-rules.js';
import type { CrdObject } from './crd-shape.js';

function validateNames(crd: CrdObject): FieldError[] {
  const names = crd.spec.names;
  if (!isJsonObject(names)) return [{ type: 'Required', field: 'spec.names' }];
  const errs: FieldError[] = [];
  if (!names.plural) errs.push({ type: 'Required', field: 'spec.names.plural' });
  else
    for (const p of dns1123Label(names.plural))
      errs.push({ type: 'Invalid', field: 'spec.names.plural', value: names.plural, detail: p });
  if (!names.kind) errs.push({ type: 'Required', field: 'spec.names.kind' });
  if (names.singular)
    for (const p of dns1123Label(names.singular))
      errs.push({ type: 'Invalid', field: 'spec.names.singular', value: names.singular, detail: p });
  return errs;
}

function validateVersions(crd: CrdObject): FieldError[] {
  const versions = crd.spec.versions;
  if (!Array.isArray(versions) || versions.length === 0)
    return [
      {
        type: 'Invalid',
        field: 'spec.versions',
        value: versions ?? null,
        detail: 'must have exactly one version marked as storage version',
      },
    ];
  const errs: FieldError[] = [];
  if (versions.filter((v) => v.storage).length !== 1)
    errs.push({
      type: 'Invalid',
      field: 'spec.versions',
      value: versions.map((v) => v.name),
      detail: 'must have exactly one version marked as storage version',
    });
  versions.forEach((v, i) => {
    if (!v.name) errs.push({ type: 'Required', field: `spec.versions[${i}].name` });
    const schema = v.schema?.openAPIV3Schema;
    if (v.served && !schema)
      errs.push({
        type: 'Required',
        field: `spec.versions[${i}].schema.openAPIV3Schema`,
        detail: 'schemas are required',
      });
    else if (schema && schema.type !== 'object')
      errs.push({
        type: 'Required',
        field: `spec.versions[${i}].schema.openAPIV3Schema.type`,
        detail: 'must not be empty at the root',
      });
  });
  return errs;
}

/** CRD validation: name = plural.group, group with a dot, scope, names, exactly one storage version, schemas. */
export function validateCrd(crd: CrdObject): FieldError[] {
  const spec = crd.spec;
  if (!isJsonObject(spec)) return [{ type: 'Required', field: 'spec' }];
  const errs: FieldError[] = [];
  if (!spec.group) errs.push({ type: 'Required', field: 'spec.group' });
  else {
    for (const p of dns1123Subdomain(spec.group))
      errs.push({ type: 'Invalid', field: 'spec.group', value: spec.group, detail: p });
    if (!spec.group.includes('.'))
      errs.push({
        type: 'Invalid',
        field: 'spec.group',
        value: spec.group,
        detail: 'should be a domain with at least one dot',
      });
  }
  if (spec.scope !== 'Namespaced' && spec.scope !== 'Cluster')
    errs.push({
      type: 'NotSupported',
      field: 'spec.scope',
      value: spec.scope ?? '',
      detail: 'supported values: "Cluster", "Namespaced"',
    });
  errs.push(...validateNames(crd), ...validateVersions(crd));
  if (
    isJsonObject(spec.names) &&
    spec.names.plural &&
    spec.group &&
    crd.metadata.name !== `${spec.names.plural}.${spec.group}`
  ) {
    errs.push({
      type: 'Invalid',
      field: 'metadata.name',
      value: crd.metadata.name,
      detail: 'must be spec.names.plural+"."+spec.group',
    });
  }
  return errs;
}
