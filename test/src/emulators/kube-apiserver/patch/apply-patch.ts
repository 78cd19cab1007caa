import { parse as parseYaml } from 'yaml';
import { badRequest, invalid, unsupportedMediaType } from '../api/api-error.js';
import { isJsonObject, type KubeObject } from '../api/kube-object.js';
import type { ResourceType } from '../api/resource-type.js';
import { applyJsonPatch } from './json-patch.js';
import { applyMergePatch } from './merge-patch.js';
import { applyStrategicMergePatch } from './strategic-merge-patch.js';

/** The four patch flavours, by request Content-Type. */
export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

const MEDIA: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};

/** Media types a resource accepts for PATCH (custom resources refuse strategic merge). */
export function acceptedPatchMediaTypes(type: ResourceType): string[] {
  return type.builtin
    ? [
        'application/json-patch+json',
        'application/merge-patch+json',
        'application/apply-patch+yaml',
        'application/strategic-merge-patch+json',
      ]
    : ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml'];
}

/** The patch type of a request, or a 415 ApiError. */
export function patchTypeOf(type: ResourceType, contentType: string | undefined): PatchType {
  const media = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const patchType = MEDIA[media];
  if (!patchType || (patchType === 'strategic' && !type.builtin))
    throw unsupportedMediaType(acceptedPatchMediaTypes(type));
  return patchType;
}

function decode(patchType: PatchType, raw: string): unknown {
  try {
    return patchType === 'apply' ? parseYaml(raw) : JSON.parse(raw);
  } catch (err) {
    throw badRequest(`error decoding patch: ${(err as Error).message}`);
  }
}

/** Applies a server-side apply intent (simplified: always forced, no managed fields). */
function applyIntent(type: ResourceType, current: KubeObject, intent: unknown): KubeObject {
  if (!isJsonObject(intent))
    throw badRequest('error decoding patch: the apply configuration must be an object');
  return (
    type.builtin ? applyStrategicMergePatch(type.kind, current, intent) : applyMergePatch(current, intent)
  ) as KubeObject;
}

/** Checks the field manager is present for server-side apply. */
export function requireFieldManager(patchType: PatchType, fieldManager: string | undefined): void {
  if (patchType === 'apply' && !fieldManager) {
    throw invalid({ group: 'meta.k8s.io', kind: 'PatchOptions' }, '', [
      { type: 'Required', field: 'fieldManager', detail: 'is required for apply patch' },
    ]);
  }
}

/** Parses a raw patch body (for apply: the intent, used when creating). */
export function decodePatch(patchType: PatchType, raw: string): unknown {
  return decode(patchType, raw);
}

/** Applies a decoded patch to a copy of the current object. */
export function applyPatch(
  type: ResourceType,
  patchType: PatchType,
  current: KubeObject,
  patch: unknown,
): KubeObject {
  switch (patchType) {
    case 'json':
      return applyJsonPatch(current, patch) as KubeObject;
    case 'merge':
      if (!isJsonObject(patch)) throw badRequest('error decoding patch: merge patch must be a JSON object');
      return applyMergePatch(current, patch) as KubeObject;
    case 'strategic':
      if (!isJsonObject(patch))
        throw badRequest('error decoding patch: strategic merge patch must be a JSON object');
      return applyStrategicMergePatch(type.kind, current, patch) as KubeObject;
    case 'apply':
      return applyIntent(type, current, patch);
  }
}
