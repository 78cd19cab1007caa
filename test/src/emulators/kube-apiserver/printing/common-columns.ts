import type { KubeObject } from '../api/kube-object.js';
import type { PrinterColumn } from '../api/resource-type.js';
import { ageOf } from './human-duration.js';

const NAME_DESCRIPTION =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';
const AGE_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

/** The `Name` column every table starts with. */
export const NAME_COLUMN: PrinterColumn = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: NAME_DESCRIPTION,
  priority: 0,
  cell: (o) => o.metadata.name ?? '',
};

/** The `Age` column of built-in printers (a string cell). */
export const AGE_COLUMN: PrinterColumn = {
  name: 'Age',
  type: 'string',
  description: AGE_DESCRIPTION,
  priority: 0,
  cell: (o, now) => ageOf(o.metadata.creationTimestamp, now),
};

/** The `Created At` column of the default table convertor (an RFC 3339 cell). */
export const CREATED_AT_COLUMN: PrinterColumn = {
  name: 'Created At',
  type: 'date',
  description: AGE_DESCRIPTION,
  priority: 0,
  cell: (o) => o.metadata.creationTimestamp ?? null,
};

/** A string column reading one value. */
export function column(
  name: string,
  cell: (o: KubeObject, now: number) => unknown,
  options: { priority?: number; type?: PrinterColumn['type']; description?: string } = {},
): PrinterColumn {
  return {
    name,
    type: options.type ?? 'string',
    description: options.description ?? name,
    priority: options.priority ?? 0,
    cell,
  };
}

/** Reads a nested value by dotted path. */
export function pick(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** The default columns when a kind has no printer: Name, Created At. */
export const DEFAULT_COLUMNS: readonly PrinterColumn[] = [NAME_COLUMN, CREATED_AT_COLUMN];
