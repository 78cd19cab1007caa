/**
 * Small TypeBox builders that keep every schema inside the subset a Kubernetes structural schema
 * allows (no `anyOf` of literals, no `patternProperties`, no `$ref`), so that one definition serves
 * the TypeScript type, offline validation and CRD generation alike.
 */
import { Type, type SchemaOptions, type TSchema, type TUnsafe } from '@sinclair/typebox';

/** DNS-1123 subdomain, as ESO's CRDs spell it. */
export const DNS1123_SUBDOMAIN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
/** DNS-1123 label (namespaces). */
export const DNS1123_LABEL = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';
/** A key of a Secret / ConfigMap. */
export const SECRET_KEY_PATTERN = '^[-._a-zA-Z0-9]+$';

/** A string restricted to `values`, emitted as `{type: string, enum: [...]}`. */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: SchemaOptions = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ ...options, type: 'string', enum: [...values] });
}

/** A map of string to string (`additionalProperties: {type: string}`). */
export function StringMap(options: SchemaOptions = {}): TUnsafe<Record<string, string>> {
  return Type.Unsafe<Record<string, string>>({
    ...options,
    type: 'object',
    additionalProperties: { type: 'string' },
  });
}

/** A map of string to `value` (`additionalProperties: value`). */
export function MapOf<T extends TSchema>(
  value: T,
  options: SchemaOptions = {},
): TUnsafe<Record<string, T['static']>> {
  return Type.Unsafe<Record<string, T['static']>>({
    ...options,
    type: 'object',
    additionalProperties: value,
  });
}

/** Kubernetes int-or-string (an integer number of seconds, or a string). */
export function IntOrString(options: SchemaOptions = {}): TUnsafe<number | string> {
  return Type.Unsafe<number | string>({
    ...options,
    'x-kubernetes-int-or-string': true,
    anyOf: [{ type: 'integer' }, { type: 'string' }],
  });
}

/** Free-form JSON kept as written (`x-kubernetes-preserve-unknown-fields`); only where ESO has it. */
export function PreserveUnknown(options: SchemaOptions = {}): TUnsafe<unknown> {
  return Type.Unsafe<unknown>({ ...options, 'x-kubernetes-preserve-unknown-fields': true });
}

/** A Kubernetes object name (DNS-1123 subdomain, 1..253). */
export function ObjectName(options: SchemaOptions = {}) {
  return Type.String({ minLength: 1, maxLength: 253, pattern: DNS1123_SUBDOMAIN, ...options });
}

/**
 * Marker keyword for strings with a Tessera-checked format. It is read by the offline validator and
 * dropped by CRD generation (ESO's CRDs declare these fields as plain strings).
 */
export const TESSERA_FORMAT = 'x-tessera-format';

/** Marker keyword: the message the validator gives for an unknown property of this object. */
export const UNKNOWN_FIELD_MESSAGE = 'x-tessera-unknown-field';

/** Formats the offline validator checks beyond JSON Schema. */
export type TesseraFormat = 'go-duration' | 'cron-schedule' | 're2';

/** A Go duration string (`1h30m`, `10s`, `0s`), checked with {@link parseGoDuration} by the validator. */
export function GoDuration(options: SchemaOptions = {}) {
  return Type.String({ ...options, [TESSERA_FORMAT]: 'go-duration' });
}

/** A string checked as an RE2 regular expression by the validator. */
export function Re2Pattern(options: SchemaOptions = {}) {
  return Type.String({ ...options, [TESSERA_FORMAT]: 're2' });
}

/** A nullable RFC 3339 timestamp (`metav1.Time` pointer), e.g. `status.refreshTime`. */
export function NullableDateTime(options: SchemaOptions = {}): TUnsafe<string | null> {
  return Type.Unsafe<string | null>({ ...options, type: 'string', format: 'date-time', nullable: true });
}
