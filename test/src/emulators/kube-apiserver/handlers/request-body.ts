import { parse as parseYaml } from 'yaml';
import { badRequest } from '../api/api-error.js';
import { decodeKubernetesProtobuf, PROTOBUF_MEDIA_TYPE } from '../protobuf/decode-protobuf.js';
import { parseJsonBody } from './request-options.js';
import type { ResourceScope } from './resource-scope.js';

/** A decoded request body and its JSON text (for error messages). */
export interface DecodedBody {
  readonly value: unknown;
  readonly raw: string;
}

/**
 * Decodes a create/update/delete body by Content-Type: JSON (the default), YAML, or Kubernetes protobuf (which
 * kubectl's typed commands such as `kubectl create secret` send).
 */
export async function decodeBody(scope: Pick<ResourceScope, 'req' | 'bodyBytes'>): Promise<DecodedBody> {
  const media = (scope.req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const bytes = await scope.bodyBytes();
  if (media === PROTOBUF_MEDIA_TYPE) {
    const value = decodeKubernetesProtobuf(bytes);
    return { value, raw: JSON.stringify(value) };
  }
  const raw = bytes.toString('utf8');
  if (media === 'application/yaml') {
    try {
      return { value: parseYaml(raw) as unknown, raw };
    } catch (err) {
      throw badRequest(`error converting YAML to JSON: ${(err as Error).message}`);
    }
  }
  return { value: raw.trim() === '' ? undefined : parseJsonBody(raw), raw };
}
