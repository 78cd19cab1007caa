import { createHash, createPublicKey, randomUUID } from 'node:crypto';
import { exportJWK, importPKCS8, importSPKI, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import type { PemKeyPair } from '../transport/tls-material.js';

/** The default issuer of real clusters (`--service-account-issuer`). */
export const DEFAULT_ISSUER = 'https://kubernetes.default.svc.cluster.local';

/** Who a service account token names. */
export interface ServiceAccountIdentity {
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
}

/** What to put into a new token. */
export interface MintOptions extends ServiceAccountIdentity {
  /** @default [issuer] */
  readonly audiences?: readonly string[];
  /** @default 3600 */
  readonly expirationSeconds?: number;
  /** The object the token is bound to (Pod or Secret). */
  readonly boundObjectRef?: { kind: string; name: string; uid?: string };
}

/** The claims of a verified service account token. */
export interface VerifiedToken extends ServiceAccountIdentity {
  readonly audiences: readonly string[];
  readonly jti?: string;
  readonly expiresAt: number;
}

type SigningKey = Awaited<ReturnType<typeof importPKCS8>>;

/**
 * Signs and verifies ServiceAccount JWTs the way kube-apiserver does (RS256, `kid` = SHA-256 of the public key DER,
 * the `kubernetes.io` claim), and publishes the key as a JWKS so other emulators (Vault's Kubernetes auth) can verify.
 */
export class ServiceAccountIssuer {
  private constructor(
    readonly issuer: string,
    readonly keyId: string,
    readonly publicKeyPem: string,
    private readonly privateKey: SigningKey,
    private readonly publicKey: SigningKey,
    private readonly jwk: JWK,
  ) {}

  /** Builds an issuer from a PEM key pair. */
  static async create(issuer: string, keys: PemKeyPair): Promise<ServiceAccountIssuer> {
    const der = createPublicKey(keys.publicKeyPem).export({ type: 'spki', format: 'der' });
    const keyId = createHash('sha256').update(der).digest('base64url');
    const privateKey = await importPKCS8(keys.privateKeyPem, 'RS256');
    const publicKey = await importSPKI(keys.publicKeyPem, 'RS256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), use: 'sig', kid: keyId, alg: 'RS256' };
    return new ServiceAccountIssuer(issuer, keyId, keys.publicKeyPem, privateKey, publicKey, jwk);
  }

  /** The JSON Web Key Set served at `/openid/v1/jwks`. */
  jwks(): { keys: JWK[] } {
    return { keys: [{ ...this.jwk }] };
  }

  /** The OIDC discovery document served at `/.well-known/openid-configuration`. */
  openidConfiguration(jwksUri: string): Record<string, unknown> {
    return {
      issuer: this.issuer,
      jwks_uri: jwksUri,
      response_types_supported: ['id_token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
    };
  }

  /** Mints a token; returns it with its expiry. */
  async mint(o: MintOptions): Promise<{ token: string; expirationTimestamp: Date }> {
    const now = Math.floor(Date.now() / 1000);
    const exp = now + (o.expirationSeconds ?? 3600);
    const k8s: Record<string, unknown> = {
      namespace: o.namespace,
      serviceaccount: { name: o.name, uid: o.uid },
    };
    if (o.boundObjectRef)
      k8s[o.boundObjectRef.kind.toLowerCase()] = {
        name: o.boundObjectRef.name,
        uid: o.boundObjectRef.uid ?? '',
      };
    const token = await new SignJWT({ 'kubernetes.io': k8s })
      .setProtectedHeader({ alg: 'RS256', kid: this.keyId })
      .setIssuer(this.issuer)
      .setSubject(`system:serviceaccount:${o.namespace}:${o.name}`)
      .setAudience([...(o.audiences ?? [this.issuer])])
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(exp)
      .setJti(randomUUID())
      .sign(this.privateKey);
    return { token, expirationTimestamp: new Date(exp * 1000) };
  }

  /** Verifies signature, issuer, expiry and (when given) that one of `audiences` is in the token. */
  async verify(token: string, audiences?: readonly string[]): Promise<VerifiedToken | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.publicKey, {
        issuer: this.issuer,
        audience: audiences ? [...audiences] : undefined,
      });
      return identityOf(payload);
    } catch {
      return undefined;
    }
  }
}

function identityOf(payload: JWTPayload): VerifiedToken | undefined {
  const k8s = payload['kubernetes.io'] as
    { namespace?: string; serviceaccount?: { name?: string; uid?: string } } | undefined;
  if (!k8s?.namespace || !k8s.serviceaccount?.name) return undefined;
  const aud = payload.aud;
  return {
    namespace: k8s.namespace,
    name: k8s.serviceaccount.name,
    uid: k8s.serviceaccount.uid ?? '',
    audiences: Array.isArray(aud) ? aud : aud ? [aud] : [],
    jti: payload.jti,
    expiresAt: (payload.exp ?? 0) * 1000,
  };
}
