/** Checks on a SecretStore / ClusterSecretStore spec beyond its schema (ESO webhook, §A.9). */
import type { SecretStoreSpec } from '../api/v1/secret-store.js';
import { checkGoDuration } from './formats.js';
import { joinPath, type SchemaProblem } from './problem.js';

/** Checks a store spec at `path`. Namespace regexes are compiled by the schema's RE2 format check. */
export function checkSecretStoreSpec(spec: SecretStoreSpec, path: string): SchemaProblem[] {
  if (typeof spec !== 'object' || spec === null) return [];
  const interval = spec.refreshInterval;
  const at = joinPath(path, 'refreshInterval');
  if (typeof interval === 'number' && interval < 0) return [{ path: at, message: 'must not be negative' }];
  if (typeof interval === 'string') {
    const problem = /^\d+$/.test(interval) ? undefined : checkGoDuration(interval);
    if (problem) return [{ path: at, message: problem }];
  }
  return [];
}
