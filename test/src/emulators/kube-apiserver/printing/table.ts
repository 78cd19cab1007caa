import type { KubeObject } from '../api/kube-object.js';
import type { ResourceType } from '../api/resource-type.js';

/** `includeObject` of a Table request. */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** The Table version a request's Accept asks for, or undefined for plain JSON. */
export function requestedTableVersion(accept: string | undefined): 'v1' | 'v1beta1' | undefined {
  if (!accept || !accept.includes('as=Table')) return undefined;
  for (const part of accept.split(',')) {
    const params = new Map(
      part
        .split(';')
        .slice(1)
        .map((p) => p.trim().split('=') as [string, string]),
    );
    if (params.get('as') === 'Table' && params.get('g') === 'meta.k8s.io') {
      const v = params.get('v');
      if (v === 'v1' || v === 'v1beta1') return v;
    }
  }
  return undefined;
}

function rowObject(obj: KubeObject, include: IncludeObject, version: string): unknown {
  if (include === 'Object') return obj;
  return { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${version}`, metadata: obj.metadata };
}

/** Options of a Table reply. */
export interface TableOptions {
  readonly version: 'v1' | 'v1beta1';
  readonly includeObject: IncludeObject;
  readonly resourceVersion: string;
  readonly continueToken?: string;
}

/** Builds a `meta.k8s.io` Table for objects of one type (server-side printing for `kubectl get`). */
export function buildTable(
  type: ResourceType,
  objects: readonly KubeObject[],
  options: TableOptions,
): Record<string, unknown> {
  const now = Date.now();
  const metadata: Record<string, string> = { resourceVersion: options.resourceVersion };
  if (options.continueToken) metadata.continue = options.continueToken;
  return {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${options.version}`,
    metadata,
    columnDefinitions: type.columns.map((c) => ({
      name: c.name,
      type: c.type,
      format: c.format ?? '',
      description: c.description,
      priority: c.priority,
    })),
    rows: objects.map((o) => {
      const row: Record<string, unknown> = { cells: type.columns.map((c) => c.cell(o, now) ?? null) };
      if (options.includeObject !== 'None') row.object = rowObject(o, options.includeObject, options.version);
      return row;
    }),
  };
}
