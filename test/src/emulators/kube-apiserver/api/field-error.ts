/**
 * Field errors, rendered exactly like apimachinery's `field.Error`: `<field>: <Type>: <value>: <detail>`.
 */

/** The error types of apimachinery `field.ErrorType`. */
export type FieldErrorType =
  | 'Required'
  | 'Invalid'
  | 'TypeInvalid'
  | 'NotSupported'
  | 'Forbidden'
  | 'Duplicate'
  | 'TooLong'
  | 'TooMany'
  | 'NotFound';

const TYPE_TEXT: Record<FieldErrorType, string> = {
  Required: 'Required value',
  Invalid: 'Invalid value',
  TypeInvalid: 'Invalid value',
  NotSupported: 'Unsupported value',
  Forbidden: 'Forbidden',
  Duplicate: 'Duplicate value',
  TooLong: 'Too long',
  TooMany: 'Too many',
  NotFound: 'Not found',
};

const CAUSE_REASON: Record<FieldErrorType, string> = {
  Required: 'FieldValueRequired',
  Invalid: 'FieldValueInvalid',
  TypeInvalid: 'FieldValueTypeInvalid',
  NotSupported: 'FieldValueNotSupported',
  Forbidden: 'FieldValueForbidden',
  Duplicate: 'FieldValueDuplicate',
  TooLong: 'FieldValueTooLong',
  TooMany: 'FieldValueTooMany',
  NotFound: 'FieldValueNotFound',
};

/** One validation failure on one field. */
export interface FieldError {
  type: FieldErrorType;
  field: string;
  value?: unknown;
  /** Pre-rendered value text, for values Go prints specially (e.g. `0x0`). */
  rawValue?: string;
  detail?: string;
}

/** Renders a bad value as Go's field errors do: strings quoted, numbers bare, objects as JSON. */
export function renderValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The part after `<field>: ` (Go's `ErrorBody()`), used as a Status cause message. */
export function fieldErrorBody(e: FieldError): string {
  const bare = e.type === 'Required' || e.type === 'Forbidden' || e.type === 'TooLong';
  let s = bare ? TYPE_TEXT[e.type] : `${TYPE_TEXT[e.type]}: ${e.rawValue ?? renderValue(e.value)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** The full `<field>: <body>` text. */
export function fieldErrorText(e: FieldError): string {
  return `${e.field}: ${fieldErrorBody(e)}`;
}

/** The Status cause reason for a field error type. */
export function causeReason(type: FieldErrorType): string {
  return CAUSE_REASON[type];
}

/** Joins several field errors as Go's aggregate does: one → itself, several → `[a, b]`. */
export function aggregateText(errors: readonly FieldError[]): string {
  const texts = errors.map(fieldErrorText);
  return texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
}
