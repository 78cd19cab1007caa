import { JSONPath } from 'jsonpath-plus';
import type { KubeObject } from '../api/kube-object.js';
import type { PrinterColumn } from '../api/resource-type.js';
import { CREATED_AT_COLUMN, NAME_COLUMN } from './common-columns.js';
import { ageOf } from './human-duration.js';

/** A CRD `additionalPrinterColumns` entry. */
export interface CrdPrinterColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
  jsonPath: string;
}

function firstResult(obj: KubeObject, jsonPath: string): unknown {
  const path = jsonPath.startsWith('$')
    ? jsonPath
    : `$${jsonPath.startsWith('.') || jsonPath.startsWith('[') ? '' : '.'}${jsonPath}`;
  try {
    const results = JSONPath({ path, json: obj, wrap: true }) as unknown[];
    return results.length > 0 ? results[0] : undefined;
  } catch {
    return undefined;
  }
}

/** `cellForJSONValue` of apiextensions' table convertor; strings print any value as JSONPath would. */
function cellFor(type: string, value: unknown, now: number): unknown {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date':
      return typeof value === 'string' ? ageOf(value, now) : null;
    case 'string':
      return typeof value === 'string'
        ? value
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
    default:
      return null;
  }
}

/** Table columns of a CRD version: Name, then each printer column; with none, Name and Age (type date). */
export function customResourceColumns(columns: readonly CrdPrinterColumn[] | undefined): PrinterColumn[] {
  if (!columns || columns.length === 0) {
    return [
      NAME_COLUMN,
      { ...CREATED_AT_COLUMN, name: 'Age', cell: (o, now) => ageOf(o.metadata.creationTimestamp, now) },
    ];
  }
  return [
    NAME_COLUMN,
    ...columns.map((c): PrinterColumn => ({
      name: c.name,
      type: (['string', 'integer', 'number', 'boolean', 'date'].includes(c.type)
        ? c.type
        : 'string') as PrinterColumn['type'],
      format: c.format,
      description: c.description ?? `Custom resource definition column (in JSONPath format): ${c.jsonPath}`,
      priority: c.priority ?? 0,
      cell: (o, now) => cellFor(c.type, firstResult(o, c.jsonPath), now),
    })),
  ];
}
