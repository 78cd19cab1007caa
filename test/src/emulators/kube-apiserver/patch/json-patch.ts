import jsonpatch from 'fast-json-patch';
import { ApiError, badRequest } from '../api/api-error.js';

type Operation = Parameters<typeof jsonpatch.applyPatch>[1][number];

const REASON_TEXT: Record<string, string> = {
  OPERATION_PATH_UNRESOLVABLE: 'doc is missing path',
  TEST_OPERATION_FAILED: 'testing value failed',
  OPERATION_FROM_UNRESOLVABLE: 'doc is missing from path',
  OPERATION_VALUE_REQUIRED: 'missing value',
  OPERATION_PATH_ILLEGAL_ARRAY_INDEX: 'invalid array index',
  OPERATION_VALUE_OUT_OF_BOUNDS: 'array index out of bounds',
};

function rejected(detail: string): ApiError {
  return new ApiError(422, 'Invalid', 'the server rejected our request due to an error in our request', {
    causes: [{ reason: 'UnexpectedServerResponse', message: detail }],
  });
}

/**
 * RFC 6902 JSON patch. A malformed body is a 400; an operation that cannot apply (missing path, failed `test`) is
 * the 422 the real server returns.
 */
export function applyJsonPatch(target: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch))
    throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  for (const op of patch as Array<Record<string, unknown>>) {
    if (typeof op !== 'object' || op === null || typeof op.op !== 'string' || typeof op.path !== 'string') {
      throw badRequest(`the request contains an invalid JSON patch operation: ${JSON.stringify(op)}`);
    }
    if (!['add', 'remove', 'replace', 'move', 'copy', 'test'].includes(op.op))
      throw badRequest(`Unexpected kind: ${op.op}`);
  }
  try {
    return jsonpatch.applyPatch(target, patch as Operation[], true, false).newDocument;
  } catch (err) {
    const e = err as { name?: string; operation?: { op?: string; path?: string } };
    const reason = (e.name && REASON_TEXT[e.name]) || 'invalid operation';
    throw rejected(
      `${e.operation?.op ?? 'patch'} operation does not apply: ${reason}: ${e.operation?.path ?? ''}`,
    );
  }
}
