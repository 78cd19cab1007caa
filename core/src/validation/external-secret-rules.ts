/**
 * The rules ESO's admission webhook enforces on an ExternalSecret spec (eso-behaviour.md §A.9), plus
 * what would otherwise fail only at run time in Tessera: a data entry with no store, a JSON merge
 * without `into`, and features Tessera does not implement (generators, generic targets).
 *
 * Unsupported features are errors: the manifest is valid for ESO, but Tessera would never sync it,
 * and `tessera validate` exists to catch that before deployment.
 */
import type { ExternalSecretSpec } from '../api/v1/external-secret.js';
import { indexPath, joinPath, type SchemaProblem } from './problem.js';

const GENERATORS_UNSUPPORTED =
  'generators are not supported by Tessera; read the value from a SecretStore instead';
const SECRET_TEMPLATE_TARGETS = ['data', 'annotations', 'labels'];

/** Checks an ExternalSecret spec found at `path` (`spec`, or `spec.externalSecretSpec` in a ClusterExternalSecret). */
export function checkExternalSecretSpec(spec: ExternalSecretSpec, path: string): SchemaProblem[] {
  if (typeof spec !== 'object' || spec === null) return [];
  return [
    ...checkHasData(spec, path),
    ...checkPolicies(spec, joinPath(path, 'target')),
    ...checkTemplate(spec, joinPath(path, 'target')),
    ...checkDataEntries(spec, path),
    ...checkDataFromEntries(spec, path),
  ];
}

function checkHasData(spec: ExternalSecretSpec, path: string): SchemaProblem[] {
  const empty = (list: unknown) => !Array.isArray(list) || list.length === 0;
  return empty(spec.data) && empty(spec.dataFrom)
    ? [{ path, message: 'either data or dataFrom must be set' }]
    : [];
}

function checkPolicies(spec: ExternalSecretSpec, path: string): SchemaProblem[] {
  const creation = spec.target?.creationPolicy ?? 'Owner';
  const deletion = spec.target?.deletionPolicy ?? 'Retain';
  const at = joinPath(path, 'deletionPolicy');
  if (deletion === 'Delete' && ['Merge', 'None', 'CreateOrMerge'].includes(creation)) {
    return [{ path: at, message: `Delete is not allowed with creationPolicy ${creation}` }];
  }
  if (deletion === 'Merge' && creation === 'None')
    return [{ path: at, message: 'Merge is not allowed with creationPolicy None' }];
  return [];
}

function checkTemplate(spec: ExternalSecretSpec, path: string): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  if (spec.target?.manifest) {
    problems.push({
      path: joinPath(path, 'manifest'),
      message: 'generic targets are not supported by Tessera; it writes Secrets only',
    });
  }
  const template = spec.target?.template;
  if (!template) return problems;
  const typePath = joinPath(joinPath(path, 'template'), 'type');
  const saName = template.metadata?.annotations?.['kubernetes.io/service-account.name'];
  if (template.type === 'kubernetes.io/service-account-token' && saName !== undefined) {
    problems.push({
      path: typePath,
      message: 'a service-account-token Secret naming a ServiceAccount is not allowed',
    });
  }
  if (template.type === 'bootstrap.kubernetes.io/token')
    problems.push({ path: typePath, message: 'bootstrap token Secrets are not allowed' });
  if (!spec.target?.manifest) {
    (template.templateFrom ?? []).forEach((entry, i) => {
      if (
        entry?.target !== undefined &&
        !SECRET_TEMPLATE_TARGETS.includes(String(entry.target).toLowerCase())
      ) {
        const at = joinPath(indexPath(joinPath(joinPath(path, 'template'), 'templateFrom'), i), 'target');
        problems.push({
          path: at,
          message: `must be Data, Annotations or Labels for a Secret target (got ${JSON.stringify(entry.target)})`,
        });
      }
    });
  }
  return problems;
}

function hasDefaultStore(spec: ExternalSecretSpec): boolean {
  return typeof spec.secretStoreRef?.name === 'string' && spec.secretStoreRef.name !== '';
}

function checkDataEntries(spec: ExternalSecretSpec, path: string): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Map<string, number>();
  const retain = (spec.target?.deletionPolicy ?? 'Retain') === 'Retain';
  (spec.data ?? []).forEach((entry, i) => {
    const at = indexPath(joinPath(path, 'data'), i);
    if (typeof entry !== 'object' || entry === null) return;
    if (entry.sourceRef?.generatorRef) {
      problems.push({
        path: joinPath(joinPath(at, 'sourceRef'), 'generatorRef'),
        message: 'generatorRef is not supported in data[]; use dataFrom with a store',
      });
    } else if (!entry.sourceRef?.storeRef?.name && !hasDefaultStore(spec)) {
      problems.push({
        path: at,
        message: "no store: set spec.secretStoreRef.name or this entry's sourceRef.storeRef.name",
      });
    }
    const key = entry.secretKey;
    if (retain && typeof key === 'string') {
      const first = seen.get(key);
      if (first !== undefined)
        problems.push({
          path: joinPath(at, 'secretKey'),
          message: `duplicate secretKey "${key}" (also in data[${first}])`,
        });
      else seen.set(key, i);
    }
  });
  return problems;
}

function checkDataFromEntries(spec: ExternalSecretSpec, path: string): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  (spec.dataFrom ?? []).forEach((entry, i) => {
    const at = indexPath(joinPath(path, 'dataFrom'), i);
    if (typeof entry !== 'object' || entry === null) return;
    const generator = entry.sourceRef?.generatorRef !== undefined;
    const sources = [entry.extract !== undefined, entry.find !== undefined, generator].filter(Boolean).length;
    if (sources !== 1)
      problems.push({
        path: at,
        message: 'exactly one of extract, find or sourceRef.generatorRef must be set',
      });
    if (generator)
      problems.push({
        path: joinPath(joinPath(at, 'sourceRef'), 'generatorRef'),
        message: GENERATORS_UNSUPPORTED,
      });
    else if (sources === 1 && !entry.sourceRef?.storeRef?.name && !hasDefaultStore(spec)) {
      problems.push({
        path: at,
        message: "no store: set spec.secretStoreRef.name or this entry's sourceRef.storeRef.name",
      });
    }
    (entry.rewrite ?? []).forEach((rewrite, r) => {
      const merge = rewrite?.merge;
      if (merge?.strategy === 'JSON' && !merge.into) {
        problems.push({
          path: joinPath(joinPath(indexPath(joinPath(at, 'rewrite'), r), 'merge'), 'into'),
          message: 'required when strategy is JSON',
        });
      }
    });
  });
  return problems;
}
