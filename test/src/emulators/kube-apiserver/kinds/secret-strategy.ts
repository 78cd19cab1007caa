import { badRequest } from '../api/api-error.js';
import type { FieldError } from '../api/field-error.js';
import { isJsonObject, type KubeObject } from '../api/kube-object.js';
import type { KindStrategy } from '../api/resource-type.js';
import { validateDataKeys, validateImmutable } from './data-keys.js';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const MAX_SECRET_BYTES = 1024 * 1024;

/** Keys each typed Secret must carry (`ValidateSecret`). */
const REQUIRED_KEYS: Record<string, readonly string[]> = {
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
};

/** Defaults `type` and folds `stringData` into base64 `data` (stringData wins), refusing bad base64 with 400. */
function normalise(obj: KubeObject): void {
  if (obj.type === undefined || obj.type === '') obj.type = 'Opaque';
  const data: Record<string, unknown> = isJsonObject(obj.data) ? { ...obj.data } : {};
  for (const [k, v] of Object.entries(data)) {
    if (v === null) delete data[k];
    else if (typeof v !== 'string' || !BASE64.test(v))
      throw badRequest(
        `Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 0`,
      );
  }
  if (isJsonObject(obj.stringData)) {
    for (const [k, v] of Object.entries(obj.stringData))
      data[k] = Buffer.from(String(v ?? ''), 'utf8').toString('base64');
  }
  delete obj.stringData;
  if (Object.keys(data).length > 0 || obj.data !== undefined) obj.data = data;
  if (Object.keys(data).length === 0) delete obj.data;
}

function validateTyped(obj: KubeObject): FieldError[] {
  const data = (obj.data ?? {}) as Record<string, string>;
  const type = String(obj.type);
  const errs: FieldError[] = (REQUIRED_KEYS[type] ?? [])
    .filter((k) => data[k] === undefined)
    .map((k) => ({ type: 'Required', field: `data[${k}]` }) as FieldError);
  if (type === 'kubernetes.io/basic-auth' && data.username === undefined && data.password === undefined) {
    errs.push({ type: 'Required', field: 'data[username]' }, { type: 'Required', field: 'data[password]' });
  }
  if (
    type === 'kubernetes.io/service-account-token' &&
    !obj.metadata.annotations?.['kubernetes.io/service-account.name']
  ) {
    errs.push({ type: 'Required', field: 'metadata.annotations[kubernetes.io/service-account.name]' });
  }
  if (type === 'kubernetes.io/dockerconfigjson' && data['.dockerconfigjson'] !== undefined) {
    try {
      JSON.parse(Buffer.from(data['.dockerconfigjson'], 'base64').toString('utf8'));
    } catch (e) {
      errs.push({
        type: 'Invalid',
        field: 'data[.dockerconfigjson]',
        value: '<secret contents redacted>',
        detail: (e as Error).message,
      });
    }
  }
  return errs;
}

function validate(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const errs = validateDataKeys('data', obj.data);
  const size = Object.entries((obj.data ?? {}) as Record<string, string>).reduce(
    (n, [k, v]) => n + k.length + Math.floor((v.length * 3) / 4),
    0,
  );
  if (size > MAX_SECRET_BYTES)
    errs.push({ type: 'TooLong', field: 'data', detail: `may not be more than ${MAX_SECRET_BYTES} bytes` });
  errs.push(...validateTyped(obj));
  if (old) {
    if (old.type !== obj.type)
      errs.push({ type: 'Invalid', field: 'type', value: obj.type, detail: 'field is immutable' });
    errs.push(...validateImmutable(obj, old, ['data']));
  }
  return errs;
}

/** Secret: `stringData` folded into `data`, typed-secret keys, 1 MiB limit, immutable Secrets refuse changes. */
export const secretStrategy: KindStrategy = {
  hasGeneration: false,
  allowUnconditionalUpdate: true,
  prepareForCreate: normalise,
  prepareForUpdate: normalise,
  validate,
};
