import { badRequest } from '../api/api-error.js';

/** The opaque `continue` token: the list's resourceVersion and the last key returned. */
export interface ContinueToken {
  readonly rv: number;
  readonly key: string;
}

/** Encodes a continue token. */
export function encodeContinue(token: ContinueToken): string {
  return Buffer.from(JSON.stringify({ v: 'tessera/v1', rv: token.rv, start: token.key })).toString(
    'base64url',
  );
}

/** Decodes a continue token (400 when malformed). */
export function decodeContinue(text: string): ContinueToken {
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as {
      v?: string;
      rv?: number;
      start?: string;
    };
    if (parsed.v !== 'tessera/v1' || typeof parsed.rv !== 'number' || typeof parsed.start !== 'string')
      throw new Error('bad token');
    return { rv: parsed.rv, key: parsed.start };
  } catch {
    throw badRequest(
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    );
  }
}
