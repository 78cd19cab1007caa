import { KubeApiError } from './kube-port.js';

/** Builds a {@link KubeApiError} from a non-2xx answer, reading the `Status` body when there is one. */
export function statusError(
  code: number,
  body: string,
  request: { method: string; path: string },
): KubeApiError {
  let reason = reasonForCode(code);
  let message = body.slice(0, 512) || `HTTP ${code}`;
  try {
    const status = JSON.parse(body) as { reason?: unknown; message?: unknown };
    if (typeof status.reason === 'string' && status.reason) reason = status.reason;
    if (typeof status.message === 'string' && status.message) message = status.message;
  } catch {
    // not a Status object; keep the raw text
  }
  return new KubeApiError(`${request.method} ${request.path}: ${message}`, code, reason);
}

function reasonForCode(code: number): string {
  const reasons: Record<number, string> = {
    400: 'BadRequest',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'NotFound',
    405: 'MethodNotAllowed',
    409: 'Conflict',
    410: 'Expired',
    415: 'UnsupportedMediaType',
    422: 'Invalid',
    429: 'TooManyRequests',
    500: 'InternalError',
    503: 'ServiceUnavailable',
    504: 'Timeout',
  };
  return reasons[code] ?? 'Unknown';
}
