import { createHash } from 'node:crypto';
import { groupVersion, type ResourceType } from '../api/resource-type.js';
import type { ResourceRegistry } from './resource-registry.js';

const PATCH_BODY_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/apply-patch+yaml',
];

function objectPath(type: ResourceType): string {
  const base = type.group ? `/apis/${type.group}/${type.version}` : `/api/${type.version}`;
  return type.namespaced
    ? `${base}/namespaces/{namespace}/${type.plural}/{name}`
    : `${base}/${type.plural}/{name}`;
}

function patchOperation(type: ResourceType): object {
  return {
    patch: {
      'x-kubernetes-group-version-kind': { group: type.group, version: type.version, kind: type.kind },
      'x-kubernetes-action': 'patch',
      parameters: ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((name) => ({
        name,
        in: 'query',
        schema: { type: name === 'force' ? 'boolean' : 'string' },
      })),
      requestBody: {
        content: Object.fromEntries(PATCH_BODY_TYPES.map((t) => [t, { schema: { type: 'object' } }])),
      },
      responses: { '200': { description: 'OK' } },
    },
  };
}

/**
 * The minimal OpenAPI v3 document of one group-version: a PATCH path per kind with the `fieldValidation` parameter
 * (what kubectl's query-param verifier reads). Strategic merge is deliberately not listed, so kubectl builds it from
 * its compiled-in types (contract §2.6).
 */
export function openApiV3GroupVersion(
  registry: ResourceRegistry,
  group: string,
  version: string,
): object | undefined {
  const types = registry.resourcesOf(group, version);
  if (!types) return undefined;
  const paths = Object.fromEntries(
    types.filter((t) => t.verbs.includes('patch')).map((t) => [objectPath(t), patchOperation(t)]),
  );
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.4' },
    components: { schemas: {} },
    paths,
  };
}

/** `GET /openapi/v3`: one entry per served GV, with a hash of its document so kubectl's HTTP cache stays fresh. */
export function openApiV3Root(registry: ResourceRegistry): object {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  const gvs = new Map<string, ResourceType>();
  for (const t of registry.all()) gvs.set(groupVersion(t), t);
  for (const t of gvs.values()) {
    const key = t.group ? `apis/${t.group}/${t.version}` : `api/${t.version}`;
    const doc = JSON.stringify(openApiV3GroupVersion(registry, t.group, t.version));
    const hash = createHash('sha512').update(doc).digest('hex').slice(0, 128).toUpperCase();
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hash}` };
  }
  return { paths };
}
