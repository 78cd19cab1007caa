import type { IncomingMessage } from 'node:http';
import { unauthorized } from '../api/api-error.js';
import type { ObjectStore } from '../storage/object-store.js';
import type { ServiceAccountIssuer } from './service-account-issuer.js';

/** The authenticated caller. */
export interface UserInfo {
  readonly username: string;
  readonly uid?: string;
  readonly groups: readonly string[];
}

/** The admin user of the emulator's kubeconfig. */
export const ADMIN_USER: UserInfo = {
  username: 'tessera-admin',
  groups: ['system:masters', 'system:authenticated'],
};

/** A service account as a user, with the groups kube-apiserver gives it. */
export function serviceAccountUser(namespace: string, name: string, uid: string): UserInfo {
  return {
    username: `system:serviceaccount:${namespace}:${name}`,
    uid,
    groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
  };
}

/**
 * Bearer-token authentication: the admin token, or a ServiceAccount JWT minted by this server whose audience
 * includes the API audience and whose ServiceAccount still exists with the same uid. No RBAC is enforced.
 */
export class Authenticator {
  private readonly cache = new Map<string, { user: UserInfo; until: number }>();

  constructor(
    private readonly adminToken: string,
    private readonly issuer: ServiceAccountIssuer,
    private readonly store: ObjectStore,
    private readonly acceptAnyToken: boolean,
  ) {}

  /** The user of a request when no lookup is needed (the admin token), so the caller can skip an await. */
  knownUser(req: IncomingMessage): UserInfo | undefined {
    const header = req.headers.authorization;
    return header !== undefined && header.startsWith('Bearer ') && header.slice(7).trim() === this.adminToken
      ? ADMIN_USER
      : undefined;
  }

  /** The user of a request, or a 401 ApiError. */
  async authenticate(req: IncomingMessage): Promise<UserInfo> {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (token === this.adminToken) return ADMIN_USER;
    const user = token ? await this.fromServiceAccountToken(token) : undefined;
    if (user) return user;
    if (this.acceptAnyToken) return { username: 'system:anonymous', groups: ['system:unauthenticated'] };
    throw unauthorized();
  }

  /** Resolves a ServiceAccount token to its user if it is valid for `audiences` (default: the API audience). */
  async fromServiceAccountToken(
    token: string,
    audiences: readonly string[] = [this.issuer.issuer],
  ): Promise<UserInfo | undefined> {
    const cacheKey = `${audiences.join(',')}|${token}`;
    const hit = this.cache.get(cacheKey);
    if (hit && hit.until > Date.now() && this.serviceAccountExists(hit.user)) return hit.user;
    const verified = await this.issuer.verify(token, audiences);
    if (!verified) return undefined;
    const user = serviceAccountUser(verified.namespace, verified.name, verified.uid);
    if (!this.serviceAccountExists(user)) return undefined;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(cacheKey, { user, until: verified.expiresAt });
    return user;
  }

  private serviceAccountExists(user: UserInfo): boolean {
    const [, , namespace, name] = user.username.split(':');
    const sa = this.store.get('/serviceaccounts', namespace, name);
    return !!sa && (!user.uid || sa.object.metadata.uid === user.uid);
  }
}
