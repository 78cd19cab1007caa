import { createPublicKey, createVerify } from 'node:crypto';
import { CoreV1Api, KubeConfig, type V1TokenRequestSpec } from '@kubernetes/client-node';
import { apiError, rawRequest, startKubeTestEnv, type KubeTestEnv } from './testing/kube-test-client.js';

let env: KubeTestEnv;

beforeAll(async () => {
  env = await startKubeTestEnv();
  await env.core.createNamespacedServiceAccount({
    namespace: 'default',
    body: { metadata: { name: 'operator' } },
  });
});
afterAll(async () => {
  await env.server.stop();
});

async function requestToken(spec: V1TokenRequestSpec): Promise<string> {
  const reply = await env.core.createNamespacedServiceAccountToken({
    name: 'operator',
    namespace: 'default',
    body: { spec },
  });
  return reply.status?.token ?? '';
}

function clientWithToken(token: string): CoreV1Api {
  const kc = new KubeConfig();
  kc.loadFromFile(env.server.kubeconfigPath);
  kc.loadFromOptions({
    clusters: kc.clusters,
    contexts: kc.contexts,
    currentContext: kc.currentContext,
    users: [{ name: kc.getCurrentUser()?.name ?? '', token }],
  });
  return kc.makeApiClient(CoreV1Api);
}

function decodePart(token: string, i: number): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[i], 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

describe('transport and authentication', () => {
  test('the kubeconfig carries the CA so TLS verification passes, and /version reports 1.32', async () => {
    const reply = await rawRequest(env.server, 'GET', '/version', { token: null });
    expect(env.server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(JSON.parse(reply.body)).toMatchObject({ major: '1', minor: '32', gitVersion: 'v1.32.4' });
  });

  test('a request without a valid token gets 401 Unauthorized', async () => {
    const reply = await rawRequest(env.server, 'GET', '/api/v1/namespaces', { token: 'wrong' });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
  });

  test('a ServiceAccount token for the API audience authenticates API requests as that ServiceAccount', async () => {
    const token = await requestToken({ audiences: [] });
    const mark = env.server.requestLog.mark();
    await clientWithToken(token).listNamespace();
    expect(env.server.requestLog.entries({ verb: 'list', resource: 'namespaces', since: mark })[0].user).toBe(
      'system:serviceaccount:default:operator',
    );
  });

  test('a ServiceAccount token for another audience is refused by the API', async () => {
    const token = await requestToken({ audiences: ['vault'] });
    expect((await apiError(clientWithToken(token).listNamespace())).code).toBe(401);
  });
});

describe('ServiceAccount tokens', () => {
  test('TokenRequest returns an RS256 JWT with Kubernetes claims, verifiable with the published JWKS', async () => {
    // WHEN a token is requested for audience vault
    const token = await requestToken({ audiences: ['vault'], expirationSeconds: 600 });
    // THEN its header and claims look like kube-apiserver's
    const header = decodePart(token, 0);
    const claims = decodePart(token, 1) as {
      aud: string[];
      iss: string;
      sub: string;
      exp: number;
      iat: number;
      'kubernetes.io': { namespace: string; serviceaccount: { name: string; uid: string } };
    };
    const sa = await env.core.readNamespacedServiceAccount({ name: 'operator', namespace: 'default' });
    expect(header).toMatchObject({
      alg: 'RS256',
      kid:
        env.server.serviceAccountTokens.jwks().keys[0] &&
        (env.server.serviceAccountTokens.jwks().keys[0] as { kid: string }).kid,
    });
    expect(claims).toMatchObject({
      aud: ['vault'],
      iss: 'https://kubernetes.default.svc.cluster.local',
      sub: 'system:serviceaccount:default:operator',
    });
    expect(claims['kubernetes.io']).toEqual({
      namespace: 'default',
      serviceaccount: { name: 'operator', uid: sa.metadata?.uid },
    });
    expect(claims.exp - claims.iat).toBe(600);
    // AND the JWKS served over HTTPS verifies the signature
    const jwks = JSON.parse(
      (await rawRequest(env.server, 'GET', '/openid/v1/jwks', { token: null })).body,
    ) as { keys: Array<Record<string, string>> };
    const key = createPublicKey({ key: jwks.keys[0], format: 'jwk' });
    const [h, p, s] = token.split('.');
    expect(createVerify('RSA-SHA256').update(`${h}.${p}`).verify(key, Buffer.from(s, 'base64url'))).toBe(
      true,
    );
  });

  test('OIDC discovery names the issuer and the JWKS URI', async () => {
    const doc = JSON.parse(
      (await rawRequest(env.server, 'GET', '/.well-known/openid-configuration', { token: null })).body,
    ) as Record<string, unknown>;
    expect(doc).toMatchObject({
      issuer: 'https://kubernetes.default.svc.cluster.local',
      jwks_uri: `${env.server.url}/openid/v1/jwks`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
  });

  test('a TokenRequest shorter than ten minutes is refused with 422', async () => {
    const err = await apiError(
      env.core.createNamespacedServiceAccountToken({
        name: 'operator',
        namespace: 'default',
        body: { spec: { audiences: [], expirationSeconds: 60 } },
      }),
    );
    expect(err.code).toBe(422);
    expect(err.status.message).toBe(
      'TokenRequest.authentication.k8s.io "operator" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes',
    );
  });

  test('TokenReview authenticates a token for its audience and rejects it once the ServiceAccount is gone', async () => {
    const authApi = await import('@kubernetes/client-node').then((m) =>
      env.kc.makeApiClient(m.AuthenticationV1Api),
    );
    await env.core.createNamespacedServiceAccount({
      namespace: 'default',
      body: { metadata: { name: 'short-lived' } },
    });
    const reply = await env.core.createNamespacedServiceAccountToken({
      name: 'short-lived',
      namespace: 'default',
      body: { spec: { audiences: ['vault'] } },
    });
    const token = reply.status?.token ?? '';
    const ok = await authApi.createTokenReview({ body: { spec: { token, audiences: ['vault'] } } });
    expect(ok.status).toMatchObject({
      authenticated: true,
      user: {
        username: 'system:serviceaccount:default:short-lived',
        groups: ['system:serviceaccounts', 'system:serviceaccounts:default', 'system:authenticated'],
      },
      audiences: ['vault'],
    });
    const wrongAudience = await authApi.createTokenReview({
      body: { spec: { token, audiences: ['other'] } },
    });
    expect(wrongAudience.status?.authenticated).toBeFalsy();
    await env.core.deleteNamespacedServiceAccount({ name: 'short-lived', namespace: 'default' });
    const revoked = await authApi.createTokenReview({ body: { spec: { token, audiences: ['vault'] } } });
    expect(revoked.status?.authenticated).toBeFalsy();
  });

  test('the signer is available programmatically: minted tokens verify, foreign tokens do not', async () => {
    const { token } = await env.server.serviceAccountTokens.mint({
      namespace: 'default',
      name: 'operator',
      uid: 'u-1',
      audiences: ['vault'],
    });
    expect(await env.server.serviceAccountTokens.verify(token, ['vault'])).toMatchObject({
      namespace: 'default',
      name: 'operator',
      uid: 'u-1',
    });
    expect(
      await env.server.serviceAccountTokens.verify(`${token.slice(0, -4)}AAAA`, ['vault']),
    ).toBeUndefined();
  });
});
