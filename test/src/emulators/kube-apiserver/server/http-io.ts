import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, internalError } from '../api/api-error.js';

const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** Reads the whole request body (413 beyond 3 MiB, like etcd's request limit). */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(
          new ApiError(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${MAX_BODY_BYTES}`),
        );
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Headers for `Warning: 299 - "<text>"`, one per warning. */
export function warningHeaders(warnings: readonly string[]): Record<string, string[]> {
  if (warnings.length === 0) return {};
  return { Warning: warnings.map((w) => `299 - ${JSON.stringify(w)}`) };
}

/** Writes a JSON response (every body the API writes is `application/json`). */
export function sendJson(
  res: ServerResponse,
  code: number,
  body: string | object,
  headers: Record<string, string | string[]> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Writes a Status error; anything that is not an ApiError becomes a 500. */
export function sendError(res: ServerResponse, err: unknown): void {
  const apiError =
    err instanceof ApiError ? err : internalError(err instanceof Error ? err.message : String(err));
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, apiError.code, apiError.toStatus(), apiError.headers);
}
