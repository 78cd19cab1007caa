/** Checks on a PushSecret spec beyond its schema: ESO's CEL rules and unsupported generators. */
import type { PushSecretSpec } from '../api/v1/push-secret.js';
import { indexPath, joinPath, type SchemaProblem } from './problem.js';

/** Checks a PushSecret spec at `path`. */
export function checkPushSecretSpec(spec: PushSecretSpec, path: string): SchemaProblem[] {
  if (typeof spec !== 'object' || spec === null) return [];
  const problems: SchemaProblem[] = [];
  if (spec.selector?.generatorRef) {
    problems.push({
      path: joinPath(joinPath(path, 'selector'), 'generatorRef'),
      message: 'generators are not supported by Tessera; push an existing Secret with selector.secret',
    });
  }
  (spec.secretStoreRefs ?? []).forEach((ref, i) => {
    if (ref && !ref.name && !ref.labelSelector) {
      problems.push({
        path: indexPath(joinPath(path, 'secretStoreRefs'), i),
        message: 'either name or labelSelector must be set',
      });
    }
  });
  (spec.dataTo ?? []).forEach((entry, i) => {
    const at = indexPath(joinPath(path, 'dataTo'), i);
    if (!entry?.storeRef || (!entry.storeRef.name && !entry.storeRef.labelSelector)) {
      problems.push({
        path: joinPath(at, 'storeRef'),
        message: 'storeRef must specify either name or labelSelector',
      });
    }
    (entry?.rewrite ?? []).forEach((rewrite, r) => {
      if (rewrite && (rewrite.regexp === undefined) === (rewrite.transform === undefined)) {
        problems.push({
          path: indexPath(joinPath(at, 'rewrite'), r),
          message: 'exactly one of regexp or transform must be set',
        });
      }
    });
  });
  return problems;
}
