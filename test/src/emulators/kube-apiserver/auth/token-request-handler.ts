import { badRequest, invalid, notFound } from '../api/api-error.js';
import type { FieldError } from '../api/field-error.js';
import { isJsonObject } from '../api/kube-object.js';
import type { ResourceScope } from '../handlers/resource-scope.js';
import { decodeBody } from '../handlers/request-body.js';
import { sendJson } from '../server/http-io.js';

interface TokenRequestSpec {
  audiences?: string[];
  expirationSeconds?: number;
  boundObjectRef?: { kind: string; apiVersion?: string; name: string; uid?: string } | null;
}

function validateSpec(spec: TokenRequestSpec): FieldError[] {
  const errs: FieldError[] = [];
  const exp = spec.expirationSeconds;
  if (exp !== undefined && exp < 600)
    errs.push({
      type: 'Invalid',
      field: 'spec.expirationSeconds',
      value: exp,
      detail: 'may not specify a duration less than 10 minutes',
    });
  if (exp !== undefined && exp > 2 ** 32)
    errs.push({
      type: 'Invalid',
      field: 'spec.expirationSeconds',
      value: exp,
      detail: 'may not specify a duration larger than 2^32 seconds',
    });
  const kind = spec.boundObjectRef?.kind;
  if (kind && !['Pod', 'Secret', 'Node'].includes(kind))
    errs.push({
      type: 'NotSupported',
      field: 'spec.boundObjectRef.kind',
      value: kind,
      detail: 'supported values: "Pod", "Secret", "Node"',
    });
  return errs;
}

/**
 * `POST …/serviceaccounts/<name>/token` (TokenRequest): mints a JWT for an existing ServiceAccount, signed by the
 * key published at `/openid/v1/jwks`. Default audience: the issuer; default lifetime: 1 h; at least 10 min.
 */
export async function handleTokenRequest(scope: ResourceScope): Promise<void> {
  const { ctx } = scope;
  const namespace = scope.namespace ?? '';
  const name = scope.name ?? '';
  const sa = ctx.store.get('/serviceaccounts', namespace, name);
  if (!sa) throw notFound({ group: '', resource: 'serviceaccounts' }, name);
  const body = (await decodeBody(scope)).value;
  if (!isJsonObject(body)) throw badRequest('the body of a TokenRequest must be a JSON object');
  const spec = (isJsonObject(body.spec) ? body.spec : {}) as TokenRequestSpec;
  const errors = validateSpec(spec);
  if (errors.length > 0)
    throw invalid({ group: 'authentication.k8s.io', kind: 'TokenRequest' }, name, errors);
  const audiences = spec.audiences?.length ? spec.audiences : [ctx.issuer.issuer];
  const expirationSeconds = spec.expirationSeconds ?? 3600;
  const bound = spec.boundObjectRef ?? undefined;
  const { token, expirationTimestamp } = await ctx.issuer.mint({
    namespace,
    name,
    uid: sa.object.metadata.uid ?? '',
    audiences,
    expirationSeconds,
    boundObjectRef: bound,
  });
  sendJson(scope.res, 201, {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name, namespace, creationTimestamp: null },
    spec: { audiences, expirationSeconds, boundObjectRef: bound ?? null },
    status: { token, expirationTimestamp: expirationTimestamp.toISOString().replace(/\.\d{3}Z$/, 'Z') },
  });
}
