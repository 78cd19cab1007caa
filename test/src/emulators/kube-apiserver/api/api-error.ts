import { aggregateText, causeReason, fieldErrorBody, type FieldError } from './field-error.js';

/** One entry of `Status.details.causes`. */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** `Status.details` as the API server writes it. */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** A `meta/v1 Status` body. */
export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/**
 * An error that the server answers with a Kubernetes `Status` body. Every handler throws these; the router turns
 * them into responses, so one place decides the wire shape.
 */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The Status body for this error. */
  toStatus(): StatusBody {
    const body: StatusBody = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      code: this.code,
    };
    if (this.details) body.details = this.details;
    return body;
  }
}

/** A group plus resource (`widgets.example.com`, `secrets`). */
export interface GroupResource {
  group: string;
  resource: string;
}

/** A group plus kind (`Widget.example.com`, `Secret`). */
export interface GroupKind {
  group: string;
  kind: string;
}

/** `plural.group`, or `plural` for the core group. */
export function groupResourceString(gr: GroupResource): string {
  return gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
}

function grDetails(gr: GroupResource, name: string): StatusDetails {
  return gr.group ? { name, group: gr.group, kind: gr.resource } : { name, kind: gr.resource };
}

/** 404 for a missing object. */
export function notFound(gr: GroupResource, name: string): ApiError {
  return new ApiError(404, 'NotFound', `${groupResourceString(gr)} "${name}" not found`, grDetails(gr, name));
}

/** 404 for an unknown path, group, version or resource. */
export function unknownResource(): ApiError {
  return new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});
}

/** 409 when a create meets an existing name. */
export function alreadyExists(gr: GroupResource, name: string): ApiError {
  return new ApiError(
    409,
    'AlreadyExists',
    `${groupResourceString(gr)} "${name}" already exists`,
    grDetails(gr, name),
  );
}

/** The optimistic-lock text of a stale resourceVersion. */
export const OPTIMISTIC_LOCK_MESSAGE =
  'the object has been modified; please apply your changes to the latest version and try again';

/** 409 for a stale resourceVersion or failed precondition. */
export function conflict(gr: GroupResource, name: string, why: string = OPTIMISTIC_LOCK_MESSAGE): ApiError {
  return new ApiError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${groupResourceString(gr)} "${name}": ${why}`,
    grDetails(gr, name),
  );
}

/** 422 with one cause per field error. */
export function invalid(gk: GroupKind, name: string, errors: readonly FieldError[]): ApiError {
  const qualified = gk.group ? `${gk.kind}.${gk.group}` : gk.kind;
  const details: StatusDetails = { name, ...(gk.group ? { group: gk.group } : {}), kind: gk.kind };
  details.causes = errors.map((e) => ({
    reason: causeReason(e.type),
    message: fieldErrorBody(e),
    field: e.field,
  }));
  return new ApiError(422, 'Invalid', `${qualified} "${name}" is invalid: ${aggregateText(errors)}`, details);
}

/** 400 with a free-text message and no details. */
export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message);
}

/** 403 for an admission refusal such as a terminating namespace. */
export function forbidden(gr: GroupResource, name: string, why: string, causes?: StatusCause[]): ApiError {
  const details = grDetails(gr, name);
  if (causes) details.causes = causes;
  return new ApiError(403, 'Forbidden', `${groupResourceString(gr)} "${name}" is forbidden: ${why}`, details);
}

/** 405 for a verb the resource does not support now. */
export function methodNotAllowed(message: string, details?: StatusDetails): ApiError {
  return new ApiError(405, 'MethodNotAllowed', message, details);
}

/** 415 listing the patch media types the resource accepts. */
export function unsupportedMediaType(accepted: readonly string[]): ApiError {
  return new ApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
  );
}

/** 410 for a resourceVersion older than the retained history. */
export function expired(requested: string | number, oldest: number): ApiError {
  return new ApiError(410, 'Expired', `too old resource version: ${requested} (${oldest})`);
}

/** 500 for a failure the request cannot fix. */
export function internalError(message: string): ApiError {
  return new ApiError(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] });
}

/** 401 for a missing or unknown bearer token. */
export function unauthorized(): ApiError {
  return new ApiError(401, 'Unauthorized', 'Unauthorized');
}
