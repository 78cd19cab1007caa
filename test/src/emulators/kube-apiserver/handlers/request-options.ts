import { badRequest } from '../api/api-error.js';
import { isJsonObject } from '../api/kube-object.js';
import type { FieldValidation } from '../api/resource-type.js';
import type { DeleteRequest, PropagationPolicy } from '../objects/delete-object.js';
import type { WriteOptions } from '../objects/write-options.js';

/** Parses JSON or answers 400 like the decoder does. */
export function parseJsonBody(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw badRequest(`couldn't get version/kind; json parse error: ${(err as Error).message}`);
  }
}

function dryRunOf(values: readonly string[]): boolean {
  for (const v of values)
    if (v !== 'All') throw badRequest(`dryRun: Unsupported value: "${v}": supported values: "All"`);
  return values.length > 0;
}

/** `dryRun` and `fieldValidation` of create/update/patch (with `warnings` to collect). */
export function writeOptionsOf(
  query: URLSearchParams,
): WriteOptions & { warnings: string[]; fieldManager?: string } {
  const fv = query.get('fieldValidation') ?? 'Warn';
  const allowed: FieldValidation[] = ['Strict', 'Warn', 'Ignore'];
  if (!allowed.includes(fv as FieldValidation))
    throw badRequest(
      `fieldValidation: Unsupported value: "${fv}": supported values: "Ignore", "Strict", "Warn"`,
    );
  return {
    dryRun: dryRunOf(query.getAll('dryRun')),
    fieldValidation: fv as FieldValidation,
    warnings: [],
    fieldManager: query.get('fieldManager') ?? undefined,
  };
}

function policyOf(options: Record<string, unknown>): PropagationPolicy | undefined {
  if (typeof options.propagationPolicy === 'string' && options.propagationPolicy)
    return options.propagationPolicy as PropagationPolicy;
  if (options.orphanDependents === true || options.orphanDependents === 'true') return 'Orphan';
  if (options.orphanDependents === false || options.orphanDependents === 'false') return 'Background';
  return undefined;
}

/** DeleteOptions from the query and an optional decoded body (body values win). */
export function deleteOptionsOf(
  query: URLSearchParams,
  decoded: unknown,
): Pick<DeleteRequest, 'propagationPolicy' | 'preconditions' | 'dryRun'> {
  const fromQuery: Record<string, unknown> = {
    propagationPolicy: query.get('propagationPolicy') ?? undefined,
    orphanDependents: query.get('orphanDependents') ?? undefined,
    dryRun: query.getAll('dryRun'),
  };
  const body = decoded ?? {};
  if (!isJsonObject(body)) throw badRequest('DeleteOptions must be a JSON object');
  const merged: Record<string, unknown> = {
    ...fromQuery,
    ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && v !== null)),
  };
  const dryRun = Array.isArray(merged.dryRun) ? dryRunOf(merged.dryRun as string[]) : false;
  const pre = isJsonObject(merged.preconditions)
    ? (merged.preconditions as DeleteRequest['preconditions'])
    : undefined;
  return { propagationPolicy: policyOf(merged), preconditions: pre, dryRun };
}

/** A positive integer query parameter, or undefined. */
export function positiveInt(query: URLSearchParams, name: string): number | undefined {
  const v = query.get(name);
  if (v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw badRequest(`${name}: Invalid value: "${v}": must be a non-negative integer`);
  return n === 0 ? undefined : n;
}
