import { InMemoryKube } from '../kube/in-memory-kube.js';
import { aSecret } from '../testing/fixtures.js';
import { InvalidProviderConfigError } from './errors.js';
import { Redactor } from '../logging/redactor.js';
import { KubeProviderAccess, ReferentNamespaceUnavailableError } from './provider-kube-access.js';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function kubeWithCredentials(): InMemoryKube {
  const kube = new InMemoryKube();
  kube.seed(
    aSecret('creds').inNamespace('team-a').withData({ token: 'canary-team-a' }).build(),
    aSecret('creds').inNamespace('team-b').withData({ token: 'canary-team-b' }).build(),
    aSecret('creds').inNamespace('platform').withData({ token: 'canary-platform' }).build(),
  );
  return kube;
}

describe('KubeProviderAccess', () => {
  describe('for a SecretStore', () => {
    const access = (kube: InMemoryKube) =>
      new KubeProviderAccess({
        kube,
        store: { kind: 'SecretStore', name: 'vault', namespace: 'team-a' },
        referentNamespace: 'team-a',
      });

    it('reads a key of a Secret in the store namespace', async () => {
      const kube = kubeWithCredentials();
      expect(text(await access(kube).readSecretKey({ name: 'creds', key: 'token' }))).toBe('canary-team-a');
      expect(
        text(await access(kube).readSecretKey({ name: 'creds', key: 'token', namespace: 'team-a' })),
      ).toBe('canary-team-a');
    });

    it('can never read another namespace, and says which namespace it refused', async () => {
      const kube = kubeWithCredentials();
      const attempt = access(kube).readSecretKey({ name: 'creds', key: 'token', namespace: 'team-b' });
      await expect(attempt).rejects.toThrow(InvalidProviderConfigError);
      await expect(
        access(kube).readSecretKey({ name: 'creds', key: 'token', namespace: 'team-b' }),
      ).rejects.toThrow(/may not reference Secret "creds" in namespace "team-b"/);
      expect(kube.callsOf('get', 'Secret')).toHaveLength(0);
    });

    it('names the Secret and key when the Secret or the key is missing, never a value', async () => {
      const kube = kubeWithCredentials();
      await expect(access(kube).readSecretKey({ name: 'absent', key: 'token' })).rejects.toThrow(
        'Secret "team-a/absent" referenced by SecretStore "team-a/vault" was not found',
      );
      const missingKey = access(kube).readSecretKey({ name: 'creds', key: 'password' });
      await expect(missingKey).rejects.toThrow(
        'Secret "team-a/creds" referenced by SecretStore "team-a/vault" has no key "password"',
      );
      await expect(access(kube).readSecretKey({ name: 'creds', key: 'password' })).rejects.not.toThrow(
        /canary/,
      );
    });

    it('asks for a key when the reference names none', async () => {
      await expect(access(kubeWithCredentials()).readSecretKey({ name: 'creds' })).rejects.toThrow(
        /has no key; set the key/,
      );
    });
  });

  describe('for a ClusterSecretStore', () => {
    const access = (kube: InMemoryKube, referentNamespace: string) =>
      new KubeProviderAccess({
        kube,
        store: { kind: 'ClusterSecretStore', name: 'shared' },
        referentNamespace,
        tokenIssuer: kube,
      });

    it('honours an explicit namespace', async () => {
      expect(
        text(
          await access(kubeWithCredentials(), 'team-a').readSecretKey({
            name: 'creds',
            key: 'token',
            namespace: 'platform',
          }),
        ),
      ).toBe('canary-platform');
    });

    it('uses the referent (ExternalSecret) namespace when none is given', async () => {
      const kube = kubeWithCredentials();
      expect(text(await access(kube, 'team-b').readSecretKey({ name: 'creds', key: 'token' }))).toBe(
        'canary-team-b',
      );
    });

    it('cannot resolve a referent reference while validating the store alone', async () => {
      await expect(
        access(kubeWithCredentials(), '').readSecretKey({ name: 'creds', key: 'token' }),
      ).rejects.toThrow(ReferentNamespaceUnavailableError);
    });

    it('requests ServiceAccount tokens in the resolved namespace with the audiences asked for', async () => {
      const kube = kubeWithCredentials();
      kube.seed({
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'reader', namespace: 'team-b' },
      });
      const token = await access(kube, 'team-b').createServiceAccountToken(
        { name: 'reader', audiences: ['vault'] },
        { expirationSeconds: 600 },
      );
      expect(token).toBe('token:team-b/reader:vault:600');
    });
  });

  it('refuses ServiceAccount tokens clearly when no TokenRequest access is wired', async () => {
    const access = new KubeProviderAccess({
      kube: new InMemoryKube(),
      store: { kind: 'SecretStore', name: 's', namespace: 'ns' },
      referentNamespace: 'ns',
    });
    await expect(access.createServiceAccountToken({ name: 'sa' })).rejects.toThrow(/no TokenRequest access/);
  });

  it('registers every credential it reads and every token it issues for redaction', async () => {
    // GIVEN access wired to a redactor
    const kube = kubeWithCredentials();
    kube.seed({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'reader', namespace: 'team-a' },
    });
    const secrets = new Redactor();
    const access = new KubeProviderAccess({
      kube,
      store: { kind: 'SecretStore', name: 's', namespace: 'team-a' },
      referentNamespace: 'team-a',
      tokenIssuer: { createToken: async ({ name }) => `issued-token-for-${name}` },
      secrets,
    });
    // WHEN a credential is read and a token issued
    await access.readSecretKey({ name: 'creds', key: 'token' });
    await access.createServiceAccountToken({ name: 'reader' });
    // THEN neither can appear in redacted text
    expect(secrets.redact('got canary-team-a and issued-token-for-reader')).toBe(
      'got [REDACTED] and [REDACTED]',
    );
  });
});
