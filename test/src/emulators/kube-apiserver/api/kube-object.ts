/** Shapes shared by every part of the emulator: plain JSON Kubernetes objects. */

/** An owner reference as stored in `metadata.ownerReferences`. */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** ObjectMeta as JSON. Unknown keys are kept so round-trips never lose data. */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: OwnerReference[];
  managedFields?: unknown[];
  [key: string]: unknown;
}

/** Any Kubernetes object as JSON. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

/** The Kubernetes request verbs the emulator serves (plus `proxy`-less extras). */
export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

/** The standard verb set of a fully writable resource, in the order discovery lists them. */
export const ALL_VERBS: readonly Verb[] = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

/** A JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

/** True when `v` is a plain JSON object. */
export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep copy of a JSON value (objects in the emulator are JSON only). */
export function cloneJson<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Deep equality for JSON values; key order does not matter, keys holding `undefined` count as absent. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const aIsArray = Array.isArray(a);
  if (aIsArray !== Array.isArray(b)) return false;
  if (aIsArray) {
    const bo = b as unknown[];
    if (a.length !== bo.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], bo[i])) return false;
    return true;
  }
  return jsonObjectsEqual(a as JsonObject, b as JsonObject);
}

/** {@link jsonEqual} of two objects, ignoring the key `skip` when given (walks without copying). */
export function jsonObjectsEqual(a: JsonObject, b: JsonObject, skip?: string): boolean {
  let defined = 0;
  for (const k in a) {
    const v = a[k];
    if (v === undefined || k === skip) continue;
    if (!Object.prototype.hasOwnProperty.call(b, k) || !jsonEqual(v, b[k])) return false;
    defined++;
  }
  for (const k in b) if (b[k] !== undefined && k !== skip) defined--;
  return defined === 0;
}

let timestampSecond = NaN;
let timestampText = '';

/** Current time (or `date`) as an RFC 3339 UTC timestamp with second precision, as Kubernetes writes it. */
export function nowTimestamp(date?: Date): string {
  const ms = date ? date.getTime() : Date.now();
  const second = Math.floor(ms / 1000);
  if (second !== timestampSecond) {
    timestampText = new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    timestampSecond = second;
  }
  return timestampText;
}
