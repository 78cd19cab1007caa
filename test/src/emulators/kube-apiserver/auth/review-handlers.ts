import { isJsonObject, type KubeObject } from '../api/kube-object.js';
import { ADMIN_USER, type Authenticator } from './authenticator.js';

/**
 * TokenReview (what Vault's Kubernetes auth calls): authenticates a ServiceAccount JWT for the requested audiences
 * (default: the API audience) and answers with the user, or `authenticated: false`.
 */
export function tokenReviewHandler(
  authenticator: Authenticator,
  adminToken: string,
  apiAudience: string,
): (body: KubeObject) => Promise<KubeObject> {
  return async (body) => {
    const spec = (isJsonObject(body.spec) ? body.spec : {}) as { token?: string; audiences?: string[] };
    const audiences = spec.audiences?.length ? spec.audiences : [apiAudience];
    const reply = (status: Record<string, unknown>): KubeObject => ({
      kind: 'TokenReview',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: { creationTimestamp: null } as unknown as KubeObject['metadata'],
      spec: { ...spec },
      status,
    });
    if (spec.token && spec.token === adminToken)
      return reply({
        authenticated: true,
        user: { username: ADMIN_USER.username, groups: ADMIN_USER.groups },
        audiences,
      });
    const user = spec.token ? await authenticator.fromServiceAccountToken(spec.token, audiences) : undefined;
    if (!user)
      return reply({ user: {}, error: '[invalid bearer token, service account token has been invalidated]' });
    return reply({
      authenticated: true,
      user: { username: user.username, uid: user.uid, groups: user.groups },
      audiences,
    });
  };
}

/** Self/SubjectAccessReview: the emulator enforces no RBAC, so everything is allowed. */
export function accessReviewHandler(body: KubeObject): KubeObject {
  return {
    ...body,
    metadata: { creationTimestamp: null } as unknown as KubeObject['metadata'],
    status: { allowed: true, reason: 'the tessera kube emulator does not enforce RBAC' },
  };
}
